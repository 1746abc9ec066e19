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
            // asking for a person in other words: talk with someone, put me through, no bot, contact me
            "kan ik misschien met iemand praten",
            "ik wil liever met een echt mens chatten",
            "verbind mij alstublieft door",
            "kunt u mij doorverbinden met de afdeling belastingen",
            "is er een medewerker met wie ik kan bellen?",
            "geen robot aub, ik wil een mens",
            "ik wil niet met een computer praten",
            "graag persoonlijk contact over mijn situatie",
            "wilt u contact met mij opnemen",
            "ik spreek liever iemand van de gemeente",
            "mag ik een medewerker spreken over mijn vraag",
            "ik wil graag iemand spreken over een evenementenvergunning",
            "kan ik met mijn klantmanager praten",
            "Could you put me through to an employee?",
            "I'd prefer to talk to a person",
            "Is there anyone I can talk to?",
            "no bots please",
            "I want a real human",
            "please have someone phone me",
            "can someone contact me tomorrow",
            "kan er iemand met mij meekijken, ik wil graag een mens spreken",
            "mag ik de telefoon van een medewerker",
            "ik heb liever een echte persoon",
            "zet me door naar een medewerker",
            "bel mij aub",
            "wil een echt mens",
            "Can I speak with an actual person please",
            "Let me talk to someone",
            "operator",
            "I need to talk to a real person about my situation",
            "Ik wil graag telefonisch contact met een medewerker over mijn situatie",
            "kan er iemand van de gemeente langskomen om het te bespreken",
            "connect me with a human",
            "ik wil graag met een medewerker van de afdeling wmo spreken",
            "kan ik ergens naartoe bellen om iemand te spreken",
            "mens alsjeblieft",
            "I'd like a call back from someone",
            "Is it possible to speak to an advisor?",
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
            "wie kan mij helpen met DigiD",
            "hoe neem ik telefonisch contact op met de gemeente",
            "kan ik iemand machtigen voor mijn DigiD",
            "ik heb geen computer, hoe vraag ik een DigiD aan",
            "kan iemand anders mijn paspoort ophalen",
            "hoe laat kan ik de gemeente bellen",
            "ik ga samenwonen met iemand uit Duitsland",
            "ik heb gisteren een medewerker gesproken",
            "what is the best way to reach the city council by phone",
            "can someone else collect my passport",
            "is there a sign language interpreter for phone calls",
            "my daughter wants to speak Dutch better, are there language courses",
            "kan ik in persoon een afspraak maken of alleen online",
            "can I register in person at the Stadswinkel",
            "niemand belt mij terug, schandalig",
            "de medewerker aan de telefoon was echt onbeschoft",
            "de medewerker van de milieustraat was aardig",
    })
    void negatives(String text) {
        assertThat(rule.match(TextNormalizer.forMatching(text))).isEmpty();
    }
}
