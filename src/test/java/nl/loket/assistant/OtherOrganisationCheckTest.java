package nl.loket.assistant;

import nl.loket.knowledge.Article;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OtherOrganisationCheckTest {

    static final Article BIJSTAND = new Article("nl-bijstandsuitkering", "bijstandsuitkering", "nl", "Bijstand aanvragen",
            "Heeft u te weinig geld om van te leven? Dan kunt u bijstand aanvragen bij de gemeente.",
            "De gemeente kijkt naar uw situatie.\n\n1. Vraag bijstand aan.", "https://www.nijmegen.nl/diensten/bijstand/",
            LocalDate.of(2026, 11, 29), List.of(), List.of("hoe vraag ik bijstand aan", "bijstand", "uitkering"),
            List.of("bijstand", "uitkering"), true);
    static final Article RIJBEWIJS = new Article("nl-rijbewijs", "rijbewijs", "nl", "Rijbewijs",
            "Een rijbewijs vraagt u aan bij de gemeente. Na uw examen bij het CBR.", "Tekst.\n\n1. Stap.",
            "https://www.nijmegen.nl/diensten/rijbewijs/", LocalDate.of(2026, 11, 29), List.of(),
            List.of("rijbewijs", "rijbewijs aanvragen", "rijbewijs verlengen"), List.of("rijbewijs"), true);

    /** A topic the categorizer is not sure of: every named organisation counts. */
    static final double UNSURE = 0.6;
    static final double SURE = 0.9;

    final OtherOrganisationCheck check = new OtherOrganisationCheck();

    @ParameterizedTest
    @ValueSource(strings = {"UWV zegt dat ik geen WW krijg, kan ik bij de gemeente geld krijgen om van te leven?",
            "ik heb een Wajong-uitkering, kan ik bijstand aanvragen voor de rest",
            "The UWV says I cannot get unemployment benefit, how do I apply for benefits with the municipality?"})
    void anOrganisationNamedInPassingOfAQuestionTheTopicIsSureOfIsBackground(String question) {
        assertThat(check.unsupported(question, BIJSTAND, SURE)).isEmpty();
        assertThat(check.unsupported(question, BIJSTAND, UNSURE)).isPresent();
    }

    static final Article BEZWAAR = new Article("nl-bezwaar-maken", "bezwaar-maken", "nl", "Bezwaar maken",
            "Bent u het niet eens met een besluit van de gemeente? Dan kunt u bezwaar maken.", "Tekst.\n\n1. Stap.",
            "https://www.nijmegen.nl/diensten/bezwaar/", LocalDate.of(2026, 11, 29), List.of(),
            List.of("bezwaar maken"), List.of("bezwaar"), true);

    @ParameterizedTest
    @ValueSource(strings = {"ik heb een boete van het CJIB gekregen, kan ik bezwaar maken bij jullie?",
            "hoe maak ik bezwaar tegen een besluit van het UWV"})
    void anOrganisationNamedInAnObjectionIsWhoseDecisionItIsHoweverSureTheTopic(String question) {
        assertThat(check.unsupported(question, BEZWAAR, SURE)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hoe vraag ik bijstand aan in Arnhem?", "How do I apply for benefits in Amsterdam?"})
    void anotherMunicipalityHoldsTheAnswerBackHoweverSureTheTopic(String question) {
        assertThat(check.unsupported(question, BIJSTAND, SURE)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ik wil mijn afspraak in het Radboudumc verzetten",
            // retrieval alone scores this close to the Stadswinkel appointment: the named organisation holds it back
            "afspraak bij de huisarts verzetten",
            "krijg ik zorgtoeslag van de belastingdienst", "How do I get unemployment benefit from the UWV?"})
    void aQuestionAboutAnotherOrganisationIsNotAnsweredWithAMunicipalArticle(String question) {
        assertThat(check.unsupported(question, BIJSTAND, UNSURE)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hoe vraag ik bijstand aan?", "ik heb geen geld meer, kan ik een uitkering krijgen",
            "wat heb ik nodig voor een uitkering", "mijn vader ligt in het ziekenhuis, kan ik bijstand voor hem aanvragen"})
    void anOrdinaryQuestionPasses(String question) {
        assertThat(check.unsupported(question, BIJSTAND, UNSURE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ik heb mijn examen bij het CBR gehaald, hoe krijg ik mijn rijbewijs"})
    void anOrganisationTheArticleMentionsIsFine(String question) {
        assertThat(check.unsupported(question, RIJBEWIJS, UNSURE)).isEmpty();
    }

    static final Article VERHUIZING = new Article("nl-verhuizing", "verhuizing", "nl", "Verhuizing doorgeven",
            "Verhuist u naar Nijmegen of binnen Nijmegen? Geef uw nieuwe adres door.",
            "Komt u uit een andere gemeente? Dan schrijft Nijmegen u in.\n\n1. Geef het adres door.",
            "https://www.nijmegen.nl/diensten/verhuizen/", LocalDate.of(2026, 11, 29), List.of(),
            List.of("verhuizing doorgeven"), List.of("verhuizen"), true);

    @ParameterizedTest
    @ValueSource(strings = {"Hoe vraag ik bijstand aan in Arnhem?", "ik woon in wijchen, waar kan ik een uitkering krijgen",
            "How do I apply for benefits in Amsterdam?"})
    void aQuestionAboutAnotherMunicipalityIsForThatMunicipality(String question) {
        assertThat(check.unsupported(question, BIJSTAND, UNSURE)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ik werk in Arnhem maar woon in Nijmegen, kan ik bijstand krijgen",
            "kan een hogere huur leiden tot minder bijstand", "can I get assistance for a grave for my father"})
    void aQuestionThatAlsoNamesNijmegenOrNoPlacePasses(String question) {
        assertThat(check.unsupported(question, BIJSTAND, UNSURE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ik verhuis vanuit Utrecht, hoe geef ik mijn adres door"})
    void anArticleAboutOtherMunicipalitiesToo(String question) {
        assertThat(check.unsupported(question, VERHUIZING, UNSURE)).isEmpty();
    }
}
