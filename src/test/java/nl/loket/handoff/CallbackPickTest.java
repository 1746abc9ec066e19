package nl.loket.handoff;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which replies pick a proposed call-back time by number, and which are a message for the agent. */
class CallbackPickTest {

    static final String REFERENCE = "LK-ABC-DEF";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2|2", " 2. |2", "3!|3", "nummer 2|2", "Optie 1|1", "ik kies 3|3", "Ik neem 2 graag|2",
            "kenmerk LK-ABC-DEF: 2|2", "LK-ABC-DEF 1|1", "7|7", "option 2 please|2", "12|12"})
    void aBareNumberWithAFewWordsAroundItIsAPick(String reply, int number) {
        assertThat(Callbacks.pickedNumber(reply, REFERENCE)).hasValue(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ja", "Kan het ook morgen?", "2 of 3", "ik ben om 2 uur thuis", "123",
            "bel me na 5 uur", "LK-ABC-DEF", "Ik wil een medewerker spreken"})
    void anythingElseIsAMessageForTheAgent(String reply) {
        assertThat(Callbacks.pickedNumber(reply, REFERENCE)).isEmpty();
    }
}
