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
    })
    void negatives(String text) {
        assertThat(rule.match(TextNormalizer.forMatching(text))).isEmpty();
    }
}
