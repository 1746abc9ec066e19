package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import nl.loket.contact.Priority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each danger concept of {@code triage-crisis-concepts.txt} with sentences in orders, spellings and words
 * no phrase list holds, so each concept can fail on its own; and the benign look-alikes that must not
 * raise a false alarm. Written for this test, never taken from an evaluation set.
 */
class CrisisConceptsTest {

    private static final CrisisConcepts concepts = new CrisisConcepts();
    private static final Triage crisis = new Triage(List.of(new CrisisSignals(), new CrisisConcepts()));

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

    // Danger as a situation, one concept each (the concept's name in the CSV), written for this test.
    @ParameterizedTest(name = "{0}: {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            cold-home-child      | het vriest en binnen is het nog maar 10 graden, mijn dochtertje van 6 maanden is ziek
            cold-home-child      | ijskoud in huis en de tweeling ligt te rillen
            no-food-heating-child| de cv is stuk en de huisbaas doet niks, ik heb een baby van 2 maanden
            no-food-heating-child| koelkast leeg en mijn zoontje heeft sinds gisteren niks gegeten
            no-food-heating-child| our electricity was cut off and my son is only 1
            heating-off-child    | de kachel is al dagen uit en mijn kinderen van 2 en 4 zijn verkouden
            heating-out-frost    | bij mijn opa van 90 is de cv uitgevallen en het gaat vannacht vriezen
            shelter-full         | de nachtopvang is vol, waar moet ik vannacht heen
            living-in-car        | sinds gisteren slaap ik in mijn auto
            living-in-car-after  | ik woon al weken in mn auto
            high-place-now       | ik sta nu op de waalbrug
            jump-from-high       | welke brug is hoog genoeg om vanaf te springen
            farewell             | sorry voor alles, zeg tegen mama dat ik van haar hou
            cannot-breathe       | help ik kan nie ademen
            swallowed            | mijn dochter van 3 heeft een knoopcelbatterij ingeslikt
            fallen-down          | mijn vader ligt al uren op de grond in de keuken en reageert nauwelijks
            arson-threat         | ze zeggen dat ze ons huis in de fik steken
            threat-object        | er lag vanochtend een kogel in de brievenbus
            afraid-to-go-home    | ik durf echt niet meer naar huis
            not-be-here          | k wil er nie meer zijn
            not-see-it           | ik zie het echt niet meer zitten allemaal
            kill-myself          | k i l l myself tonight
            make-away-with-myself| ik wil mezelf van kant maken
            overdose-how         | hoeveel paracetamol is dodelijk
            child-in-hot-car     | er zit een peuter in een auto in de zon, het is 30 graden
            """)
    void dangerAsASituation(String concept, String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ik sta nu op de waalbrug",
            "de nachtopvang zit vol zeggen ze",
            "mijn vader ligt op de grond en reageert niet meer",
            "ze dreigen ons huis in brand te steken"})
    void eachSituationConceptFiresOnItsOwn(String text) {
        assertThat(concepts.match(nl.loket.platform.text.TextNormalizer.forMatching(text))).as(text).isPresent();
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
            "mijn auto staat op straat geparkeerd zonder vergunning",
            "ik woon in de binnenstad, mag mijn auto daar staan",
            "de boom ligt sinds gisteren op de grond in het park",
            "is de schutting hoog genoeg zonder vergunning",
            "de kinderen spelen binnen want buiten is het koud",
            "de kinderopvang zit vol, waar kan ik nog terecht",
            "ik wil niet meer ingeschreven zijn op dit adres",
            "this queue is killing me",
            "we organiseren een bungeejump vanaf de brug, welke vergunning",
            "mijn vader is overleden, wat doe ik met zijn medicijnen",
            "mag ik een schilderij ophangen in de hal van de flat",
            "can I end it early if I move out of Nijmegen",
            "dit is mijn laatste bericht hierover, ik wacht op uw antwoord",
            "hij reageert niet op mijn mail over de vergunning",
            "the council is not responding to my emails",
            "he is not responding to my letters about the permit",
            "zeg tegen de medewerker dat het niet mijn schuld was dat de container weg is"})
    void benignLookAlikesRaiseNoAlarm(String text) {
        assertThat(crisis.classify(text)).as(text).isEmpty();
    }

    /** The concepts added after set j: a farewell, hanging, ending it, someone sagging away. */
    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', value = {
            "hanging          | mijn broer zei dat hij zich vanavond gaat ophangen in de schuur",
            "hanging          | she said she would hang herself if they take the kids",
            "end-it           | i keep thinking about how i will end it",
            "end-it           | honestly im ready to end it all",
            "last-message     | dit is mijn laatste bericht aan wie dit leest",
            "last-message     | this is my last message, thank you for trying",
            "not-their-fault  | vertel mijn dochter dat het niet haar schuld is",
            "collapsed        | oma zakte net in elkaar in de keuken"})
    void theConceptsAddedAfterSetJFire(String concept, String text) {
        conceptFires(concept, text);
    }

    /** Each concept added for a kind the spent sets showed missing, with its own sentences. */
    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', value = {
            "when-i-am-gone    | wie zorgt voor mijn kat als ik er nt meer ben",
            "when-i-am-gone    | mijn zus krijgt mijn spullen wanneer ik er straks niet meer ben",
            "self-harm-burn-cut| heb mezelf weer gesneden, dieper dan anders",
            "self-harm-burn-cut| ik heb me expres verbrand aan de kookplaat",
            "heart-attack      | al een uur drukkende pijn op mijn borst en mijn linkerarm tintelt",
            "heart-attack      | my dad has chest pain and is sweating a lot",
            "overdose-used     | ze heeft teveel gebruikt en wordt niet meer wakker",
            "overdose-used     | mijn vriend heeft teveel genomen zijn lippen zijn blauw",
            "where-to-sleep    | waar moet ik slapen, de opvang is dicht",
            "where-to-sleep    | huis uit gezet. waar slaap ik nu",
            "against-my-will   | ze willen me tegen mijn wil laten trouwen",
            "forced-away       | mijn ouders willen me uithuwelijken in het buitenland",
            "shaking-baby      | de oppas schudt de baby hard als hij huilt"})
    void eachAddedConceptFiresOnItsOwn(String concept, String text) {
        conceptFires(concept, text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "de gemeente heeft teveel tijd genomen en reageert niet op mijn mail",
            "ik heb het druk, kan ik de afspraak voor mijn paspoort verzetten",
            "waar kunnen de gasten slapen als we trouwen in het stadhuis",
            "ik ben het niet eens met het besluit, ik maak bezwaar tegen de aanslag",
            "mag ik een vuurkorf in de tuin, ik wil het veilig doen",
            "ik heb de brief van de gemeente verbrand per ongeluk, kan ik een nieuwe krijgen"})
    void theAddedConceptsLeaveTheirLookAlikesAlone(String text) {
        assertThat(crisis.classify(text)).as(text).isEmpty();
    }

    /**
     * A word residents use in ordinary messages is taken as written, not as a typing error for a danger word; the
     * English "cut … myself" needs the verb right before "myself"; a house alone is no place to sleep.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "de tandarts wil 900 euro en ik leef van een uitkering, kan de gemeente zulke dingen helpen betalen",
            "Am I allowed to cut the tree down myself, or who should I tell?",
            "I cut the hedge myself last year, do I need a permit now",
            "ik kan mijn id kaart nergens meer vinden, hele huis overhoop gehaald. wat nu?"})
    void ordinaryWordsAndErrandsAreNoDangerConcept(String text) {
        assertThat(concepts.match(nl.loket.platform.text.TextNormalizer.forMatching(text))).as(text).isEmpty();
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', value = {
            "self-harm-burn-cut-en | I cut myself again last night",
            "self-harm-burn-cut-en | been cutting myself since the summer",
            "self-harm-burn-cut-en | she burned herself? no, I burnt myself with the iron on purpose",
            "forced-away           | ze willen me dwingen om in het buitenland te trouwen",
            "forced-away           | mijn vader wil me dwnigen te trouwen in marokko"})
    void aDangerWordStillCountsWithATypingErrorAndInEnglish(String concept, String text) {
        conceptFires(concept, text);
    }

    /** Danger seen rather than named: the signs of a stroke or a fit, a child touched, a partner who keeps one in. */
    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', value = {
            "stroke-face       | opa zijn mond staat ineens helemaal scheef",
            "stroke-face       | her face is drooping on one side since lunch",
            "stroke-speech     | mijn man praat sinds vanochtend heel onduidelijk",
            "stroke-speech     | dad's speech is slurred and he can't lift his arm",
            "seizure           | een jongen ligt hier op straat te schokken",
            "seizure           | she fell and is convulsing on the kitchen floor",
            "seizure-now       | mijn zoontje heeft nu een epileptische aanval wat moet ik doen",
            "seizure-now       | my neighbour is having a seizure in the hallway",
            "child-touched     | mijn dochter vertelde dat de trainer haar aanraakt na de training",
            "child-touched     | a teacher touched my son and now he won't go to school",
            "kept-inside       | ik mag de deur niet uit van mijn man",
            "kept-inside       | he won't let me leave the house without him",
            "cold-home-child   | it is 11 degrees inside and the baby keeps coughing",
            "no-food-heating-child | our electricity was cut off and my youngest is only 3 months",
            "must-marry        | mijn zusje moet van haar vader trouwen met een neef die ze niet kent",
            "forced-away       | her parents are forcing her to marry a man in Pakistan",
            "taken-abroad-to-marry | in the summer they will send me back to the village to get married",
            "get-out-of-it-tonight | het is op, ik stap eruit. vannacht"})
    void dangerSeenRatherThanNamed(String concept, String text) {
        conceptFires(concept, text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "mijn zoon heeft epilepsie en soms aanvallen, kan hij een gehandicaptenparkeerkaart krijgen",
            "ik ben nu weer fit, kan ik mijn uitkering stopzetten",
            "mag mijn kind de dieren aanraken op de kinderboerderij van de gemeente",
            "de brief van de gemeente is onduidelijk, wat bedoelen jullie met de aanslag",
            "mag ik mijn huis uit laten bouwen zonder vergunning",
            "het schilderij in de hal hangt scheef, wie moet dat ophangen",
            // a tree "murdered", "some kind of permit", the Dutch "door" (through), the fear of losing a licence
            "die boom in mijn tuin wil ik echt vermoorden, hij neemt al het licht weg, mag dat zonder vergunning",
            "we are going crazy with the builder and I'm scared we need some kind of permit first",
            "mijn zoon is bang door al dat vuurwerk bij ons in de straat, mag dat nog na twaalven",
            "ik ben doodsbang dat ik mijn rijbewijs kwijtraak als ik 75 word, wat moet ik regelen",
            "mijn ouders willen trouwen, moeten ze daarvoor een afspraak maken",
            "ik ga ervan uit dat de stadswinkel vanavond open is",
            "ik kom er niet uit met het formulier, kan ik vanavond nog bellen",
            "can you take me through the marriage registration, we live abroad now",
            "my boss will kill me if I miss another morning, can I book a Saturday appointment",
            "ik ga dood van die wachtrij, kan ik online een afspraak maken bij de stadswinkel"})
    void whatOnlySoundsLikeTheseSignsRaisesNoAlarm(String text) {
        assertThat(crisis.classify(text)).as(text).isEmpty();
    }

    /** Kinds of danger read in set p's misses, written anew here: a farewell on a high place, sleeping in a shed. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "high-place-last-time|ik zit op het dak van de flat, de laatste keer dat ik de zon zie ondergaan",
            "sleeping-no-place|mijn broer slaapt al dagen in de fietsenstalling van de flat",
            "sleeping-no-place|we slapen in het trappenhuis sinds de huisbaas ons eruit zette",
            "hurts-family|papa doet mama elke avond pijn",
            "thinking-of-method|ik denk de hele tijd aan springen, ook als ik gewoon werk",
            "fr-a-la-rue|je suis à la rue depuis deux semaines"})
    void theConceptsAddedAfterSetPFire(String concept, String text) {
        conceptFires(concept, text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ze gaat wel zien wat er met haar gebeurt als ze vanavond thuiskomt",
            "hij zal merken wat er met hem gebeurt als hij nog een keer langskomt"})
    void aThreatOfWhatWillHappenToSomeone(String text) {
        urgent(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "wat is de laatste keer dat ik mijn fiets bij het station kan laten staan",
            "we slapen in een tent op de camping bij het park, mag dat",
            "mijn vader doet de boodschappen voor mijn moeder, ze heeft pijn aan haar heup, hoe vraag ik hulp",
            "ik denk steeds aan de brug die dicht gaat, hoe kom ik nu op mijn werk",
            "ik wil weten wat er met mijn aanvraag gebeurt, hij ligt er al weken",
            "kan ik zien wat er met haar aanvraag is gebeurd"})
    void theConceptsAddedAfterSetPLeaveTheirLookAlikesAlone(String text) {
        assertThat(crisis.classify(text)).as(text).isEmpty();
    }
    /** Kinds of danger read in set q's misses, written anew here: a word order no phrase knew, a veiled farewell. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "sleeping-in-car|we slapen nu al drie nachten met de kleine in onze auto op de parkeerplaats",
            "sleeping-in-car|sinds vrijdag sliep ik in mijn auto, waar kan ik heen",
            "put-out-of-home|omdat we door de huisbaas uit huis zijn gezet weet ik niet waar we heen moeten",
            "nothing-left-in-world|eerlijk gezegd heb ik niets meer te zoeken op deze wereld",
            "nothing-left-in-world|there is nothing left for me in this world",
            "cannot-hold-on|ik houd het echt niet meer vol in mijn hoofd",
            "married-off-young|mijn nichtje van dertien moet trouwen met een man uit het dorp",
            "sent-abroad-to-marry|mijn zus moet deze zomer naar het land van onze familie om daar te trouwen",
            "baby-fever-not-drinking|de baby is gloeiend heet en drinkt al uren niet",
            "scared-to-go-back|i'm too scared to go back home after what he did last night",
            "weapon-held|he held a knife to my throat this morning"})
    void theConceptsAddedAfterSetQFire(String concept, String text) {
        conceptFires(concept, text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "de baby slaapt altijd in de auto onderweg naar oma, waar kan ik parkeren bij het stadhuis",
            "ik snap niks meer van deze wereld, waar vraag ik een paspoort aan",
            "wij zijn vorig jaar getrouwd in het buitenland, hoe laten we dat inschrijven",
            "mijn baby drinkt niet graag uit een fles, is er een consultatiebureau in de buurt",
            "I'm afraid I have to go back to the Stadswinkel for my passport",
            "the zero emission zone is going to kill my business, where are the rules",
            "een stel jongens heeft de lantaarnpaal voor ons huis kapotgeslagen, waar meld ik dat"})
    void theConceptsAddedAfterSetQLeaveTheirLookAlikesAlone(String text) {
        assertThat(crisis.classify(text)).as(text).isEmpty();
    }
}
