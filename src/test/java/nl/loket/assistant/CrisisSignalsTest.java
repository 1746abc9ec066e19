package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import nl.loket.contact.Priority;
import nl.loket.platform.text.TextNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CrisisSignalsTest {

    private final CrisisSignals rule = new CrisisSignals();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ik wil dood",
            "Ik wil gewoon dood.",
            "ik wil niet meer leven",
            "ik wil er niet meer zijn",
            "ik ga mezelf iets aandoen",
            "ik wil mezelf iets aandoen",
            "ik denk aan zelfmoord",
            "ik denk aan zelfmoort",
            "gedachten over suicde",
            "suïcide",
            "SUICIDE",
            "zelfdoding",
            "ik zie het niet meer zitten",
            "I want to end my life",
            "i want to kill myself",
            "I just want to die",
            "mijn man slaat me",
            "m'n vriend slaat me elke dag",
            "mijn vriend slaat mij",
            "huiselijk geweld",
            "ik word mishandeld",
            "he hits me",
            "my husband beats me",
            "ik wil kindermishandeling melden",
            "kindermishandling bij de buren",
            "ik ben in gevaar",
            "ik word bedreigd met een mes",
            "hij heeft me bedreigd met een mes",
            "I am in danger",
            "ik slaap vannacht op straat",
            "ik heb geen slaapplek vannacht",
            "ik ben dakloos",
            "I have nowhere to sleep tonight",
            "geen eten voor mijn kinderen",
            "we hebben niks te eten",
            "we have no food",
            "no food for my kids",
            "mijn kinderen hebben honger",
    })
    void positives(String text) {
        assertThat(rule.match(TextNormalizer.forMatching(text))).get().satisfies(result -> {
            assertThat(result.reason()).isEqualTo(EscalationReason.CRISIS);
            assertThat(result.priority()).isEqualTo(Priority.URGENT);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ik wil dood hout laten ophalen",
            "mijn moeder is dood, hoe doe ik aangifte van overlijden",
            "de boom in onze straat is dood",
            "mijn buurman heeft grofvuil op straat gezet",
            "hoe vraag ik een paspoort aan",
            "wanneer wordt grofvuil opgehaald",
            "is er opvang voor daklozen in Nijmegen?",
            "waar is de voedselbank",
            "food waste collection day",
            "is there no food waste bin?",
            "ik ben boos",
            "ik heb schulden",
            "de medewerker sloeg de deur dicht",
            "waar kan ik mijn fiets veilig stallen",
            "de behandeling van mijn aanvraag duurt lang",
            "in welke straat is het gevaarlijk oversteken",
            "how do I get a parking permit",
    })
    void negatives(String text) {
        assertThat(rule.match(TextNormalizer.forMatching(text))).isEmpty();
    }
}
