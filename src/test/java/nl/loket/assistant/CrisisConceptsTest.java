package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import nl.loket.contact.Priority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each danger concept of {@code triage-crisis-concepts.txt} with sentences in orders, spellings and words
 * no phrase list holds, so each concept can fail on its own; and the benign look-alikes that must not
 * raise a false alarm. Written for this test, never taken from an evaluation set.
 */
class CrisisConceptsTest {

    private final CrisisConcepts concepts = new CrisisConcepts();
    private final Triage crisis = new Triage(List.of(new CrisisSignals(), new CrisisConcepts()));

    private void urgent(String text) {
        assertThat(crisis.classify(text)).as(text).get().satisfies(result -> {
            assertThat(result.reason()).isEqualTo(EscalationReason.CRISIS);
            assertThat(result.priority()).isEqualTo(Priority.URGENT);
        });
    }

    private void conceptFires(String concept, String text) {
        assertThat(concepts.match(nl.loket.platform.text.TextNormalizer.forMatching(text))).as(text).get()
                .satisfies(r -> assertThat(r.signal()).contains("/" + concept + ":"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ik wil gewoon echt dood",
            "ik ga vannacht dood denk ik",
            "k wil dood",
            "i want to die",
            "I'm going to kill myself tonight"})
    void selfHarmWish(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "het heeft geen zin meer, ik wil niet meer leven",
            "ik zie mijn leven niet meer zitten",
            "ik wil nie meer leve",
            "I don't want to live anymore",
            "ich will nicht mehr leben"})
    void noLongerWantingToLive(String text) {
        conceptFires("self-harm-life", text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ik maak er vanavond gewoon een eind aan",
            "misschien maak ik er maar een einde aan",
            "ik ga een einde aan mijn leven maken"})
    void makingAnEnd(String text) {
        conceptFires("self-harm-end", text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ik heb net alle pillen ingenomen",
            "mijn zoon heeft een hele strip tabletten geslikt",
            "I took all my pills"})
    void anOverdose(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ik sta op de brug en wil springen",
            "i am standing on the roof and i will jump"})
    void aHighPlace(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "mijn ex bedreigt me al maanden en nu staat hij elke avond bij mijn huis",
            "hij dreigt me iets aan te doen",
            "someone keeps threatening me and my kids"})
    void threats(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "mijn man slaat me als hij gedronken heeft",
            "ik word thuis steeds geslagen",
            "my husband hits me",
            "mein Mann schlägt mich"})
    void beingHit(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "er loopt een man met een mes door de straat en hij dreigt mensen",
            "a guy is waving a knife in front of the school"})
    void aWeapon(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "het kindje van de buren huilt elke nacht en ik hoor slaan",
            "ik denk dat het kind naast ons verwaarloosd wordt thuis",
            "the kid next door has bruises every week"})
    void aChildUnsafe(String text) {
        conceptFires("child-unsafe", text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ik heb vannacht geen slaapplek",
            "we zijn uit huis gezet en hebben vanavond nergens onderdak",
            "I have nowhere to sleep tonight"})
    void noShelterTonight(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "de stroom is afgesloten en mijn baby heeft het koud",
            "we hebben geen verwarming meer en twee kleine kinderen",
            "no heating and no food for my children"})
    void noFoodOrHeatingForAChild(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "mijn vader reageert niet meer en ademt raar",
            "de buurvrouw is gevallen en bloedt heel erg",
            "my mother is unconscious"})
    void aMedicalEmergency(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ik ben gisteren verkracht",
            "mijn dochter is betast door een man in het park",
            "I was raped"})
    void sexualViolence(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ik schrok me dood van de aanslag",
            "hoe doe ik aangifte van overlijden van mijn vader",
            "mijn moeder is dood, wat moet ik regelen voor de begrafenis",
            "mag ik een vuurkorf in de tuin voor een buurtfeest",
            "ik heb een mes gevonden in het park, waar lever ik dat in",
            "hoe kan ik een einde maken aan de overlast van duiven",
            "ik wil dood hout laten ophalen",
            "I want to end my registration because I'm moving",
            "deze wachtrij is killing me",
            "er ligt een dood dier op de weg",
            "mijn kinderen zijn alleen thuis na school, is er opvang",
            "mijn identiteit is misbruikt wat moet ik doen",
            "mijn paspoort dreigt te verlopen",
            "ik heb schulden en wil hulp bij schuldhulpverlening",
            "we willen een kampvuur maken bij de scouting",
            "mijn auto staat op straat geparkeerd zonder vergunning"})
    void benignLookAlikesRaiseNoAlarm(String text) {
        assertThat(crisis.classify(text)).as(text).isEmpty();
    }
}
