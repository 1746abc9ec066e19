package nl.loket.platform.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns resident text into a canonical form for matching word lists: residents type fast, on phones,
 * without accents and with stretched letters ("heeeel boos"), and the lists should not have to.
 */
public final class TextNormalizer {

    // Apostrophes inside or at the edge of words are dropped, not spaced: "m'n" -> "mn", "don't" -> "dont".
    private static final Pattern APOSTROPHE = Pattern.compile("(?<=\\p{L})['’‘`´]|['’‘`´](?=\\p{L})");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern STRETCHED_LETTER = Pattern.compile("(\\p{L})\\1{2,}");

    private TextNormalizer() {
    }

    /**
     * Lowercase (Locale.ROOT), without diacritics on Latin letters, punctuation and symbols as single
     * spaces, letters repeated three or more times cut to two; the euro sign becomes the word "euro" so
     * amounts stay recognisable. Never null.
     */
    public static String forMatching(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = text.replace("€", " euro ").toLowerCase(Locale.ROOT);
        s = stripLatinDiacritics(s);
        s = APOSTROPHE.matcher(s).replaceAll("");
        s = NOT_LETTER_OR_DIGIT.matcher(s).replaceAll(" ");
        s = STRETCHED_LETTER.matcher(s).replaceAll("$1$1");
        return s.strip();
    }

    /** The words of {@link #forMatching(String)}; empty for blank text. */
    public static List<String> words(String text) {
        String normalized = forMatching(text);
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }

    // Only marks on Latin letters go: Cyrillic й or Arabic vowel signs carry meaning and stay.
    private static String stripLatinDiacritics(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        Character.UnicodeScript baseScript = Character.UnicodeScript.COMMON;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                if (baseScript != Character.UnicodeScript.LATIN) {
                    out.appendCodePoint(cp);
                }
                continue;
            }
            baseScript = Character.UnicodeScript.of(cp);
            out.appendCodePoint(cp);
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }
}
