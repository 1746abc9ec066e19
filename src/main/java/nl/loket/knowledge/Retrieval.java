package nl.loket.knowledge;

import java.util.List;

/**
 * What the knowledge base found for one question.
 *
 * @param topic              the best topic, or null when nothing in the knowledge base matched
 * @param articleId          the article to answer from (in the question's language, else Dutch), or null
 * @param confidence         calibrated confidence in [0,1] that {@code topic} is what the question is about and that
 *                           the knowledge base covers it; at or above {@link KnowledgeBase#ANSWER_THRESHOLD} (0.5)
 *                           it is "clearly this topic", below it "unsure or out of scope": hand over to a human
 * @param runnerUpTopic      the second-best topic, or null
 * @param runnerUpConfidence the same calibrated confidence for the runner-up topic
 * @param candidates         the best-scoring topics, best first (at most five)
 * @param topicsTouched      how many topics the search scored at least {@link #TOUCHED} of the best one: a message
 *                           about one thing touches one or two, a tangle of problems several
 * @param contentWords       the question's content words (stop words left out)
 */
public record Retrieval(
        String topic,
        String articleId,
        double confidence,
        String runnerUpTopic,
        double runnerUpConfidence,
        List<Candidate> candidates,
        int topicsTouched,
        int contentWords) {

    /** A topic scored at least this share of the best topic's search score counts as touched. */
    public static final double TOUCHED = 0.7;

    public Retrieval {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** Nothing matched. */
    public static Retrieval none() {
        return new Retrieval(null, null, 0.0, null, 0.0, List.of(), 0, 0);
    }

    /** True when a topic was found with a confidence at or above the threshold. */
    public boolean isConfident(double threshold) {
        return topic != null && confidence >= threshold;
    }

    /**
     * One topic considered for the question.
     *
     * @param topic                  the topic slug
     * @param searchScore            the Lucene score, normalised per question to [0,1] (1 for the best topic)
     * @param categorizerProbability the topic categorizer's probability in [0,1]
     * @param combined               the two combined, used to rank the candidates, in [0,1]
     */
    public record Candidate(String topic, double searchScore, double categorizerProbability, double combined) {
    }
}
