package nl.loket.knowledge;

/**
 * Turns a candidate's features into a confidence in [0,1] with a logistic function; 0.5 is the threshold between
 * "clearly this topic" and "unsure or out of scope".
 *
 * <p>The weights were fitted by L2-regularised logistic regression (label: the candidate is the right topic of an
 * answerable question; out-of-scope questions weighed five times, since answering them is the worst outcome) on the
 * labelled development set plus {@code kb-fixtures/calibration-extra.jsonl} (extra paraphrases and out-of-scope
 * questions), then rounded, with the bias a little lower than fitted (more cautious). Ten-fold cross validation gave
 * the same figures as the fit, so the weights do not lean on single questions. The weight for an unknown abbreviation
 * is set by hand: too few examples to fit, and the rule is simple. Refit with the opt-in test {@code CalibrationFit}
 * when the knowledge base changes much. Since the categorizer also learns from the spent sets' questions, the fit scores
 * each spent set with a knowledge base trained without it (cross-fitting); that refit on 3,620 questions gave the same
 * weights within rounding and no better accuracy (0.934 against 0.938 for these), so they stayed.
 *
 * @param bias          constant
 * @param combined      the candidate's combined score (half normalised search score, half categorizer probability)
 * @param margin        its combined score minus the best other candidate's
 * @param agree         1 when search and categorizer both rank it first
 * @param coverage      IDF-weighted share of the question's content words the knowledge base knows
 * @param topicCoverage IDF-weighted share of the question's content words that matched the candidate's article
 * @param probability   the categorizer's probability for the candidate
 * @param outOfScope    the categorizer's probability for its out-of-scope class
 * @param acronym       1 when the question has an abbreviation in capitals the knowledge base does not know (UWV, CJIB)
 */
record Calibration(double bias, double combined, double margin, double agree, double coverage, double topicCoverage,
                   double probability, double outOfScope, double acronym) {

    static final Calibration DEFAULT = new Calibration(-4.3, 1.2, 1.35, 0.6, 1.0, 1.0, 2.35, -1.0, -1.5);

    double confidence(Retriever.Features f) {
        double z = bias
                + combined * f.combined()
                + margin * f.margin()
                + agree * (f.agree() ? 1 : 0)
                + coverage * f.coverage()
                + topicCoverage * f.topicCoverage()
                + probability * f.probability()
                + outOfScope * f.outOfScope()
                + acronym * (f.unknownAcronym() ? 1 : 0);
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
