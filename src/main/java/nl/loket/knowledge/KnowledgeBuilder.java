package nl.loket.knowledge;

import java.util.List;

/**
 * Builds a {@link KnowledgeBase} from a set of articles: the index and the topic categorizer, with the residents'
 * questions of {@code loket.knowledge.location} (read once; they stay in the files) and the configured threshold.
 */
final class KnowledgeBuilder {

    private final KnowledgeProperties properties;
    private final SharedModels sharedModels;
    private volatile List<AskedQuestion> questions;

    KnowledgeBuilder(KnowledgeProperties properties) {
        this(properties, SharedModels.NONE);
    }

    /** @param sharedModels where instances share trained topic models, so each release is trained once */
    KnowledgeBuilder(KnowledgeProperties properties, SharedModels sharedModels) {
        this.properties = properties;
        this.sharedModels = sharedModels;
    }

    KnowledgeBase build(List<Article> articles) {
        return new KnowledgeBase(articles, questions(articles), properties.answerThreshold(), Calibration.DEFAULT, sharedModels);
    }

    /**
     * A knowledge base for trying a draft (the editors' test box): it may load a model another instance trained, but
     * offers none of its own, since most drafts are never published as they are and a model takes megabytes.
     */
    KnowledgeBase buildCandidate(List<Article> articles) {
        return new KnowledgeBase(articles, questions(articles), properties.answerThreshold(), Calibration.DEFAULT,
                sharedModels.readOnly());
    }

    /** The residents' labelled questions (read on the first build), in file order; what the evaluation gate asks. */
    List<AskedQuestion> labelledQuestions() {
        List<AskedQuestion> q = questions;
        return q != null ? q : List.of();
    }

    /** Read on the first build; a topic an editor adds later has no residents' questions yet, which is fine. */
    private List<AskedQuestion> questions(List<Article> articles) {
        List<AskedQuestion> q = questions;
        if (q == null) {
            q = ArticleLoader.questionsOfLiveTopics(properties.location(), articles);
            questions = q;
        }
        return q;
    }
}
