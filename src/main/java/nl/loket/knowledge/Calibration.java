package nl.loket.knowledge;

/**
 * Turns a candidate's features into a confidence in [0,1] with a logistic function. The weights were fitted by
 * logistic regression on a labelled development set (correct topic versus wrong topic or out of scope) and rounded;
 * 0.5 is the threshold between "clearly this topic" and "unsure or out of scope".
 */
record Calibration(double bias, double combined, double margin, double agree, double coverage, double topicCoverage,
                   double probability) {

    static final Calibration DEFAULT = new Calibration(-6.0, 3.0, 3.0, 1.0, 3.0, 3.0, 0.0);

    double confidence(Retriever.Features f) {
        double z = bias
                + combined * f.combined()
                + margin * f.margin()
                + agree * (f.agree() ? 1 : 0)
                + coverage * f.coverage()
                + topicCoverage * f.topicCoverage()
                + probability * f.probability();
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
