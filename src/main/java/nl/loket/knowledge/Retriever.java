package nl.loket.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Combines the search index and the topic categorizer into one {@link Retrieval} with a calibrated confidence.
 *
 * <p>Per topic, the Lucene score is normalised by the best score for the question and averaged with the
 * categorizer's probability; that ranks the candidates. The confidence of a candidate is a logistic function of
 * a few features that tell "clearly this topic" from "unsure or out of scope": its combined score, its margin over the
 * next candidate, whether search and categorizer agree, and how much of the question the knowledge base knows at
 * all (the IDF-weighted share of content words found), the categorizer's probability for its out-of-scope class, and
 * unknown abbreviations ("UWV"): together they keep questions such as "zorgtoeslag aanvragen" or "WW-uitkering bij het
 * UWV" from being answered with the nearest article.
 */
final class Retriever {

    static final double SEARCH_WEIGHT = 0.5;
    static final int MAX_CANDIDATES = 5;
    /** Only the start of a very long message is read (the search itself reads at most 40 words). */
    static final int MAX_QUESTION = 2_000;
    /** Below this share of known words in the question's language, the other language is tried as well. */
    static final double FALLBACK_COVERAGE = 0.75;
    /** Coverage counts for less when the question had to be searched in the other language. */
    static final double FALLBACK_PENALTY = 0.8;

    private final SearchIndex index;
    private final TopicCategorizer categorizer;
    private final Calibration calibration;

    Retriever(SearchIndex index, TopicCategorizer categorizer, Calibration calibration) {
        this.index = index;
        this.categorizer = categorizer;
        this.calibration = calibration;
    }

    /** Everything known about one candidate topic, the input of the calibration. */
    record Features(String topic, double searchRelative, double searchAbsolute, double probability, double topProbability,
                    double combined, double margin, boolean agree, double coverage, double topicCoverage, int contentWords,
                    String language, boolean unknownAcronym, double outOfScope) {
    }

    /** The scored candidates for a question, best first, with their features (for the retrieval and for tests). */
    record Scored(SearchIndex.Result search, List<Features> candidates) {
    }

    Retrieval retrieve(String question, String language, java.util.function.BiFunction<String, String, String> articleId) {
        Scored scored = score(question, language);
        List<Features> c = scored.candidates();
        if (c.isEmpty()) {
            return Retrieval.none();
        }
        Features best = c.get(0);
        Features second = c.size() > 1 ? c.get(1) : null;
        List<Retrieval.Candidate> candidates = new ArrayList<>();
        for (Features f : c.subList(0, Math.min(MAX_CANDIDATES, c.size()))) {
            candidates.add(new Retrieval.Candidate(f.topic(), round(f.searchRelative()), round(f.probability()), round(f.combined())));
        }
        String answerLanguage = "en".equals(language) ? "en" : "nl";
        int touched = (int) c.stream().filter(f -> f.searchRelative() >= Retrieval.TOUCHED).count();
        return new Retrieval(best.topic(), articleId.apply(best.topic(), answerLanguage), round(calibration.confidence(best)),
                second == null ? null : second.topic(), second == null ? 0.0 : round(calibration.confidence(second)), candidates,
                touched, best.contentWords());
    }

    Scored score(String question, String language) {
        if (question == null || question.isBlank()) {
            return new Scored(null, List.of());
        }
        if (question.length() > MAX_QUESTION) {
            question = question.substring(0, MAX_QUESTION);
        }
        SearchIndex.Result result = search(question, language);
        if (result.topicScores().isEmpty()) {
            return new Scored(result, List.of());
        }
        Map<String, Double> p = categorizer.probabilities(result.tokens());
        boolean fallback = ("nl".equals(language) || "en".equals(language)) && !result.language().equals(language);
        double penalty = fallback ? FALLBACK_PENALTY : 1.0;
        double maxScore = 0;
        String searchTop = null;
        for (var e : result.topicScores().entrySet()) {
            if (e.getValue() > maxScore) {
                maxScore = e.getValue();
                searchTop = e.getKey();
            }
        }
        String catTop = null;
        double topP = 0;
        double outOfScope = p.getOrDefault(TopicCategorizer.OUT_OF_SCOPE, 0.0);
        for (var e : p.entrySet()) {
            if (e.getKey().equals(TopicCategorizer.OUT_OF_SCOPE)) {
                continue;
            }
            if (e.getValue() > topP) {
                topP = e.getValue();
                catTop = e.getKey();
            }
        }
        double ideal = idealScore(result);
        Set<String> topics = new HashSet<>(result.topicScores().keySet());
        p.entrySet().stream().filter(e -> !e.getKey().equals(TopicCategorizer.OUT_OF_SCOPE))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(MAX_CANDIDATES)
                .forEach(e -> topics.add(e.getKey()));
        record Pre(String topic, double rel, double abs, double prob, double combined) {
        }
        List<Pre> pre = new ArrayList<>();
        for (String t : topics) {
            double s = result.topicScores().getOrDefault(t, 0.0);
            double rel = maxScore > 0 ? s / maxScore : 0;
            double abs = ideal > 0 ? Math.min(1.0, s / ideal) : 0;
            double prob = p.getOrDefault(t, 0.0);
            pre.add(new Pre(t, rel, abs, prob, SEARCH_WEIGHT * rel + (1 - SEARCH_WEIGHT) * prob));
        }
        pre.sort(Comparator.comparingDouble(Pre::combined).reversed().thenComparing(Pre::topic));
        double coverage = result.coverage() * penalty;
        int words = result.words().size();
        List<Features> out = new ArrayList<>(pre.size());
        for (int i = 0; i < pre.size(); i++) {
            Pre x = pre.get(i);
            double other = i == 0 ? (pre.size() > 1 ? pre.get(1).combined() : 0) : pre.get(0).combined();
            boolean agree = x.topic().equals(searchTop) && x.topic().equals(catTop);
            out.add(new Features(x.topic(), x.rel(), x.abs(), x.prob(), topP, x.combined(), x.combined() - other, agree,
                    coverage, result.coverage(x.topic()) * penalty, words, result.language(), result.unknownAcronym(), outOfScope));
        }
        return new Scored(result, out);
    }

    /** The score a topic would get if it had the best match for every word of the question. */
    private static double idealScore(SearchIndex.Result result) {
        double sum = 0;
        for (SearchIndex.WordMatch w : result.words()) {
            double max = 0;
            for (double v : w.topicScores().values()) {
                max = Math.max(max, v);
            }
            sum += max;
        }
        return sum;
    }

    /** Searches the question's language first, and the other language when that knows clearly more of the question. */
    private SearchIndex.Result search(String question, String language) {
        String first = "en".equals(language) ? "en" : "nl";
        String other = "en".equals(first) ? "nl" : "en";
        boolean known = "nl".equals(language) || "en".equals(language);
        SearchIndex.Result a = index.search(question, first);
        if (known && a.coverage() >= FALLBACK_COVERAGE || index.documents(other) == 0) {
            return a;
        }
        SearchIndex.Result b = index.search(question, other);
        double margin = known ? 0.15 : 0.0;
        return b.coverage() > a.coverage() + margin ? b : a;
    }

    private static double round(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }
}
