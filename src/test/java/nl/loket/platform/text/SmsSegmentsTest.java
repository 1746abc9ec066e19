package nl.loket.platform.text;

import nl.loket.platform.text.SmsSegments.Encoding;
import nl.loket.platform.text.SmsSegments.Segments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsSegmentsTest {

    private static final String EMOJI = "\uD83D\uDE00"; // 😀, two UTF-16 code units

    static Stream<Arguments> counts() {
        return Stream.of(
                Arguments.of("", Encoding.GSM7, 0, 0),
                Arguments.of("Hallo", Encoding.GSM7, 5, 1),
                Arguments.of("a".repeat(160), Encoding.GSM7, 160, 1),
                Arguments.of("a".repeat(161), Encoding.GSM7, 161, 2),
                Arguments.of("a".repeat(306), Encoding.GSM7, 306, 2),
                Arguments.of("a".repeat(307), Encoding.GSM7, 307, 3),
                Arguments.of("€", Encoding.GSM7, 2, 1),
                Arguments.of("€".repeat(80), Encoding.GSM7, 160, 1),
                Arguments.of("€".repeat(81), Encoding.GSM7, 162, 2),
                Arguments.of("^{}\\[~]|€", Encoding.GSM7, 18, 1),
                Arguments.of("Ça coûte 5 £ à Zürich", Encoding.UCS2, 21, 1), // û is not GSM-7
                Arguments.of("Kosten: €50, zie {link}", Encoding.GSM7, 26, 1),
                Arguments.of("ideeën", Encoding.UCS2, 6, 1),
                Arguments.of("ë".repeat(70), Encoding.UCS2, 70, 1),
                Arguments.of("ë".repeat(71), Encoding.UCS2, 71, 2),
                Arguments.of("ë".repeat(134), Encoding.UCS2, 134, 2),
                Arguments.of("ë".repeat(135), Encoding.UCS2, 135, 3),
                Arguments.of(EMOJI, Encoding.UCS2, 2, 1),
                Arguments.of(EMOJI.repeat(35), Encoding.UCS2, 70, 1),
                Arguments.of(EMOJI.repeat(36), Encoding.UCS2, 72, 2),
                Arguments.of("Hoi " + EMOJI, Encoding.UCS2, 6, 1),
                Arguments.of("Привет", Encoding.UCS2, 6, 1),
                Arguments.of("èéùìòÅåÄÖÑÜäöñüàß¿¡ΔΩ", Encoding.GSM7, 21, 1));
    }

    @ParameterizedTest
    @MethodSource("counts")
    void countsUnitsAndSegments(String text, Encoding encoding, int units, int segments) {
        assertThat(SmsSegments.count(text)).isEqualTo(new Segments(encoding, units, segments));
    }

    @Test
    void escapedCharacterIsNotSplitOverTwoParts() {
        // 152 plain septets then €: the € (2 septets) cannot start at septet 153 of part one.
        String text = "a".repeat(152) + "€" + "a".repeat(100);
        assertThat(SmsSegments.count(text).units()).isEqualTo(254);
        assertThat(SmsSegments.count(text).segments()).isEqualTo(2);
        String tight = "a".repeat(152) + "€" + "a".repeat(152);
        assertThat(SmsSegments.count(tight).units()).isEqualTo(306);
        assertThat(SmsSegments.count(tight).segments()).isEqualTo(3);
    }

    @Test
    void emojiIsNotSplitOverTwoParts() {
        String text = "ë".repeat(66) + EMOJI + "ë".repeat(60);
        assertThat(SmsSegments.count(text).units()).isEqualTo(128);
        assertThat(SmsSegments.count(text).segments()).isEqualTo(2);
        String tight = "ë".repeat(66) + EMOJI + "ë".repeat(66);
        assertThat(SmsSegments.count(tight).segments()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Grofvuil ophalen? Bel 14 024.", "coördinatie", "Café", "één", "@£$¥ {}[]~|^ €", "a\nb\rc"})
    void gsm7Texts(String text) {
        assertThat(SmsSegments.isGsm7(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ideeën", "naïef", "enquête", "ç", "“quotes”", "…", "\uD83D\uDE00", "ş", "–"})
    void nonGsm7Texts(String text) {
        assertThat(SmsSegments.isGsm7(text)).isFalse();
    }

    @Test
    void truncateLeavesFittingTextAlone() {
        String text = "a".repeat(160);
        assertThat(SmsSegments.truncateToSegments(text, 1, "https://nijmegen.nl")).isEqualTo(text);
    }

    @Test
    void truncateCutsAtWordBoundaryAndAppendsSuffix() {
        String text = "Grofvuil kunt u laten ophalen. " + "Maak een afspraak via de website of bel 14 024. ".repeat(6);
        String suffix = "Meer: https://nijmegen.nl/grofvuil";
        String cut = SmsSegments.truncateToSegments(text, 1, suffix);
        assertThat(cut).endsWith(" " + suffix);
        assertThat(SmsSegments.count(cut).segments()).isEqualTo(1);
        assertThat(cut.length()).isGreaterThan(140);
        String kept = cut.substring(0, cut.length() - suffix.length() - 1);
        assertThat(text).startsWith(kept);
        assertThat(Character.isWhitespace(text.charAt(kept.length()))).isTrue();
    }

    @Test
    void truncateToSeveralSegments() {
        String text = "woord ".repeat(200).strip();
        String cut = SmsSegments.truncateToSegments(text, 2, "… https://nijmegen.nl");
        Segments segments = SmsSegments.count(cut);
        assertThat(segments.encoding()).isEqualTo(Encoding.UCS2); // the ellipsis is not GSM-7
        assertThat(segments.segments()).isEqualTo(2);
        assertThat(cut).endsWith("woord … https://nijmegen.nl");
        assertThat(SmsSegments.truncateToSegments(text, 2, " https://nijmegen.nl")).endsWith("woord https://nijmegen.nl");
    }

    @Test
    void truncateUsesUcs2RoomWhenTextHasAccents() {
        String text = "Uw ideeën over de wijk zijn welkom. " + "Stuur ze ons via het formulier op de website. ".repeat(3);
        String cut = SmsSegments.truncateToSegments(text, 1, "nijmegen.nl/ideeen");
        assertThat(SmsSegments.count(cut)).satisfies(s -> {
            assertThat(s.encoding()).isEqualTo(Encoding.UCS2);
            assertThat(s.units()).isLessThanOrEqualTo(70);
        });
        assertThat(cut).startsWith("Uw ideeën over de wijk").endsWith(" nijmegen.nl/ideeen");
    }

    @Test
    void truncateDropsDanglingPunctuationAtCut() {
        String text = "een, twee, drie, vier, vijf, zes, zeven, acht, negen, tien, elf, twaalf, dertien, veertien, "
                + "vijftien, zestien, zeventien, achttien, negentien, twintig, eenentwintig, tweeëntwintig";
        String cut = SmsSegments.truncateToSegments(text, 1, "...");
        assertThat(cut).doesNotContain(", ...").endsWith(" ...");
    }

    @Test
    void truncateCutsInsideOverlongFirstWord() {
        String cut = SmsSegments.truncateToSegments("x".repeat(400), 1, "[...]");
        assertThat(SmsSegments.count(cut).segments()).isEqualTo(1);
        assertThat(cut).startsWith("xxx").endsWith(" [...]");
    }

    @Test
    void truncateRejectsImpossibleRequests() {
        assertThatThrownBy(() -> SmsSegments.truncateToSegments("tekst", 0, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmsSegments.truncateToSegments("a".repeat(200), 1, "b".repeat(170)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
