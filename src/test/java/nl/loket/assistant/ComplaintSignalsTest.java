package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import nl.loket.platform.text.TextNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintSignalsTest {

    private final ComplaintSignals rule = new ComplaintSignals();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Dit is schandalig!",
            "belachelijk dat dit zo lang duurt",
            "ik ben boos",
            "ik ben echt heeeel boos",
            "de medewerker was onbeleefd",
            "al weken geen reactie",
            "ik heb al maanden niets gehoord",
            "niemand helpt me",
            "ik wil een klacht indienen over de medewerker",
            "ik wil een klacht indienen over hoe ik behandeld ben",
            "ik ben slecht behandeld aan de balie",
            "this is ridiculous",
            "Unacceptable service",
            "nobody helps",
            "I am so angry",
            "I want to complain about the employee",
    })
    void positives(String text) {
        assertThat(rule.match(TextNormalizer.forMatching(text))).get().extracting(TriageResult::reason).isEqualTo(EscalationReason.COMPLAINT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "hoe dien ik een klacht in?",
            "waar kan ik een klacht indienen",
            "kan ik een klacht indienen?",
            "how do I file a complaint",
            "where can I complain about noise",
            "wat is de termijn voor een reactie op een klacht",
            "mijn buurman is boos op mij, hoe los ik dat op",
            "ik wil een klacht indienen over geluidsoverlast van de buren",
            "hoe vraag ik een paspoort aan",
            "wanneer wordt grofvuil opgehaald",
    })
    void negatives(String text) {
        assertThat(rule.match(TextNormalizer.forMatching(text))).isEmpty();
    }
}
