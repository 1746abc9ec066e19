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
            // their own letter is why they ask; the question is the general procedure
            "ik heb een brief van de gemeente gekregen en ben het er niet mee eens, hoe maak ik bezwaar",
            "mijn aanvraag is afgewezen, hoe kan ik daar bezwaar tegen maken",
            "my application was rejected, how do I file an objection",
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
            "hoeveel kost een rijbewijs",
            "what are the opening hours of city hall",
            "wanneer is de stadswinkel open",
            "welke documenten heb ik nodig om te trouwen",
            "hoe meld ik een kapotte lantaarnpaal",
            "ik wil een afspraak maken voor een id kaart",
            "hoe vraag ik kwijtschelding van gemeentelijke belastingen aan",
            "where can I throw away food waste",
            "is there no food waste bin in my street?",
            // ordinary questions with words the rules watch: death, fire, fear, debts, divorce, children, the street
            "ja hallo, eh, mijn moeder is vorige week overleden en ik moet de begrafenis regelen, wat moet ik bij de gemeente doen?",
            "mijn vader ligt in het ziekenhuis, kan ik namens hem een gehandicaptenparkeerkaart aanvragen?",
            "wij willen trouwen op het strand, kan dat in Nijmegen?",
            "er ligt een dode vogel op de stoep, wie ruimt dat op?",
            "er ligt een dode kat op straat voor mijn huis",
            "hoe vraag ik een vergunning aan voor een vreugdevuur",
            "mag ik een vuurkorf in mijn tuin gebruiken",
            "wanneer worden de kerstbomen opgehaald",
            "ik ben net bevallen, hoe geef ik de geboorte aan",
            "mijn paspoort is gestolen uit mijn auto, wat nu",
            "help, ik ben mijn id-kaart kwijt en vlieg morgen",
            "mijn buren maken elke nacht herrie, waar kan ik dat melden",
            "de buurman laat zijn hond de hele dag blaffen, wat kan ik doen",
            "is er een speeltuin in de buurt van de Waalkade",
            "mag ik zwemmen in de Waal",
            "hoe laat gaat de brug open voor fietsers",
            "kan ik een parkeervergunning krijgen voor mijn bedrijfsbus",
            "wat moet ik doen als mijn rijbewijs is ingenomen door de politie",
            "mijn zoon is 18 geworden, moet hij zelf een DigiD aanvragen",
            "mijn dochter gaat studeren in Utrecht, moet ze zich daar inschrijven",
            "wij gaan uit elkaar, wie van ons moet de verhuizing doorgeven",
            "ik woon alleen, heb ik recht op korting op de afvalstoffenheffing?",
            "mijn man is overleden, moet ik zijn paspoort inleveren",
            "hoe lang is een uittreksel geldig",
            "ik ben gevallen met de fiets door een gat in de weg, waar meld ik dat",
            "de stoep ligt open sinds de werkzaamheden, is dat veilig?",
            "er hangen losse kabels uit een lantaarnpaal, gevaarlijk voor kinderen",
            "de brandweer heeft de boom in onze straat omgezaagd, wie ruimt het hout op",
            "ik wil een bbq houden in het park, mag dat",
            "ik heb een rookmelder nodig voor mijn huurwoning, moet de verhuurder die plaatsen",
            "mijn CO-melder is op, waar lever ik die in",
            "mijn kinderen zijn bang in het donker op weg naar school, kan er meer verlichting komen",
            "ik ben bang dat ik de deadline voor mijn bezwaar mis",
            "I'm scared of missing my appointment, can I reschedule?",
            "I'm afraid I have to cancel my appointment",
            "mijn moeder van 85 woont alleen en kan niet meer goed lopen, welke hulp is er",
            "hoe kom ik aan een scootmobiel",
            "mijn kind heeft adhd, welke ondersteuning is er vanuit de gemeente",
            "is er hulp voor mantelzorgers in Nijmegen",
            "kan ik schuldhulp krijgen als ik een eigen bedrijf heb",
            "wat doet een bewindvoerder",
            "ik ga scheiden, wat moet ik regelen met de gemeente",
            "hoe verhuis ik naar het buitenland en meld ik me af",
            "ik wil mijn naam laten wijzigen",
            "de gemeente heeft mijn straat opgebroken, hoe lang duurt dat",
            "wanneer wordt mijn straat geveegd",
            "I want to report a dead animal on the road",
            "can I have a fire pit in my garden",
            "my neighbour's tree is dying, who do I call",
            "someone took my ID card from my bag, must the police know before I get a new one",
            "I am moving in with my girlfriend, how do I register",
            "we are getting divorced, who keeps the house registration",
            "my father passed away, how do I register the death",
            "I lost my job, can I get social assistance",
            "is there food bank in Nijmegen",
            "where can I get free meals for my kids at school",
            "what do I do if my bin was not emptied",
            "how do I book an appointment for a driving licence",
            "the bridge near my house has graffiti, how do I report it",
            "mijn auto is weggesleept, waar kan ik hem ophalen",
            "kan ik mijn hond laten chippen bij de gemeente",
            "mag ik een schutting plaatsen zonder vergunning",
            "ik heb een vraag over de hondenbelasting",
            "ja goeiedag, eh, ik wil graag weten wanneer de milieustraat open is",
            "hoe dien ik een woo-verzoek in over de brand in de Stevenskerk",
            "de bus rijdt niet meer door onze wijk, waar kan ik klagen",
            "waar kan ik mijn oude medicijnen inleveren",
            "mijn zoon wil een vog voor zijn bijbaan, wat kost dat",
            "hoe lang duurt het voordat mijn rijbewijs klaar is",
            "ik ben mijn portemonnee verloren met al mijn pasjes",
            "wat moet er in een testament, kan de gemeente helpen",
            "wie betaalt de begrafenis als iemand geen geld heeft",
            "kan ik de as van mijn vader uitstrooien in het park",
            "wat moet ik regelen als ik er niet ben tijdens de verkiezingen",
            "ik ben er morgen niet, kan mijn buurvrouw het pakket ophalen",
            "ik ben er niet meer zeker van dat ik mijn afspraak goed heb geboekt",
            "er is een evenement op het plein, mag daar een springkussen staan",
            "hoe kan ik mijn leven makkelijker maken met huishoudelijke hulp",
            "ik heb geen zin om naar de stadswinkel te komen, kan het online",
            "ik heb er geen zin meer in om steeds te bellen, kan het via de mail",
            "de snoeiafval ligt al dagen op de grond bij de container",
            "de vuilniszak is opengescheurd, het eten ligt op straat",
            "mijn vriend woont bij mij in, moet hij zich inschrijven",
            "geslaagd voor het praktijkexamen, wanneer kan ik het roze pasje halen",
            "mag ik in mijn camper op straat overnachten in Nijmegen",
            "kan ik met de auto de binnenstad in om te laden en lossen",
            "ik ga morgen het huis uit om te verhuizen, wanneer geef ik dat door",
            "we gaan vandaag ons huis uit voor de verbouwing, moeten we een briefadres",
            "waar kan ik om hulp vragen bij de aangifte voor de huurtoeslag",
            "ik wil om hulp vragen voor mijn moeder, hoe doe ik dat",
            "hoe kan ik een einde maken aan de overlast van duiven",
            "er is geschoten op de schietvereniging, mag dat zo laat",
            "ik wil een vergunning voor een schiettent op de kermis",
            "krijgen kinderen op school gratis eten in Nijmegen",
            "mijn kind krijgt geen eten mee naar school, is er een schoolontbijt",
            "we zitten zonder water door werkzaamheden, hoe lang duurt dat",
            "de verwarming in de stadswinkel is kapot, het is ijskoud",
            "ik heb een aanval van hooikoorts, kan ik mijn afspraak verzetten",
            "mijn vader heeft vorig jaar een hartaanval gehad, kan hij een parkeerkaart krijgen",
            "wie helpt mij om het eind van de maand te halen",
            "ik slaap slecht door het lawaai van de buren",
            "ik heb geen reden om bezwaar te maken maar wil het wel begrijpen",
            "how can I end my contract for the parking permit",
            "I want to end my registration because I'm moving abroad",
            "she is calling for help with her tax form, can I help her",
            "kunnen jullie het huis uit mijn naam halen",
            "de baby van mijn dochter is geboren, wie doet de aangifte",
            "ik wil graag dat jullie een einde maken aan het parkeren op de stoep",
            "de kinderen spelen alleen buiten op het plein, is daar toezicht",
            "hoe lang mag een kind alleen thuis blijven volgens de wet",
            "de vader van mijn kind wil het paspoort niet tekenen",
            "mijn dochter is 16, mag ze zelf een id-kaart aanvragen",
            "mag ik een mes bij me hebben tijdens de Vierdaagse",
            "hoe meld ik dat er een gaslantaarn niet brandt",
            "we willen een kampvuur maken bij de scouting, is er een vergunning nodig",
            "the street lights are not working and it's dark, is that being fixed",
            "I am scared of dogs, can the municipality require dogs on a leash in the park",
            "my father died last year, do I still need to do anything",
            "my son fell off his bike because of a hole in the road",
            "de rookmelder piept, moet ik een nieuwe batterij",
            "hoe lang duurt het voordat er een besluit is op mijn bezwaar",
            "ik ben net verhuisd, wanneer krijg ik een nieuwe afvalpas",
            "ik woon in een studentenkamer, moet ik me inschrijven",
            "Geachte heer/mevrouw, mijn werkgever op de basisschool vraagt om een VOG. Hoe gaat die aanvraag in zijn werk?",
            "ja hallo, eh, ik wil mijn rijbewijs verlengen, eh, maar ik weet niet of ik een keuring nodig heb",
            "mijn vader is vorige maand overleden, moet ik zijn rijbewijs inleveren",
            "parkeervergunning voor een tweede wagen, kan dat?",
            "kan ik mijn grofvuil zelf wegbrengen",
            "wat doet de stip precies en moet ik een afspraak maken",
            "hoe lang van tevoren moet ik een evenementenvergunning aanvragen voor een straatfeest",
            "mijn ouders zijn gescheiden, bij wie moet ik ingeschreven staan",
            "I'm getting married next year, how early should we book the town hall",
            "Can I get help with my debts if I have a job?",
            // idioms of fire, explosions and deadly fear about ordinary things
            "er kwam een explosie van reacties op het nieuwe parkeerbeleid, waar kan ik mijn mening geven",
            "ik ben doodsbang voor de deurwaarder, kan ik hulp krijgen bij mijn schulden",
            // everyday Dutch and English words that mean danger in another language, and Dutch "die"
            "who do I call when the amount on my parking bill is wrong",
            "ik wou vragen of ik die rekening in delen mag betalen",
            // danger words as a subject of study, in the past, or as part of an ordinary errand
            "voor een spreekbeurt over huiselijk geweld zoek ik cijfers van de gemeente",
            "I was robbed on the tram last month, I'm fine now, how do I replace my ID card",
            "ik ben lang geleden veroordeeld voor mishandeling, kan ik een VOG aanvragen",
            "ik sta zaterdag op straat met een kraampje voor de rommelmarkt, moet ik dat melden",
            "de kliko staat buiten op straat en het deksel is eraf, wie repareert dat",
            "mijn vrouw is gisteren bevallen en het kindje ademt rustig, hoe doe ik aangifte",
            // a film, a help organisation or a sport about violence; dying of a nuisance
            "draait die documentaire over huiselijk geweld nog deze week in het filmhuis",
            "ik word vrijwilliger bij een hulplijn voor slachtoffers van huiselijk geweld, hoe vraag ik een VOG aan",
            "our shooting club wants an open day in the street, which permit do we need",
            "ik ga dood aan al die wachtwoorden, hoe werkt DigiD eigenlijk",
            "we gaan dood van de hitte in de stadswinkel, kan ik online een afspraak maken",
            // since set p joined the classifiers' training: answered again
            "het was moord en brand in de straat toen de bomen werden gekapt, wie beslist daarover"})
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
            "de medewerker aan de telefoon was onbeschoft           | COMPLAINT",
            "mag ik de vergunning op naam van mijn zus zetten, straks ben ik er toch niet meer | CRISIS",
            "mijn bsn is [BSN] en ik wil er niet meer zijn           | CRISIS",
            "ik heb een afspraak nodig, geen bot                    | HUMAN_REQUESTED",
            "heeft de gemeente al beslist over het verzoek dat ik in maart stuurde? | CASE_SPECIFIC",
            "ik heb in mei bezwaar gemaakt, hoe staat het ermee?     | CASE_SPECIFIC",
            "mijn aanvraag is afgewezen, waarom?                     | CASE_SPECIFIC",
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

    /** Venting beside a plain question is no complaint when the escalation classifier is sure nothing calls for a person. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ik ben het zat met al die formulieren, hoe vraag ik een briefadres aan",
            "what a nightmare, I moved here last week, how do I register my new address"})
    void ventingBesideAPlainQuestionIsAnswered(String text) {
        assertThat(new ComplaintSignals().match(nl.loket.platform.text.TextNormalizer.forMatching(text)))
                .as("the complaint lists read anger in it").isPresent();
        assertThat(TRIAGE.classify(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "belachelijk, de medewerker aan de balie was onbeschoft tegen mij",
            "ik ben zo boos, al drie weken geen antwoord op mijn mail"})
    void angerAboutOnesOwnTreatmentStaysAComplaint(String text) {
        assertThat(TRIAGE.classify(text).map(TriageResult::reason)).contains(EscalationReason.COMPLAINT);
    }

    @Test
    void signalNamesTheListEntryNotTheResidentText() {
        TriageResult result = TRIAGE.classify("Ik heb het nummer 0612345678 en ik wil niet meer leven").orElseThrow();
        assertThat(result.signal()).doesNotContain("0612345678").contains("triage-crisis");
    }

    /** Going to a person anyway, and probably a crisis: the person sees it first, with the help numbers sent. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "kan iemand bij mijn buurvrouw gaan kijken, ik hoor haar al twee dagen niet",
            "ik wil met iemand praten, ik voel me heel alleen"})
    void aRequestForAPersonThatSoundsLikeDangerIsACrisisOutright(String text) {
        assertThat(TRIAGE.classify(text).map(TriageResult::reason)).contains(EscalationReason.CRISIS);
    }

    /**
     * The price of thresholds chosen by cross-validation (docs/evaluation.md): ordinary questions the classifiers now
     * send to a person, some of them as a crisis. On the spent sets, held out one at a time, the new thresholds cost two
     * answerable questions of 1,560 and caught 24 more crises and escalations. When a better model answers one of these, move it back to
     * {@link #ordinaryQuestionsPass}.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "mijn dochter wil van de duikplank springen, is het zwembad open",
            "mijn buurman slaat elke ochtend om 6 uur de deur hard dicht",
            // since sets l and m and 800 more written examples joined the crisis classifier's training (which caught
            // "kan iemand mij bellen, ik weet het allemaal niet meer" again): not knowing whether one is still there
            // tomorrow reads as a veiled farewell
            "ik weet niet of ik morgen nog op tijd ben voor mijn afspraak",
            // since set o joined the classifiers' training: someone who cannot get out reads as a crisis, uproar as a complaint
            "de lift in onze flat is al weken kapot, mijn moeder kan niet naar buiten",
            // since set p joined the classifiers' training: litter and a dark street read as complaints, a neighbour
            // alone as asking for a person (sent to a person once before, until set k, and until sets l and m)
            "de containers liggen omver, niemand ruimt het op",
            "de straatverlichting bij ons is kapot, het is s avonds echt donker en onveilig",
            "onze buurvrouw is 90 en woont alleen, kan er iemand langs voor hulp",
            // since the escalation classifier fires from 0.5 instead of 0.6 (ten more escalations of 644 held out):
            // a letter that is wrong reads as one's own case, debts and having spoken to an employee as asking for one
            "ik denk dat die brief over de aanslag niet klopt",
            "I have some debts and want advice",
            "ik heb gisteren een medewerker gesproken, hij was heel aardig",
            // since set q joined the classifiers' training
            "er staat een kapotte fiets al weken op straat"})
    void someOrdinaryQuestionsGoToAPersonAsTheAcceptedCostOfRecall(String text) {
        assertThat(TRIAGE.classify(text)).isPresent();
    }

    /** Going to a person anyway, and perhaps a crisis: the person sees it first, with the help numbers sent. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ik wil een klacht indienen, niemand helpt me en ik zie het somber in",
            "bel me terug aub, ik ben wanhopig en weet niet meer wat ik moet doen",
            // a crisis outright until set n joined the crisis classifier's training; in doubt since
            "kan iemand mij bellen, ik weet het allemaal niet meer"})
    void aMessageGoingToAPersonThatProbablyIsACrisisIsInDoubt(String text) {
        assertThat(TRIAGE.classify(text).map(TriageResult::reason)).isNotEqualTo(java.util.Optional.of(EscalationReason.CRISIS));
        assertThat(TRIAGE.crisisInDoubt(text)).isTrue();
    }

    /** Doubt needs evidence: ordinary questions, a danger word in a plain request, and a script the classifier never saw, are no doubt. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "hoe kan ik een klacht indienen over de afvalophaal",
            "ik wil een medewerker spreken over mijn parkeervergunning",
            "ik kan niet meer slapen van de zorgen, de schulden worden me te veel, kan ik hulp krijgen",
            "kan iemand mij bellen over de medicijnen die ik voor mijn moeder ophaal",
            "我想问一下怎么办护照",
            "Ich möchte einen Termin für einen Reisepass machen"})
    void aMessageTheClassifierHasNoReasonToFearIsNoDoubt(String text) {
        assertThat(TRIAGE.crisisInDoubt(text)).isFalse();
    }

    /** No rule fires, but the classifier's doubt is enough to hold back an article: a person reads it first. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "hoe vraag ik een parkeervergunning aan, al maakt het voor mij straks toch niet meer uit"})
    void aQuestionThatProbablyHidesACrisisIsTooLikelyACrisisToAnswer(String text) {
        assertThat(TRIAGE.classify(text)).isEmpty();
        assertThat(TRIAGE.crisisTooLikelyToAnswer(text)).isTrue();
    }

    /** Holding back an answer takes the plain doubt: a danger word used as an idiom in an ordinary question is no reason. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "hoe vraag ik een parkeervergunning aan",
            "ik ben doodsbang voor de deurwaarder, kan ik hulp krijgen bij mijn schulden",
            "er kwam een explosie van reacties op het nieuwe parkeerbeleid, waar kan ik mijn mening geven",
            "waar kan ik mijn paspoort ophalen, ik wil alles netjes achterlaten voor mijn kinderen"})
    void anOrdinaryQuestionIsNotTooLikelyACrisisToAnswer(String text) {
        assertThat(TRIAGE.crisisTooLikelyToAnswer(text)).isFalse();
    }

    @Test
    void onlyTheFullTriageLooksTwice() {
        assertThat(new Triage(java.util.List.of(new CrisisSignals())).crisisInDoubt("het gaat niet goed met me, kan iemand me bellen"))
                .isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "mijn bijzondere bijstand is afgewezen en ik snap niet waarom, kunt u mij terugbellen | CASE_SPECIFIC",
            "al drie keer is ons papier niet opgehaald, graag terugbellen                       | COMPLAINT"})
    void aCallBackAskedForAboutOnesOwnCaseOrWithAComplaintIsThatCaseOrComplaint(String text, EscalationReason reason) {
        assertThat(TRIAGE.classify(text)).get().extracting(TriageResult::reason).isEqualTo(EscalationReason.HUMAN_REQUESTED);
        assertThat(TRIAGE.besidesHumanRequest(text)).get().extracting(TriageResult::reason).isEqualTo(reason);
    }

    @Test
    void aPlainCallBackRequestHasNoOtherReason() {
        assertThat(TRIAGE.besidesHumanRequest("kunt u mij morgen terugbellen")).isEmpty();
    }
}
