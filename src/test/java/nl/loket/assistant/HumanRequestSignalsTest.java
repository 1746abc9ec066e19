package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import nl.loket.platform.text.TextNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HumanRequestSignalsTest {

    private final HumanRequestSignals rule = new HumanRequestSignals();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "medewerker",
            "Medewerker!!",
            "ik wil een medewerker spreken",
            "ik wil graag een mens spreken",
            "mag ik een echt persoon",
            "kan ik iemand spreken?",
            "ik wil iemand aan de lijn",
            "bel me terug",
            "bel me",
            "Bel mij aub terug",
            "kunt u mij terugbellen?",
            "graag mij terugbellen",
            "terugbelverzoek",
            "ik wil doorverbonden worden met een medewerker",
            "talk to a human",
            "I want to speak to a real person",
            "can I talk to an agent",
            "call me back please",
            "could someone call me",
            "human please",
    })
    void positives(String text) {
        assertThat(rule.match(TextNormalizer.forMatching(text))).get().extracting(TriageResult::reason).isEqualTo(EscalationReason.HUMAN_REQUESTED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "kan ik de gemeente bellen?",
            "wat is het telefoonnummer van de gemeente",
            "ik heb een medewerker gesproken",
            "ik wil een klacht indienen over de medewerker",
            "hoe laat kan ik bellen",
            "is de balie open voor persoonlijke hulp",
            "hoe vraag ik een paspoort aan",
            "how do I get a parking permit",
            "is there a human resources department",
            "de medewerker van de milieustraat was aardig",
    })
    void negatives(String text) {
        assertThat(rule.match(TextNormalizer.forMatching(text))).isEmpty();
    }
}
