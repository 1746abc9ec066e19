package nl.loket.assistant;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@link SignalList} compiled to regular expressions. Phrase lists are matched as whole words on text
 * normalised by {@code TextNormalizer.forMatching}; " ... " in an entry stands for up to four other words.
 * Raw lists (role markers and the like) are matched on the text as typed, case-insensitively, per line.
 */
final class PhrasePatterns {

    record Hit(String section, String entry, String signal) {
    }

    private record Entry(String section, String source, Pattern pattern) {
    }

    private static final String ANY_FEW_WORDS = "(?: \\\\S+){0,4} ";
    private static final Pattern ELLIPSIS = Pattern.compile("\\s*\\.\\.\\.\\s*");
    private static final Pattern MARKS = Pattern.compile("\\p{Mn}+");

    private final SignalList list;
    private final List<Entry> entries;

    private PhrasePatterns(SignalList list, List<Entry> entries) {
        this.list = list;
        this.entries = entries;
    }

    /** Whole-word phrases for normalised text. */
    static PhrasePatterns words(String listName) {
        SignalList list = SignalList.load(listName);
        List<Entry> entries = new ArrayList<>();
        list.sections().forEach((section, lines) -> lines.forEach(line -> {
            // Editors may write accents; the text they are matched on has none.
            String regex = MARKS.matcher(Normalizer.normalize(line, Normalizer.Form.NFD)).replaceAll("");
            regex = ELLIPSIS.matcher(regex).replaceAll(ANY_FEW_WORDS);
            entries.add(new Entry(section, line, compile(listName, line,
                    "(?<![\\p{L}\\p{N}])(?:" + regex + ")(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        }));
        return new PhrasePatterns(list, List.copyOf(entries));
    }

    /** Regular expressions for the text as typed. */
    static PhrasePatterns raw(String listName) {
        SignalList list = SignalList.load(listName);
        List<Entry> entries = new ArrayList<>();
        list.sections().forEach((section, lines) -> lines.forEach(line -> entries.add(new Entry(section, line,
                compile(listName, line, line, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE)))));
        return new PhrasePatterns(list, List.copyOf(entries));
    }

    /** The first entry, in file order, found in the text. */
    Optional<Hit> find(String text) {
        for (Entry entry : entries) {
            if (entry.pattern().matcher(text).find()) {
                return Optional.of(new Hit(entry.section(), entry.source(), list.signal(entry.section(), entry.source())));
            }
        }
        return Optional.empty();
    }

    /** Every section with at least one entry found in the text, in file order. */
    Set<String> sectionsFound(String text) {
        Set<String> found = new LinkedHashSet<>();
        for (Entry entry : entries) {
            if (!found.contains(entry.section()) && entry.pattern().matcher(text).find()) {
                found.add(entry.section());
            }
        }
        return found;
    }

    // A broken line in an edited list must fail at start-up, naming the line, not at the first message.
    private static Pattern compile(String listName, String line, String regex, int flags) {
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("Signal list " + listName + " has an invalid entry: " + line, e);
        }
    }
}
