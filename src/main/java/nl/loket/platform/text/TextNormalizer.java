package nl.loket.platform.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns resident text into one canonical form for every rule that reads it (input guard, triage, language,
 * retrieval); the text as sent is what Loket stores and shows. Residents type fast, on phones, without
 * accents and with stretched letters ("heeeel boos"), and someone who wants to slip past a rule writes
 * "z3lfm00rd", "z e l f m o o r d", a soft hyphen inside a word or Cyrillic letters that look Latin. After
 * this, all of those read as the plain word, so the lists never have to know the tricks.
 *
 * <p>Steps: NFKC (fullwidth and other compatibility forms to plain letters), format characters removed
 * (soft hyphen, zero-width joiners, word joiner, BOM), lower case, accents off Latin letters, look-alike
 * letters of other scripts inside a Latin message folded to Latin with ICU's confusable skeleton, digits
 * and {@code @ $} used as letters inside a word read as letters, punctuation to spaces, spaced-out letters
 * joined, letters repeated three or more times cut to two, Dutch chat shorthand read as its words ("nt" as
 * "niet", "vnacht" as "vannacht": {@code chat-shorthand.txt}). Linear in the length of the text.
 */
public final class TextNormalizer {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

    // Apostrophes inside or at the edge of words are dropped, not spaced: "m'n" -> "mn", "don't" -> "dont".
    private static final Pattern APOSTROPHE = Pattern.compile("(?<=\\p{L})['’‘`´]|['’‘`´](?=\\p{L})");
    // A combining mark stays with the letter it belongs to: Devanagari, Bengali and Thai write vowels as marks, and
    // "मरना" cut at its marks reads as loose consonants. A mark on no letter (an emoji's variation selector, the keycap
    // drawn around a digit) goes with the punctuation. Marks of Latin and Arabic letters are already gone (withoutDiacritics).
    /** At most this many marks in a row count as part of the letter before them. */
    private static final int MAX_MARKS_ON_A_LETTER = 8;
    private static final Pattern STRETCHED_LETTER = Pattern.compile("(\\p{L})\\1{2,}");
    // A word that mixes letters with digits or @ $ used as letters: "z3lfm00rd", "k1ll", "$uicide".
    private static final Pattern LEET_WORD = Pattern.compile("[\\p{L}\\p{N}@$]++");

    private TextNormalizer() {
    }

    /**
     * The canonical form described above: words of lower-case letters and digits separated by single
     * spaces; the euro sign becomes the word "euro" so amounts stay recognisable. Never null.
     */
    public static String forMatching(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = withoutFormatCharacters(NFKC.normalize(text));
        s = s.replace("€", " euro ").toLowerCase(Locale.ROOT);
        s = withoutDiacritics(s);
        s = foldLookAlikes(s);
        s = APOSTROPHE.matcher(s).replaceAll("");
        s = lettersForDigits(s);
        s = wordsSeparatedBySpaces(s);
        s = joinSpacedLetters(s.strip());
        s = STRETCHED_LETTER.matcher(s).replaceAll("$1$1");
        return withShorthandSpelledOut(s.strip());
    }

    private static final java.util.Map<String, String> SHORTHAND = shorthand();

