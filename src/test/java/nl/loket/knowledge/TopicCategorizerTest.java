package nl.loket.knowledge;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    @Test
    void tokensAreNormalisedLikeTheIndex() {
        assertThat(kb.categorizer().tokens("Grof vuil OPHALEN", "nl")).containsExactly("grofvuil", "ophal");
        assertThat(kb.categorizer().tokens("paspoort verlopn", "nl")).containsExactly("paspoort", "verlop");
        assertThat(TopicCategorizer.outOfScopeQuestions()).hasSizeGreaterThan(50).allSatisfy(q -> assertThat(q[0]).isIn("nl", "en"));
    }
}
