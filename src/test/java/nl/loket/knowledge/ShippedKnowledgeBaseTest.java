package nl.loket.knowledge;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The knowledge base that ships in {@code classpath:knowledge}: skipped while there is none. */
class ShippedKnowledgeBaseTest {

    @BeforeAll
    static void requireShippedKnowledgeBase() {
        assumeTrue(ShippedKnowledgeBase.present(), "no knowledge base at classpath:knowledge");
    }

    @Test
    void loadsValidatedWithBothLanguagesPerTopic() {
        KnowledgeBase kb = ShippedKnowledgeBase.get();

        assertThat(kb.articles()).isNotEmpty();
        for (String topic : kb.topics()) {
            assertThat(kb.article(topic, "nl")).as(topic).get().extracting(Article::language).isEqualTo("nl");
            assertThat(kb.article(topic, "en")).as(topic).isPresent();
        }
        for (Article a : kb.articles()) {
            assertThat(a.steps()).as(a.id()).isNotEmpty();
            assertThat(a.intro()).as(a.id()).isNotBlank();
        }
        assertThat(kb.vocabulary("nl")).contains("paspoort", "gemeente");
        assertThat(kb.vocabulary("en")).contains("passport");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            nl | grofvuil ophale aanvrage                         | grofvuil
            nl | paspoort verlopn                                 | paspoort
            nl | parkeer vergunning                               | parkeervergunning
            nl | vergunning om te parkeren                        | parkeervergunning
            nl | grof vuil laten ophalen                          | grofvuil
            nl | grofvuilophalen                                  | grofvuil
            nl | id kaart aanvragen                               | identiteitskaart
            nl | kan ik kwijtschelding krijgen van de gemeentebelasting | kwijtschelding-belastingen
            nl | ik ben mijn digid wachtwoord vergeten            | digid
            nl | mag ik de boom in mijn tuin kappen               | kapvergunning
            nl | er ligt een kapotte stoeptegel op de stoep       | melding-openbare-ruimte
            nl | wij willen trouwen in het stadhuis               | trouwen-partnerschap
            nl | ik ben het niet eens met de woz waarde van mijn huis | woz-waarde
            en | my passport expired                              | paspoort
            en | how do I get rid of my old sofa                  | grofvuil
            en | parking permit for residents                     | parkeervergunning
            en | I moved to a new address                         | verhuizing
            en | I forgot my DigiD password                       | digid
            """)
    void answersParaphrases(String language, String question, String topic) {
        Retrieval r = ShippedKnowledgeBase.get().retrieve(question, language);

        assertThat(r.topic()).isEqualTo(topic);
        assertThat(r.confidence()).isGreaterThanOrEqualTo(KnowledgeBase.ANSWER_THRESHOLD);
    }

    /**
     * The out-of-scope kinds of question named in the brief. A wrong answer is the worst outcome, so each must stay
     * under the threshold; the message lists every one that does not, with its nearest topic.
     */
    @Test
    void outOfScopeQuestionsStayUnderTheThreshold() {
        String[][] questions = {
                {"nl", "Moet ik in Nijmegen hondenbelasting betalen voor mijn hond?"},
                {"nl", "wat voor weer wordt het morgen"},
                {"nl", "Hoe doe ik mijn aangifte inkomstenbelasting?"},
                {"nl", "hoe vraag ik zorgtoeslag aan bij de Belastingdienst"},
                {"nl", "hoe laat gaat de trein naar utrecht"},
                {"nl", "wie heeft er gewonnen NEC of Ajax"},
                {"nl", "recept voor erwtensoep"},
                {"nl", "Hoe vraag ik een WW-uitkering aan bij het UWV?"},
                {"nl", "wanneer is de herfstvakantie"},
                {"nl", "hallo"},
                {"en", "What's the weather tomorrow?"},
                {"en", "How do I file my income tax return?"},
                {"en", "train times to Amsterdam"},
                {"en", "who won the football match"},
                {"en", "hospital appointment"},
                {"en", "unemployment benefit UWV"},
                {"en", "school holidays"},
                {"en", "hello"},
                {"en", "recipe for pancakes"},
        };
        List<String> answered = new ArrayList<>();
        for (String[] q : questions) {
            Retrieval r = ShippedKnowledgeBase.get().retrieve(q[1], q[0]);
            if (r.confidence() >= KnowledgeBase.ANSWER_THRESHOLD) {
                answered.add(q[1] + " -> " + r.topic() + " " + r.confidence());
            }
        }
        assertThat(answered).isEmpty();
    }
}
