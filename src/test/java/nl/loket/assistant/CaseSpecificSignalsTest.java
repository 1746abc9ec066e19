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
            // follow-ups on the resident's own file, own amounts, own figures, something done at a past moment
            "mijn kenmerk is 2023-44512, is er al nieuws",
            "ik heb in februari een woo-verzoek gedaan en nog niks gehoord, wanneer komt het besluit",
            "vorige maand heb ik huishoudelijke hulp aangevraagd, is daar al een beslissing over?",
            "ik heb 3 weken geleden een melding gedaan over een losse stoeptegel, wordt die nog gemaakt?",
            "Ik heb op 14 april mijn verhuizing doorgegeven. Klopt het dat ik nog niet ben ingeschreven?",
            "is mijn kwijtschelding al toegekend?",
            "mijn parkeervergunning is nog steeds niet verlengd",
            "ik wacht al weken op mijn beschikking van de wmo",
            "waarom is mijn bijstand deze maand lager",
            "waarom moet ik 150 euro meer betalen dan vorig jaar",
            "ik moet 300 euro terugbetalen aan de gemeente, klopt dat wel",
            "in de brief staat dat mijn uitkering stopt, waarom?",
            "kunt u nagaan of mijn betaling is ontvangen",
            "ik verdien 1800 bruto en woon alleen, kom ik in aanmerking voor kwijtschelding",
            "wij zijn met z'n vieren en hebben een inkomen van 2400 netto, hebben we recht op de inkomenstoeslag",
            "ik ben alleenstaande moeder met 3 kinderen, kan ik bijzondere bijstand krijgen voor een wasmachine? ik verdien 1500 euro",
            "I applied for social assistance last month, has it been approved yet?",
            "I reported a broken streetlight two weeks ago, when will it be fixed?",
            "my customer number is 558812, can you check my tax assessment",
            "why was my benefit lower this month",
            "I have to pay 230 euros for waste collection, is that correct?",
            "Can you check whether my payment has arrived?",
            "I earn 1900 a month and have two kids, am I eligible for the income supplement?",
            "I sent my objection in March and still no decision",
            "is mijn dochter al ingeschreven op ons nieuwe adres?",
            "ik heb vorige week betaald maar kreeg nu toch een aanmaning",
            "ik heb gisteren gebeld over mijn aanvraag en zou teruggebeld worden",
            "hoe ver is het met de behandeling van mijn bezwaarschrift",
            "mijn huurtoeslag is stopgezet maar ik weet niet waarom",
            "u heeft mijn aanvraag voor bijzondere bijstand afgewezen, kunt u uitleggen waarom",
            "ik heb nog steeds geen geld ontvangen van de bijstand",
            "de gemeente heeft 85 euro van mijn rekening afgeschreven, waarvoor is dat?",
            "er is twee keer geld afgeschreven voor de afvalstoffenheffing",
            "sinds januari krijg ik minder uitkering, hoe kan dat",
            "ik heb mijn rijbewijs in maart aangevraagd en het is er nog steeds niet",
            "mijn aanslag klopt niet, er staan 3 bewoners op terwijl ik alleen woon",
            "ik kreeg een boete van 95 euro maar ik stond er maar 5 minuten",
            "hebben jullie mijn mail van maandag ontvangen",
            "staat mijn nieuwe partner al op mijn adres ingeschreven",
            "My permit request from April still hasn't been processed",
            "I received a tax bill of 600 euros, why so much?",
            "Did you receive my documents?",
            "what is happening with my application for housing adaptation",
            "I paid the fine last week but got a reminder today",
            "my benefit was stopped without explanation",
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
            // general questions, also with "mijn" or a date
            "hoe lang duurt het voordat mijn paspoort klaar is",
            "wanneer is mijn paspoort klaar als ik het vandaag aanvraag",
            "wanneer wordt het grofvuil opgehaald in mijn wijk",
            "heb ik recht op bijzondere bijstand?",
            "wie komt in aanmerking voor kwijtschelding",
            "wat is de inkomensgrens voor de individuele inkomenstoeslag",
            "hoe vraag ik een parkeervergunning aan voor mijn nieuwe auto",
            "ik ga volgende maand verhuizen, wanneer moet ik dat doorgeven",
            "mijn paspoort verloopt in mei, hoe verleng ik het",
            "hoeveel kost een identiteitskaart voor een kind van 10 jaar",
            "ik ben 70, moet ik een keuring doen voor mijn rijbewijs",
            "wat is een bsn en waar vind ik het",
            "waar kan ik mijn adres wijzigen",
            "hoe kan ik bezwaar maken tegen de WOZ-waarde",
            "wanneer komt de aanslag gemeentelijke belastingen",
            "hoe lang duurt de behandeling van een bezwaarschrift",
            "mijn moeder is vorige week overleden, wat moet ik regelen",
            "we hebben gisteren een dochter gekregen, waar doen we aangifte",
            "ik heb een nieuwe auto gekocht, hoe pas ik mijn parkeervergunning aan",
            "how long does it take to get a parking permit",
            "when will I receive my passport if I apply today",
            "what documents do I need to register my address",
            "who qualifies for remission of municipal tax",
            "I moved here last month, how do I register with the municipality",
            "hoe kan ik mijn afspraak op 12 mei verzetten",
            "wat kost een rijbewijs? ik betaal liever niet te veel",
            "mijn verhuizing doorgeven, hoe doe ik dat",
            "hoe vraag ik een uittreksel aan, ik heb het nodig voor mijn nieuwe baan",
            "ik ben 19 en wil bijstand aanvragen, hoe werkt dat",
            "ja goeiemorgen, ik ben 78 en snap niks van internet, waar kan ik hulp krijgen met online formulieren?",
            "mijn tante is gisteren overleden, waar moet dat aangegeven worden?",
    })
    void negatives(String text) {
        assertThat(rule.match(TextNormalizer.forMatching(text))).isEmpty();
    }
}
