package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import nl.loket.contact.Priority;
import nl.loket.platform.text.TextNormalizer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

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

    @Test
    void signalNamesTheListEntryNotTheResidentText() {
        TriageResult result = TRIAGE.classify("Ik heb het nummer 0612345678 en ik wil niet meer leven").orElseThrow();
        assertThat(result.signal()).doesNotContain("0612345678").contains("triage-crisis");
    }

    private static Optional<TriageResult> run(TriageRule rule, String text) {
        return rule.match(TextNormalizer.forMatching(text));
    }

    @Nested
    class Crisis {
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
            assertThat(run(rule, text)).get().satisfies(result -> {
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
            assertThat(run(rule, text)).isEmpty();
        }
    }

    @Nested
    class HumanRequest {
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
            assertThat(run(rule, text)).get().extracting(TriageResult::reason).isEqualTo(EscalationReason.HUMAN_REQUESTED);
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
            assertThat(run(rule, text)).isEmpty();
        }
    }

    @Nested
    class Complaint {
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
            assertThat(run(rule, text)).get().extracting(TriageResult::reason).isEqualTo(EscalationReason.COMPLAINT);
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
            assertThat(run(rule, text)).isEmpty();
        }
    }

    @Nested
    class CaseSpecific {
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
            assertThat(run(rule, text)).get().extracting(TriageResult::reason).isEqualTo(EscalationReason.CASE_SPECIFIC);
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
            assertThat(run(rule, text)).isEmpty();
        }
    }

    @Nested
    class Complex {
        private final ComplexSignals rule = new ComplexSignals();

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "ik ben mijn baan kwijt en heb schulden",
                "Ik ben ontslagen, heb schulden en de huisbaas wil me uit huis zetten",
                "sinds mijn scheiding heb ik geen inkomen en ben ik ziek",
                "ik ben ziek en kan de huur niet meer betalen",
                "mijn toeslag is teruggevorderd en nu komt de deurwaarder",
                "werkloos en geen geld meer",
                "I lost my job and I have debts",
                "after my divorce I was evicted",
        })
        void positives(String text) {
            assertThat(run(rule, text)).get().satisfies(result -> {
                assertThat(result.reason()).isEqualTo(EscalationReason.COMPLEX);
                assertThat(result.priority()).isEqualTo(Priority.HIGH);
            });
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "ik heb schulden, waar kan ik hulp krijgen",
                "ik ga scheiden, moet ik mijn adres wijzigen?",
                "ik ben ziek, kan ik mijn afspraak verzetten",
                "hoe lever ik gescheiden afval in",
                "hoe vraag ik bijzondere bijstand aan",
                "ik ben werkloos, hoe vraag ik een uitkering aan",
                "how do I get a parking permit",
                "wanneer wordt grofvuil opgehaald",
        })
        void negatives(String text) {
            assertThat(run(rule, text)).isEmpty();
        }
    }
}
