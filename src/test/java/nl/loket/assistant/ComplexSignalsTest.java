package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import nl.loket.contact.Priority;
import nl.loket.platform.text.TextNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ComplexSignalsTest {

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
            // bereavement, caring, overload, addiction, detention, paperwork, children's needs, in both languages
            "mijn man is vorige maand overleden en nu kan ik de huur niet meer betalen",
            "sinds mijn burn-out zit ik thuis en de rekeningen stapelen zich op, ik heb betalingsachterstanden",
            "ik zorg voor mijn vader met alzheimer en ben zelf overspannen geraakt, ik weet niet meer waar ik moet beginnen",
            "mijn vrouw is bij me weggegaan, ik ben mijn baan kwijt en de deurwaarder staat op de stoep",
            "ik kom uit detentie en heb geen woonplek en geen inkomen",
            "mijn zoon gokt al zijn geld op en heeft nu schulden, en ik ben zelf ziek",
            "ik ben mantelzorger voor mijn moeder en heb geldproblemen",
            "mijn bedrijf is failliet en we moeten ons huis uit",
            "I lost my husband in March, there is no income now and I have debts",
            "My partner left me, I am on sick leave and can't pay the rent",
            "I care for my disabled son and I'm exhausted and we have money problems",
            "I just got out of prison and have no income and nowhere permanent to live, lost my housing",
            "mijn uitkering is niet genoeg en mijn dochter wordt gepest op school en ik begrijp de brieven niet",
            "ik heb depressie en mijn ouders helpen me niet meer, ik kom niet rond",
            "mijn man heeft een hersenbloeding gehad, ik moet nu voor hem zorgen en we hebben geen inkomen meer",
            "ik ben net gescheiden, heb twee kleine kinderen en een hoge schuld bij de energiemaatschappij",
            "we zijn gevlucht uit Oekraine, we hebben geen geld en geen woning",
            "I was diagnosed with cancer, had to stop working and now we can't pay the mortgage",
            "my husband is in jail, I have three kids and no income",
            "sinds mijn vrouw is overleden drink ik te veel en ik heb schulden",
            "Na het overlijden van mijn moeder kwam ik in de schulden en nu dreigt uitzetting.",
            "mijn vrouw heeft me verlaten, ik ben depressief en ik heb mijn baan verloren",
            "I'm a single mum, I lost my job and I'm behind on the rent",
            "mijn partner zit in de gevangenis, ik heb schulden en de kinderen hebben problemen op school",
            "ik ben mijn werk kwijt door mijn ziekte en nu dreigt de huisbaas mij eruit te zetten",
            "Since my divorce I have been depressed and I'm behind with the rent",
    })
    void positives(String text) {
        assertThat(rule.match(TextNormalizer.forMatching(text))).get().satisfies(result -> {
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
            // one problem, in many words
            "opa is vanochtend thuis gestorven, wie geeft dat door aan de gemeente?",
            "ik heb schulden, waar kan ik hulp krijgen",
            "wie regelt de begrafenis als er geen familie is",
            "ik ben ziek, kan iemand anders mijn paspoort ophalen",
            "mijn moeder heeft dementie, welke hulp is er via de wmo",
            "mijn WW stopt binnenkort en ik heb dan geen inkomen, hoe vraag ik bijstand aan",
            "ik heb geen werk en wil bijstand aanvragen",
            "mijn wasmachine is kapot en ik heb een laag inkomen, kan ik bijzondere bijstand krijgen",
            "mijn ex-man is overleden, moet ik iets regelen",
            "does the undertaker report a death to the council or do we?",
            "ik ben gescheiden, hoe pas ik mijn adres aan",
            "I have debts, can the municipality help?",
            "de energierekening en de zorgverzekering lukken niet meer, is er schuldhulp",
            "mijn schoonvader is verhuisd naar een verpleeghuis, moet hij zich uitschrijven",
            "hoe vraag ik een gehandicaptenparkeerkaart aan, ik ben chronisch ziek",
            "ik heb een uitkering en wil een vog aanvragen voor vrijwilligerswerk",
    })
    void negatives(String text) {
        assertThat(rule.match(TextNormalizer.forMatching(text))).isEmpty();
    }
}
