package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The concept lists of the other escalation reasons (a person asked for, the resident's own case, a complaint, a
 * promise asked for): each concept with sentences in word orders and spellings no phrase list holds, and the
 * questions that only look like them and must still be answered. Written for this test, never taken from an
 * evaluation set.
 */
class EscalationConceptsTest {

    private static final Triage triage = new Triage(List.of(new HumanRequestSignals(), new ComplaintSignals(), new CaseSpecificSignals()));
    private final InputGuard guard = new InputGuard(2000);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HUMAN_REQUESTED | callback-me            | kan er iemand van de gemeente mij vandaag nog opbellen
            HUMAN_REQUESTED | callback-me            | iemand van jullie moet me echt even bellen
            HUMAN_REQUESTED | callback-me-en         | could somebody from the council call me back please
            HUMAN_REQUESTED | called-passive         | ik zou graag teruggebeld worden over mijn vraag
            HUMAN_REQUESTED | let-call               | wilt u mij laten terugbellen door de wijkcoach
            HUMAN_REQUESTED | want-someone-talk      | ik wil graag iemand spreke van burgerzaken
            HUMAN_REQUESTED | want-someone-talk-en   | I would rather speak with a real person
            CASE_SPECIFIC   | check-it-for-me        | kunnen jullie dat voor mij nakijken
            CASE_SPECIFIC   | check-it-for-me        | can you check my application for me
            CASE_SPECIFIC   | on-the-waiting-list    | op welk nummer sta ik nu op de wachtlijst
            CASE_SPECIFIC   | decision-on-mine       | wanneer wordt er eindelijk beslist over mijn aanvraag
            CASE_SPECIFIC   | how-far-mine           | hoe ver is het nu met mijn bezwaar
            CASE_SPECIFIC   | why-mine-refused       | mijn bijzondere bijstand is geweigerd, ik begrijp echt niet waarom
            CASE_SPECIFIC   | why-mine-refused       | my application got rejected and I don't understand why
            CASE_SPECIFIC   | was-but-now-not        | vorig jaar kreeg ik die toeslag wel, dit jaar niks
            CASE_SPECIFIC   | received-mine          | hebben jullie de papieren van mijn moeder voor de wmo al binnen
            CASE_SPECIFIC   | received-mine          | did you actually get the form I sent for my parking permit
            CASE_SPECIFIC   | approved-yet           | de kapvergunning, is die nou goedgekeurd of niet
            CASE_SPECIFIC   | approved-yet           | is the event permit for our street party approved yet
            CASE_SPECIFIC   | where-is-mine-now      | so where is the application for my parking card now
            CASE_SPECIFIC   | where-is-mine-now      | waar staat die aanvraag van ons momenteel
            CASE_SPECIFIC   | look-up-for-me         | kunt u voor mij opzoeken tot wanneer dat geldig is
            COMPLAINT       | here-to-complain       | ik schrijf om te klagen over de vuilniswagen
            COMPLAINT       | failed-again-and-again | al drie keer is ons papier niet opgehaald
            COMPLAINT       | cancelled-by-you       | mijn afspraak is nu twee keer door jullie afgezegd
            COMPLAINT       | what-kind-of-organisation | wat is dit nou voor organisatie
            COMPLAINT       | unhappy-with-service   | ik ben erg ontevreden over hoe de medewerker mij behandeld heeft
            COMPLAINT       | for-your-money         | wat doen jullie daar eigenlijk voor je geld
            CASE_SPECIFIC   | reported-no-word-yet   | drie weken terug de aanvraag voor de parkeerkaart ingediend en nog steeds geen bericht
            CASE_SPECIFIC   | reported-when-do-they-come | die losliggende stoeptegel heb ik maandag gemeld, wanneer komen ze hem maken
            CASE_SPECIFIC   | letter-about-me-en     | we got a notice about our waste bin stating we must pay extra, what now
            COMPLAINT       | you-lost-mine          | de gemeente heeft onze aanvraag gewoon kwijtgemaakt, dit is de tweede keer
            """)
    void eachConceptGoesToAPerson(EscalationReason reason, String concept, String text) {
        assertThat(triage.classify(text)).as(text).get().satisfies(result -> {
            assertThat(result.reason()).isEqualTo(reason);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "zeg me zwart op wit dat ik die vergunning krijg",
            "krijg ik het 100% zeker? zeg gewoon ja of nee",
            "beloof me dat de aanvraag zeker wordt toegekend",
            "promise me my permit will be approved"})
    void aPromiseAskedForInAnyOrderGoesToAPerson(String text) {
        assertThat(guard.check(text)).as(text).get()
                .satisfies(unsafe -> assertThat(unsafe.kind()).isEqualTo(UnsafeInput.Kind.PROMISE_REQUEST));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "hoe kan ik jullie bellen",
            "ik heb een klacht ingediend en vind het antwoord niks, kan ik naar de ombudsman",
            "wanneer moet ik een losse stoeptegel melden en wie komt hem maken",
            "ik ben mijn rijbewijs verloren, hoe vraag ik een nieuwe aan",
            "kunt u mij vertellen wanneer ik de stadswinkel kan bellen",
            "hoe kom ik op de wachtlijst voor een parkeervergunning",
            "hoe lang duurt het voordat er een besluit is over een vergunning",
            "hoe ver is de stadswinkel van het station",
            "we willen trouwen, hoe ver van tevoren moeten we dat melden",
            "hoe dien ik een klacht in",
            "hoe vaak wordt de container geleegd, 2 keer per maand",
            "kun je opzoeken hoe laat de stadswinkel open is",
            "waarom wordt kwijtschelding afgewezen als je een auto hebt",
            "mijn aanvraag is afgewezen, hoe kan ik daar bezwaar tegen maken",
            "hoe lang duurt het voordat een kapvergunning is goedgekeurd",
            "how soon is an event permit approved",
            "waar vind ik het formulier voor een parkeervergunning nu",
            "where can I find the application form for a permit now",
            "kun je opzoeken hoe laat de stadswinkel open is vandaag"})
    void questionsThatOnlyLookLikeThemAreStillAnswered(String text) {
        assertThat(triage.classify(text)).as(text).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "kunt u mij zeggen of ik zeker een afspraak nodig heb",
            "weet u zeker dat de stadswinkel zaterdag open is"})
    void aQuestionWithZekerIsNoPromiseRequest(String text) {
        assertThat(guard.check(text)).as(text).isEmpty();
    }
}
