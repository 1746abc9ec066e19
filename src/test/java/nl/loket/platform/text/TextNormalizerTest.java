package nl.loket.platform.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Suïcide                         | suicide",
            "HÉÉL   boos!!!                  | heel boos",
            "Ik ben heeeeel boooos           | ik ben heel boos",
            "m'n paspoort is kwijt           | mijn paspoort is kwijt",
            // Dutch chat shorthand reads as its words, so no rule has to know it
            "slaap vnacht buiten, wil nt meer | slaap vannacht buiten wil niet meer",
            "kan ff iemand bellen mt mn moeder | kan even iemand bellen met mijn moeder",
            "wnr wordt t grofvuil vd buurt opgehaald | wanneer wordt t grofvuil van de buurt opgehaald",
            "don't know                      | dont know",
            "Waar is de ID-kaart?            | waar is de id kaart",
            "€1400 per maand                 | euro 1400 per maand",
            "café, crème & façade            | cafe creme facade",
            "ideeën; naïef                   | ideen naief",
            "1000 euro                       | 1000 euro",
            "Żółć                            | zołc",
    })
    void normalizesForMatching(String input, String expected) {
        assertThat(TextNormalizer.forMatching(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Як отримати паспорт?", "Мне нужна помощь", "ሰላም ከመይ ኣለኹም"})
    void keepsLettersOfOtherScripts(String input) {
        assertThat(TextNormalizer.forMatching(input)).doesNotContain("?").isNotBlank();
        assertThat(TextNormalizer.forMatching("й")).isEqualTo("й");
    }

    @Test
    void keepsTheVowelMarksOfAWordButNotAMarkOnNoLetter() {
        // Devanagari writes its vowels as combining marks: cut there, "मरना" would read as loose consonants.
        assertThat(TextNormalizer.words("मैं मरना चाहती हूँ")).containsExactly("मैं", "मरना", "चाहती", "हूँ");
        // An emoji's variation selector and the keycap drawn around a digit are no letters.
        assertThat(TextNormalizer.forMatching("1\uFE0F\u20E3 \u2764\uFE0F ok")).isEqualTo("1 ok");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "?!...", "—"})
    void blankBecomesEmpty(String input) {
        assertThat(TextNormalizer.forMatching(input)).isEmpty();
        assertThat(TextNormalizer.words(input)).isEmpty();
    }

    @Test
    void collapsesAllWhitespace() {
        assertThat(TextNormalizer.forMatching("  tabs\tand\nnewlines  ")).isEqualTo("tabs and newlines");
    }

    @Test
    void splitsWords() {
        assertThat(TextNormalizer.words("Hoe vraag ik een paspoort aan?"))
                .containsExactly("hoe", "vraag", "ik", "een", "paspoort", "aan");
    }
}
