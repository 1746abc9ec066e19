package nl.loket.contact;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a resident sent is stored as they see it: invisible characters that hide words are not stored. */
class InboundTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "soft hyphen          | zelf\u00ADmoord     | zelfmoord",
            "word joiner          | zelf\u2060moord     | zelfmoord",
            "zero-width joiner    | zelf\u200Dmoord     | zelfmoord",
            "zero-width non-joiner| zelf\u200Cmoord     | zelfmoord",
            "zero-width space     | zelf\u200Bmoord     | zelfmoord",
            "byte order mark      | \uFEFFhallo         | hallo",
            "bidi override        | a\u202Eb\u202Cc     | abc",
            "invisible separator  | a\u2063b            | ab"})
    void invisibleFormatCharactersAreNotStored(String name, String sent, String stored) {
        assertThat(InboundText.clean(sent)).isEqualTo(stored);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "family emoji keeps its joiner | 👩\u200D👩\u200D👧",
            "accents stay                  | één café"})
    void visibleTextStaysAsSent(String name, String sent) {
        assertThat(InboundText.clean(sent)).isEqualTo(sent);
    }

    @org.junit.jupiter.api.Test
    void lineBreaksStay() {
        assertThat(InboundText.clean("eerste regel\ntweede regel")).isEqualTo("eerste regel\ntweede regel");
    }
}
