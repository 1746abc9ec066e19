package nl.loket.assistant;

import nl.loket.platform.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Single words that must be recognised even when mistyped ("zelfmoort", "suicde"): a word of five or
 * more letters matches an entry within one edit (Damerau-Levenshtein: insert, delete, substitute or swap
 * two neighbours); shorter words must match exactly, because one edit turns them into other words.
 */
final class FuzzyWords {

    static final int MIN_FUZZY_LENGTH = 5;

    private record Entry(String section, String word) {
    }

    private final SignalList list;
    private final List<Entry> entries;

    private FuzzyWords(SignalList list, List<Entry> entries) {
        this.list = list;
        this.entries = entries;
    }

    /** Entries are normalised like resident text, so editors may write "suïcide". */
    static FuzzyWords load(String listName) {
        SignalList list = SignalList.load(listName);
        List<Entry> entries = new ArrayList<>();
        list.sections().forEach((section, words) -> words.forEach(word ->
                entries.add(new Entry(section, TextNormalizer.forMatching(word)))));
        return new FuzzyWords(list, List.copyOf(entries));
    }

    Optional<PhrasePatterns.Hit> find(List<String> normalizedWords) {
        for (String word : normalizedWords) {
            for (Entry entry : entries) {
                if (matches(word, entry.word())) {
                    return Optional.of(new PhrasePatterns.Hit(entry.section(), "~" + entry.word(),
                            list.signal(entry.section(), "~" + entry.word())));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Long list words are also found inside a longer word when other words come first, as SMS without spaces
     * writes them ("ikwilzelfmoordplegen"); a compound that starts with the word ("zelfmoordpreventie") is a
     * word of its own.
     */
    static final int MIN_GLUED_LENGTH = 8;

    static boolean matches(String word, String entry) {
        if (entry.length() >= MIN_GLUED_LENGTH && word.length() >= entry.length() + 3 && word.indexOf(entry, 1) > 0) {
            return true;
        }
        if (word.length() < MIN_FUZZY_LENGTH || entry.length() < MIN_FUZZY_LENGTH) {
            return word.equals(entry);
        }
        return withinOneEdit(word, entry);
    }

    /** Optimal-string-alignment distance of at most 1, in linear time. */
    static boolean withinOneEdit(String a, String b) {
        int lengthDifference = a.length() - b.length();
        if (Math.abs(lengthDifference) > 1) {
            return false;
        }
        int prefix = 0;
        while (prefix < Math.min(a.length(), b.length()) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        if (prefix == a.length() && prefix == b.length()) {
            return true;
        }
        if (lengthDifference == 0) {
            String aRest = a.substring(prefix + 1);
            String bRest = b.substring(prefix + 1);
            boolean substitution = aRest.equals(bRest);
            boolean transposition = prefix + 1 < a.length()
                    && a.charAt(prefix) == b.charAt(prefix + 1) && a.charAt(prefix + 1) == b.charAt(prefix)
                    && a.substring(prefix + 2).equals(b.substring(prefix + 2));
            return substitution || transposition;
        }
        String longer = lengthDifference > 0 ? a : b;
        String shorter = lengthDifference > 0 ? b : a;
        return longer.substring(prefix + 1).equals(shorter.substring(prefix));
    }
}
