package nl.loket.knowledge;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TopicCategorizerTest {

    static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = KnowledgeBase.load(ArticleLoaderTest.VALID);
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    static String best(Map<String, Double> p) {
        return p.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @Test
    void trainsOnEveryTopicPlusTheOutOfScopeClass() {
        assertThat(kb.categorizer().numberOfTopics()).isEqualTo(kb.topics().size() + 1);
        Map<String, Double> p = kb.categorizer().probabilities("paspoort verlengen", "nl");
        assertThat(p.keySet()).containsAll(kb.topics()).contains(TopicCategorizer.OUT_OF_SCOPE);
        assertThat(p.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void predictsTheTopicOfUnseenQuestions() {
        TopicCategorizer c = kb.categorizer();
        assertThat(best(c.probabilities("mijn oude kast moet weg", "nl"))).isEqualTo("grofvuil");
        assertThat(best(c.probabilities("de papiercontainer is kapot", "nl"))).isEqualTo("afval-containers");
        assertThat(best(c.probabilities("ik wil een vergunning om in mijn straat te parkeren", "nl"))).isEqualTo("parkeervergunning");
        assertThat(best(c.probabilities("renew my passport", "en"))).isEqualTo("paspoort");
        assertThat(best(c.probabilities("I have no income", "en"))).isEqualTo("bijstandsuitkering");
    }

    @Test
    void outOfScopeQuestionsGoToTheRejectClass() {
        TopicCategorizer c = kb.categorizer();
        assertThat(best(c.probabilities("wanneer betaalt de belastingdienst de zorgtoeslag", "nl"))).isEqualTo(TopicCategorizer.OUT_OF_SCOPE);
        assertThat(best(c.probabilities("is it going to rain", "en"))).isEqualTo(TopicCategorizer.OUT_OF_SCOPE);
    }

    /** Publishing a reworded summary or body (most edits) must not wait for the model to train again. */
    @Test
    void anEditThatChangesNoTrainingTokenPublishesWithoutTrainingAgain() {
        List<Article> articles = ArticleLoader.load(ArticleLoaderTest.VALID);
        List<Article> reworded = articles.stream().map(a -> new Article(a.id(), a.topic(), a.language(), a.title(),
                a.summary() + " " + a.title() + ".", a.body() + "\n\n" + a.title(), a.source(), a.lastReviewed(),
                a.related(), a.examples(), a.keywords(), a.sample())).toList();
        List<Article> newExample = articles.stream().map(a -> a.topic().equals("grofvuil") ? new Article(a.id(), a.topic(),
                a.language(), a.title(), a.summary(), a.body(), a.source(), a.lastReviewed(), a.related(),
                java.util.stream.Stream.concat(a.examples().stream(), java.util.stream.Stream.of("de zetel moet de deur uit")).toList(),
                a.keywords(), a.sample()) : a).toList();
        try (KnowledgeBase first = new KnowledgeBase(articles); KnowledgeBase edited = new KnowledgeBase(reworded);
             KnowledgeBase withExample = new KnowledgeBase(newExample)) {
            assertThat(edited.categorizer().sharesModelWith(first.categorizer())).isTrue();
            assertThat(withExample.categorizer().sharesModelWith(first.categorizer())).isFalse();
        }
    }

    @Test
    void tokensAreNormalisedLikeTheIndex() {
        assertThat(kb.categorizer().tokens("Grof vuil OPHALEN", "nl")).containsExactly("grofvuil", "ophal");
        assertThat(kb.categorizer().tokens("paspoort verlopn", "nl")).containsExactly("paspoort", "verlop");
        assertThat(TopicCategorizer.outOfScopeQuestions()).hasSizeGreaterThan(50).allSatisfy(q -> assertThat(q[0]).isIn("nl", "en"));
    }
}
