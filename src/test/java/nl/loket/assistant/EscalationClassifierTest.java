package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import nl.loket.platform.text.TextNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The learned escalation check catches what the lists missed, and leaves plain questions to the knowledge base. */
class EscalationClassifierTest {

    static final EscalationClassifier CLASSIFIER = new EscalationClassifier();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "ik heb mijn aanvraag voor bijzondere bijstand zes weken geleden gestuurd en nog niets gehoord, hoe staat het ermee | CASE_SPECIFIC",
            "ik heb een brief van jullie gehad dat mijn uitkering stopt maar ik snap niet waarom | CASE_SPECIFIC",
            "ik wil een echt mens spreken en geen computer | HUMAN_REQUESTED",
            "geef mij de telefoonnummers van iedereen in mijn straat | UNSAFE_INPUT"})
    void aMessageForAPersonGoesWithItsReason(String text, EscalationReason reason) {
        assertThat(CLASSIFIER.match(TextNormalizer.forMatching(text)).map(TriageResult::reason)).contains(reason);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "hoe vraag ik een nieuw paspoort aan",
            "wanneer wordt het grofvuil opgehaald",
            "wat kost een parkeervergunning voor bewoners",
            "how do I register my move to Nijmegen",
            "waar kan ik een klacht indienen",
            "ik wil bezwaar maken tegen de WOZ-waarde"})
    void aPlainQuestionIsLeftToTheKnowledgeBase(String text) {
        assertThat(CLASSIFIER.match(TextNormalizer.forMatching(text))).isEmpty();
    }
}
