package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import nl.loket.contact.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TriageTest {

    private static final Triage TRIAGE = new Triage();

    /** Ordinary questions about the topics these rules watch; none may trigger any rule. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "hoe vraag ik een paspoort aan",
            "wanneer wordt grofvuil opgehaald",
            "how do I get a parking permit",
            "ik wil mijn verhuizing doorgeven",
            "hoe vraag ik bijzondere bijstand aan",
            "kan ik een klacht indienen?",
            "hoe dien ik een klacht in?",
            "waar kan ik een klacht indienen",
            "how do I file a complaint",
            "wie heeft recht op bijzondere bijstand?",
            "hoe vraag ik bijstand aan",
            "mijn buurman heeft grofvuil op straat gezet",
            "ik wil dood hout laten ophalen",
            "mijn vader is dood, wat moet ik regelen?",
            "is er een voedselbank in Nijmegen?",
            "hoe lever ik gescheiden afval in",
            "wat is het telefoonnummer van de gemeente",
            "kan ik de gemeente bellen?",
            "ik heb gisteren een medewerker gesproken, hij was heel aardig",
            "hoeveel kost een rijbewijs",
            "what are the opening hours of city hall",
            "wanneer is de stadswinkel open",
            "welke documenten heb ik nodig om te trouwen",
            "hoe meld ik een kapotte lantaarnpaal",
            "ik wil een afspraak maken voor een id kaart",
            "hoe vraag ik kwijtschelding van gemeentelijke belastingen aan",
            "where can I throw away food waste",
            "is there no food waste bin in my street?",
    })
    void ordinaryQuestionsPass(String text) {
        assertThat(TRIAGE.classify(text)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "?!"})
    void blankPasses(String text) {
        assertThat(TRIAGE.classify(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // crisis outranks everything else in the same message
            "medewerker nu, ik wil niet meer leven                  | CRISIS",
            "ik ben boos en ik wil dood                             | CRISIS",
            "mijn uitkering is gestopt, geen eten voor mijn kinderen | CRISIS",
            "bel me terug, ik ben boos                              | HUMAN_REQUESTED",
            "schandalig, al weken geen reactie op mijn aanvraag     | COMPLAINT",
            "mijn uitkering is gestopt en ik heb schulden           | CASE_SPECIFIC",
            "ik ben mijn baan kwijt en heb schulden                 | COMPLEX",
    })
    void firstRuleInOrderWins(String text, EscalationReason reason) {
        assertThat(TRIAGE.classify(text)).get().extracting(TriageResult::reason).isEqualTo(reason);
    }

    @Test
    void priorityFollowsReason() {
        assertThat(TRIAGE.classify("ik wil dood")).get().satisfies(result -> {
            assertThat(result.priority()).isEqualTo(Priority.URGENT);
            assertThat(result.signal()).startsWith("triage-crisis/self-harm: ");
        });
        assertThat(TRIAGE.classify("bel me terug")).get().extracting(TriageResult::priority).isEqualTo(Priority.NORMAL);
        assertThat(TRIAGE.classify("schandalig")).get().extracting(TriageResult::priority).isEqualTo(Priority.HIGH);
    }

    /** Triage sees redacted text: personal data the resident gave points to their own file. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "mijn bsn is [BSN], hoe staat het met mijn kwijtschelding",
            "kunt u het geld terugstorten op [IBAN]",
            "ik woon op [ADRES], wanneer komt de nieuwe container",
            "I live at [ADRES], has my registration gone through?",
    })
    void personalDataTheResidentGaveMakesItCaseSpecific(String redacted) {
        assertThat(TRIAGE.classify(redacted)).get().extracting(TriageResult::reason).isEqualTo(EscalationReason.CASE_SPECIFIC);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wat is een bsn en waar vind ik het", "hoe geef ik een nieuw adres door", "what is an IBAN"})
    void theWordsThemselvesAreNotPersonalData(String text) {
        assertThat(TRIAGE.classify(text)).isEmpty();
    }

    @Test
    void placeholdersBecomeOneWordEach() {
        assertThat(Triage.markPersonalData("bsn [BSN], [E-MAIL] en [TELEFOON]"))
                .isEqualTo("bsn  gegevenbsn ,  gegevenemail  en  gegeventelefoon ");
        assertThat(Triage.markPersonalData("geen haken")).isEqualTo("geen haken");
        assertThat(Triage.markPersonalData(null)).isNull();
    }

    @Test
    void signalNamesTheListEntryNotTheResidentText() {
        TriageResult result = TRIAGE.classify("Ik heb het nummer 0612345678 en ik wil niet meer leven").orElseThrow();
        assertThat(result.signal()).doesNotContain("0612345678").contains("triage-crisis");
    }
}
