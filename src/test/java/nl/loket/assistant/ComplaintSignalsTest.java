package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import nl.loket.platform.text.TextNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintSignalsTest {

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
            // scorn, no response, repeated attempts, rude treatment, cancelled without notice; mistyped words
            "wat een waardeloze service hebben jullie",
            "ik heb nu al vijf keer gemaild en er komt niks terug",
            "niemand doet er iets aan, al maanden ligt er afval in onze straat",
            "de baliemedewerker snauwde me af toen ik een vraag stelde",
            "die ambtenaar was ontzettend arrogant tegen mij",
            "ik ben het spuugzat, steeds weer een ander verhaal",
            "dit accepteer ik niet, ik wil dat iemand dit oplost",
            "jullie hebben mijn afspraak gewoon geschrapt zonder bericht",
            "de klantmanager neemt me niet serieus en belt nooit terug",
            "hoe kan dit nou, drie keer langs geweest en nog steeds geen paspoort",
            "ik voel me van het kastje naar de muur gestuurd",
            "ik zat een uur in de wacht en toen hing iemand gewoon op",
            "echt belachlijk hoe jullie met mensen omgaan",
            "wtf waarom duurt alles zo lang bij jullie",
            "jullie zijn echt incompetent",
            "de communicatie van de gemeente is een puinhoop",
            "ik vind het echt onbehoorlijk hoe ik behandeld ben aan de telefoon",
            "nooit krijg je een antwoord van jullie",
            "The woman at the desk laughed at me and refused to help",
            "I've called four times and nobody has done anything",
            "your customer service is terrible",
            "This is a joke, I have been waiting for months",
            "the staff member was extremely rude and dismissive",
            "I am really disappointed with how my case was handled",
            "they cancelled my appointment without any notice",
            "I never got a reply to my emails, what a waste of time",
            "this bot is useless",
            "I'm sick and tired of waiting",
            "worst municipality ever",
            "bizar dat ik al drie maanden wacht op een reactie",
            "ik ben heel teleurgesteld in de gemeente, niemand helpt",
            "de medewerker aan de telefoon was echt onbeschoft",
            "ik ben weggestuurd bij de balie terwijl ik een afspraak had",
            "ik ben het niet eens met hoe ik ben behandeld door de handhaver, hij was agressief",
            "ik heb al twee keer een klacht ingediend en er gebeurt niks mee",
            "waarom neemt niemand de telefoon op bij jullie, schandalig",
            "ik ben boos, mijn container is alweer niet geleegd",
            "I'm really angry that nobody came to fix the street light after three reports",
            "The man at the counter was very unfriendly and unhelpful",
            "This is the third time I'm asking, why does nobody answer",
            "I feel completely ignored by the municipality",
            "Het is echt een schande hoe lang alles duurt bij jullie.",
            "ik heb drie keer gebeld, drie keer een ander verhaal, ik word er gek van",
            "de boa was ontzettend onbeschoft tegen mijn zoon",
            "Niemand heeft me ooit teruggebeld, terwijl dat wel beloofd was.",
            "I complained twice about the noise and nothing happened",
            "jullie hebben mijn brief kwijtgemaakt en nu moet ik alles opnieuw doen, echt bizar",
            "ik ben echt klaar met jullie gemeente",
            "ik vind het schandalig dat ik drie weken moet wachten op een afspraak",
            "de vuilniswagen slaat onze straat steeds over en niemand doet er wat aan",
            "Honestly the worst service I have ever had",
            "You people never answer the phone, this is so frustrating",
    })
    void positives(String text) {
        assertThat(rule.match(TextNormalizer.forMatching(text))).get().extracting(TriageResult::reason).isEqualTo(EscalationReason.COMPLAINT);
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
            "waar moet ik zijn als ik over een ambtenaar wil klagen",
            "waar kan ik een klacht indienen",
            "hoe lang duurt het voordat ik antwoord krijg op mijn klacht",
            "what happens after I file a complaint",
            "kan ik naar de ombudsman als ik het niet eens ben met de afhandeling",
            "ik wil een klacht indienen over geluidsoverlast van de buren",
            "hoe meld ik overlast van hangjongeren",
            "hoe kan ik bezwaar maken tegen een besluit",
            "mijn kind luistert niet naar zijn ouders, is er opvoedhulp",
            "how do I report a broken bin",
            "de container is twee keer per week geleegd, klopt dat",
            "moet ik twee keer betalen voor een paspoort en id-kaart?",
            "ik moet mijn afspraak afzeggen, hoe doe ik dat",
            "kan ik mijn afspraak verzetten zonder te bellen",
            "hoe vaak wordt het papier opgehaald",
            "is there a place in the library that helps with online government forms",
            "is de stadswinkel op zaterdag open",
            "wat moet ik doen als ik het niet eens ben met de WOZ-waarde",
            "hoe meld ik discriminatie",
            "in the worst case, can I get an emergency passport",
            "I'm sick, can someone else pick up my passport",
            "wanneer wordt grofvuil opgehaald",
    })
    void negatives(String text) {
        assertThat(rule.match(TextNormalizer.forMatching(text))).isEmpty();
    }
}
