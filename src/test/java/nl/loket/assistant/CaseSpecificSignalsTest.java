package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import nl.loket.platform.text.TextNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CaseSpecificSignalsTest {

    private final CaseSpecificSignals rule = new CaseSpecificSignals();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "waar blijft mijn uitkering",
            "waar blijft mn geld??",
            "wat is de status van mijn aanvraag",
            "mijn aanvraag is nog niet behandeld",
            "ik heb een brief gekregen over mijn huurtoeslag",
            "ik heb jullie brief ontvangen",
            "wanneer krijg ik mijn geld",
            "wanneer krijg ik geld",
            "is mijn bezwaar al binnen",
            "is mijn aanvraag voor kwijtschelding al verwerkt",
            "klopt mijn aanslag wel?",
            "mijn uitkering is gestopt",
            "ik verdien 1400 euro, heb ik recht op bijzondere bijstand?",
            "heb ik recht op huurtoeslag, ik verdien €1600 per maand",
            "ik ben 67, kom ik in aanmerking voor kwijtschelding?",
            "ik heb 3 kinderen en mijn inkomen is laag, heb ik recht op een vergoeding",
            "what is the status of my application",
            "my payment has not arrived",
            "I received a letter from you",
            "I earn 1500 a month, am I entitled to support?",
    })
    void positives(String text) {
        assertThat(rule.match(TextNormalizer.forMatching(text))).get().extracting(TriageResult::reason).isEqualTo(EscalationReason.CASE_SPECIFIC);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "wie heeft recht op bijzondere bijstand?",
            "hoe vraag ik bijstand aan",
            "hoe vraag ik bijzondere bijstand aan",
            "heb ik recht op bijzondere bijstand?",
            "wat is de inkomensgrens voor kwijtschelding",
            "hoe lang duurt een aanvraag voor een paspoort",
            "hoe vraag ik een paspoort aan",
            "wanneer wordt grofvuil opgehaald",
            "how do I get a parking permit",
            "who can apply for a benefit",
            "hoeveel kost een rijbewijs? 41 euro?",
            "ik wil een terras bij mijn zaak",
    })
    void negatives(String text) {
        assertThat(rule.match(TextNormalizer.forMatching(text))).isEmpty();
    }
}
