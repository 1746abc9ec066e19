package nl.loket.knowledge;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Retrieval on the small fixture knowledge base (ten topics, both languages): always runs, whatever KB ships. */
class RetrievalTest {

    static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = KnowledgeBase.load(ArticleLoaderTest.VALID);
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            nl | grofvuil ophale aanvrage                              | grofvuil
            nl | grof vuil laten ophalen                               | grofvuil
            nl | grofvuilophalen                                       | grofvuil
            nl | paspoort verlopn                                      | paspoort
            nl | mijn pasport is verlopen                              | paspoort
            nl | parkeer vergunning                                    | parkeervergunning
            nl | vergunning om te parkeren                             | parkeervergunning
            nl | id kaart aanvragen                                    | identiteitskaart
            nl | kliko niet geleegd                                    | afval-containers
            nl | kan ik kwijtschelding krijgen van de gemeentebelasting | kwijtschelding-belastingen
            nl | bijstand aanvragen                                    | bijstandsuitkering
            en | my passport expired                                   | paspoort
            en | how do I get rid of my old sofa                       | grofvuil
            en | parking permit for residents                          | parkeervergunning
            en | I moved to a new address                              | verhuizing
            en | my bin was not emptied                                | afval-containers
            """)
    void findsTheTopicOfAParaphraseConfidently(String language, String question, String topic) {
        Retrieval r = kb.retrieve(question, language);

        assertThat(r.topic()).isEqualTo(topic);
        assertThat(r.articleId()).isEqualTo(language + "-" + topic);
        assertThat(r.confidence()).isGreaterThanOrEqualTo(KnowledgeBase.ANSWER_THRESHOLD);
        assertThat(r.runnerUpTopic()).isNotEqualTo(topic);
        assertThat(r.runnerUpConfidence()).isLessThan(r.confidence());
        assertThat(kb.isAnswerable(r)).isTrue();
    }

    @Test
    void phraseKeywordsMatchOnStems() {
        // keyword "paspoort verlengen", written as spoken or in an SMS
        var words = kb.index().parse("paspoort verlenge", "nl");
        assertThat(words).anySatisfy(w -> assertThat(w.how()).isEqualTo("phrase"));
        assertThat(kb.retrieve("paspoort verlenge", "nl").topic()).isEqualTo("paspoort");
    }

    @Test
    void aSingleOneLetterCorrectionWeighsAlmostAsTheWord() {
        var typo = kb.index().search("verlopn", "nl");
        var right = kb.index().search("verlopen", "nl");
        assertThat(typo.words()).singleElement().satisfies(w -> assertThat(w.how()).isEqualTo("fuzzy"));
        double t = typo.topicScores().get("paspoort");
        double r = right.topicScores().get("paspoort");
        assertThat(t).isGreaterThan(0.7 * r).isLessThan(r);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            nl | wanneer halen jullie mijn oude bank op    | grofvuil
            nl | ik ben verhuisd naar nijmegen             | verhuizing
            nl | wat kost een identiteitskaart             | identiteitskaart
            en | can I pay the municipal taxes in parts    | gemeentelijke-belastingen
            """)
    void ranksTheRightTopicFirstEvenWhenUnsure(String language, String question, String topic) {
        assertThat(kb.retrieve(question, language).topic()).isEqualTo(topic);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            nl | Moet ik in Nijmegen hondenbelasting betalen voor mijn hond?
            nl | wat voor weer wordt het morgen
            nl | Hoe doe ik mijn aangifte inkomstenbelasting bij de Belastingdienst?
            nl | hoe vraag ik zorgtoeslag aan
            nl | hoe laat gaat de trein naar utrecht
            nl | wie heeft er gewonnen NEC of Ajax
            nl | recept voor erwtensoep
            nl | afspraak bij de huisarts verzetten
            nl | Hoe vraag ik een WW-uitkering aan bij het UWV?
            nl | wanneer is de herfstvakantie
            nl | hallo
            nl | ?
            en | What's the weather tomorrow?
            en | How do I file my income tax return?
            en | train times to Amsterdam
            en | who won the football match
            en | hospital appointment
            en | unemployment benefit UWV
            en | school holidays
            en | hello
            en | recipe for pancakes
            """)
    void givesOutOfScopeQuestionsLowConfidence(String language, String question) {
        Retrieval r = kb.retrieve(question, language);

        assertThat(r.confidence()).isLessThan(KnowledgeBase.ANSWER_THRESHOLD);
        assertThat(kb.isAnswerable(r)).isFalse();
    }

    @Test
    void nothingMatchedMeansNoTopic() {
        for (String q : new String[] {"", "   ", "hallo", "recept voor erwtensoep", "?"}) {
            Retrieval r = kb.retrieve(q, "nl");
            assertThat(r.topic()).as(q).isNull();
            assertThat(r.articleId()).isNull();
            assertThat(r.confidence()).isZero();
            assertThat(r.candidates()).isEmpty();
        }
        assertThat(kb.retrieve(null, "nl")).isEqualTo(Retrieval.none());
    }

    @Test
    void candidatesAreRankedAndBounded() {
        Retrieval r = kb.retrieve("paspoort of identiteitskaart aanvragen", "nl");

        assertThat(r.candidates()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(r.candidates().get(0).topic()).isEqualTo(r.topic());
        assertThat(r.candidates()).extracting(Retrieval.Candidate::topic).contains("paspoort", "identiteitskaart");
        for (int i = 1; i < r.candidates().size(); i++) {
            assertThat(r.candidates().get(i).combined()).isLessThanOrEqualTo(r.candidates().get(i - 1).combined());
        }
        for (Retrieval.Candidate c : r.candidates()) {
            assertThat(c.searchScore()).isBetween(0.0, 1.0);
            assertThat(c.categorizerProbability()).isBetween(0.0, 1.0);
            assertThat(c.combined()).isBetween(0.0, 1.0);
        }
        assertThat(r.candidates()).extracting(Retrieval.Candidate::searchScore).contains(1.0);
    }

    @Test
    void aDutchWordInAnEnglishQuestionIsFound() {
        Retrieval r = kb.retrieve("what is the afvalstoffenheffing", "en");

        assertThat(r.topic()).isEqualTo("gemeentelijke-belastingen");
        assertThat(r.articleId()).isEqualTo("en-gemeentelijke-belastingen");
    }

    @Test
    void aQuestionInTheOtherLanguageFallsBackToThoseArticles() {
        Retrieval asDutch = kb.retrieve("my bin was not emptied", "nl");
        Retrieval unknownLanguage = kb.retrieve("mijn kliko is niet geleegd", "de");

        assertThat(asDutch.topic()).isEqualTo("afval-containers");
        assertThat(asDutch.articleId()).isEqualTo("nl-afval-containers");
        assertThat(unknownLanguage.topic()).isEqualTo("afval-containers");
        assertThat(unknownLanguage.articleId()).isEqualTo("nl-afval-containers");
    }

    @Test
    void anUnknownAbbreviationLowersConfidence() {
        double without = kb.retrieve("ik wil een uitkering aanvragen", "nl").confidence();
        double with = kb.retrieve("ik wil een uitkering aanvragen bij het UWV", "nl").confidence();
        double shouting = kb.retrieve("IK WIL EEN UITKERING AANVRAGEN", "nl").confidence();

        assertThat(with).isLessThan(without);
        assertThat(shouting).isCloseTo(without, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void isSafeToUseFromManyThreads() throws Exception {
        String[] questions = {"grofvuil ophale aanvrage", "paspoort verlopn", "parkeer vergunning", "my bin was not emptied",
                "hoe laat gaat de trein", "kan ik kwijtschelding krijgen"};
        java.util.Map<String, Retrieval> expected = new java.util.HashMap<>();
        for (String q : questions) {
            expected.put(q, kb.retrieve(q, q.startsWith("my") ? "en" : "nl"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String q = questions[i % questions.length];
                results.add(pool.submit(() -> kb.retrieve(q, q.startsWith("my") ? "en" : "nl").equals(expected.get(q))));
            }
            for (var f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aVeryLongMessageIsReadFromTheStart() {
        String longMessage = "grofvuil ophalen " + "bla ".repeat(100_000);

        assertThat(kb.retrieve(longMessage, "nl").topic()).isEqualTo("grofvuil");
    }

    @Test
    void retrievalIsFast() {
        String[] questions = {"grofvuil ophale aanvrage", "paspoort verlopn", "parkeer vergunning", "hoe laat gaat de trein"};
        for (int i = 0; i < 200; i++) {
            kb.retrieve(questions[i % questions.length], "nl");
        }
        long start = System.nanoTime();
        for (int i = 0; i < 400; i++) {
            kb.retrieve(questions[i % questions.length], "nl");
        }
        double msPerQuestion = (System.nanoTime() - start) / 1e6 / 400;
        // very loose: catches an accidental slow path (rebuilding something per question), not a benchmark
        assertThat(msPerQuestion).isLessThan(50.0);
    }
}