    private static java.util.Map<String, String> shorthand() {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String line : ResourceLines.read("/platform/text/chat-shorthand.txt")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("chat-shorthand.txt: expected 'shorthand = words', got " + line);
            }
            out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return java.util.Map.copyOf(out);
    }

    /** "slaap vnacht buitn" reads "slaap vannacht buitn": one map lookup per word. */
    private static String withShorthandSpelledOut(String s) {
        if (s.isEmpty()) {
            return s;
        }
        String[] words = s.split(" ");
        boolean changed = false;
        for (int i = 0; i < words.length; i++) {
            String full = SHORTHAND.get(words[i]);
            if (full != null) {
                words[i] = full;
                changed = true;
            }
        }
        return changed ? String.join(" ", words) : s;
    }

    /**
     * Everything that is not a letter, a digit or a mark on a letter becomes one space per run. A loop, not a regular
     * expression: an alternation inside a repeated group recurses once per character in Java and overflows the stack on
     * a long run of punctuation.
     */
    private static String wordsSeparatedBySpaces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inGap = false;
        int marksSinceLetter = -1; // -1: not right after a letter (and its marks)
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
            boolean number = type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                    || type == Character.OTHER_NUMBER;
            boolean keep = Character.isLetter(cp) || number
                    || mark && marksSinceLetter >= 0 && marksSinceLetter <= MAX_MARKS_ON_A_LETTER;
            if (Character.isLetter(cp)) {
                marksSinceLetter = 0;
            } else if (mark && marksSinceLetter >= 0) {
                marksSinceLetter++;
            } else {
                marksSinceLetter = -1;
            }
            if (keep) {
                out.appendCodePoint(cp);
                inGap = false;
            } else if (!inGap) {
                out.append(' ');
                inGap = true;
            }
        }
        return out.toString();
    }

    /** The words of {@link #forMatching(String)}; empty for blank text. */
    public static List<String> words(String text) {
        String normalized = forMatching(text);
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }

    /** True for characters that are invisible by design (Unicode category Cf): soft hyphen, ZWJ, word joiner, BOM… */
    public static boolean isFormatCharacter(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT;
    }

    private static String withoutFormatCharacters(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !isFormatCharacter(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * Marks on Latin letters go ("é" -> "e"), and so do Arabic vowel signs and the hamza on alef, which writers
     * often leave out ("أريد" -> "اريد"); Cyrillic "й" or "ё" carry meaning and stay. The signal lists use the same
     * rule for their entries, so an entry and a message always meet in one form.
     */
    public static String withoutDiacritics(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        Character.UnicodeScript baseScript = Character.UnicodeScript.COMMON;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                if (baseScript != Character.UnicodeScript.LATIN && baseScript != Character.UnicodeScript.ARABIC) {
                    out.appendCodePoint(cp);
                }
                continue;
            }
            baseScript = Character.UnicodeScript.of(cp);
            out.appendCodePoint(cp);
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * In a message written mostly in Latin letters, a Cyrillic or Greek letter that looks like a Latin one is
     * read as that Latin letter (ICU's confusable skeleton). A message written in Cyrillic or Greek stays as it
     * is, so Russian or Ukrainian is still recognised as such.
     */
    private static String foldLookAlikes(String s) {
        int latin = 0;
        int other = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                if (UScript.getScript(cp) == UScript.LATIN) {
                    latin++;
                } else {
                    other++;
                }
            }
        }
        if (other == 0) {
            return s;
        }
        boolean latinMessage = latin >= other;
        StringBuilder out = new StringBuilder(s.length());
        int wordStart = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || !Character.isLetterOrDigit(s.charAt(i))) {
                String word = s.substring(wordStart, i);
                // A word that mixes Latin with look-alikes ("ѕuісіdе") is a disguise even in a mostly Cyrillic text.
                out.append(latinMessage || mixesLatin(word) ? foldWord(word) : word);
                if (i < s.length()) {
                    out.append(s.charAt(i));
                }
                wordStart = i + 1;
            }
        }
        return out.toString();
    }

    private static boolean mixesLatin(String word) {
        boolean latin = false;
        boolean other = false;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                if (UScript.getScript(cp) == UScript.LATIN) {
                    latin = true;
                } else {
                    other = true;
                }
            }
        }
        return latin && other;
    }

    private static String foldWord(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp) && UScript.getScript(cp) != UScript.LATIN) {
                String skeleton = UCharacter.toLowerCase(Locale.ROOT, CONFUSABLES.getSkeleton(new String(Character.toChars(cp))));
                if (skeleton.length() == 1 && skeleton.charAt(0) >= 'a' && skeleton.charAt(0) <= 'z') {
                    out.append(skeleton);
                    continue;
                }
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** Inside a word with at least two letters, 0 1 3 4 5 7 8 @ $ stand for o i e a s t b a s. */
    private static String lettersForDigits(String s) {
        Matcher words = LEET_WORD.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        int at = 0;
        while (words.find()) {
            String word = words.group();
            if (word.isEmpty()) {
                continue;
            }
            out.append(s, at, words.start());
            out.append(isLeet(word) ? leetToLetters(word) : word);
            at = words.end();
        }
        return out.append(s, at, s.length()).toString();
    }

    private static boolean isLeet(String word) {
        int letters = 0;
        int stand = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if ("0134578@$".indexOf(c) >= 0) {
                stand++;
            } else {
                return false; // another digit: a code, a postcode, an amount
            }
        }
        return letters >= 2 && stand >= 1;
    }

    private static String leetToLetters(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            int index = "0134578@$".indexOf(c);
            out.append(index < 0 ? c : "oieastbas".charAt(index));
        }
        return out.toString();
    }

    /** Three or more single letters in a row ("z e l f m o o r d") were one word. */
    private static String joinSpacedLetters(String s) {
        if (s.isEmpty()) {
            return s;
        }
        String[] words = s.split(" ");
        List<String> out = new ArrayList<>(words.length);
        int i = 0;
        while (i < words.length) {
            int j = i;
            while (j < words.length && words[j].codePointCount(0, words[j].length()) == 1
                    && Character.isLetter(words[j].codePointAt(0))) {
                j++;
            }
            if (j - i >= 3) {
                out.add(String.join("", Arrays.asList(words).subList(i, j)));
                i = j;
            } else {
                out.add(words[i]);
                i++;
            }
        }
        return String.join(" ", out);
    }
}
