package nl.loket.assistant;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link SignalList} compiled to regular expressions. Phrase lists are matched as whole words on text
 * normalised by {@code TextNormalizer.forMatching}; " ... " in an entry stands for up to four other words.
 * Raw lists (role markers and the like) are matched on the text as typed, case-insensitively, per line.
 *
 * <p>Every entry runs on resident text, so it is compiled with RE2/J: matching takes time linear in the
 * text whatever an editor writes, and a construct that could backtrack (back-references, look-behind)
 * fails the start naming the line. The one look-around editors need, "not followed by" at the very end
 * of an entry ({@code (?! x)}), is kept: it is checked as a second linear match right after the first.
 */
final class PhrasePatterns {

    record Hit(String section, String entry, String signal) {
    }

    /** What must (or must not) come right before or after a phrase: a look-around, checked as its own match. */
    private record Context(Pattern pattern, boolean required) {

        /** Look-arounds are about the next or last few words; a bounded window keeps the check constant-time. */
        static final int WINDOW = 200;

        boolean holdsBefore(String text, int start) {
            return pattern.matcher(text.substring(Math.max(0, start - WINDOW), start)).find() == required;
        }

        boolean holdsAfter(String text, int end) {
            return pattern.matcher(text.substring(end, Math.min(text.length(), end + WINDOW))).lookingAt() == required;
        }
    }

    /** What a text holds, worked out once for all entries: its words and which of the list's pieces occur in it. */
    private record Holds(Set<String> words, java.util.BitSet pieces) {
    }

    /**
     * One entry: the phrase, optionally what must or must not come before and after it, the plain words the phrase
     * cannot match without, and the pieces of text it cannot match without (each as alternatives, by the piece's id
     * in the list's {@link PieceFinder}): cheap checks that skip most entries for most messages.
     */
    private record Entry(String section, String source, Pattern pattern, Context before, Context after,
                         Set<String> requiredWords, List<List<String>> requiredText, int[][] requiredPieces) {

        Entry withPieces(int[][] pieces) {
            return new Entry(section, source, pattern, before, after, requiredWords, requiredText, pieces);
        }

        /** Whether the text may hold this phrase: it has every word and one of each set of pieces the phrase needs. */
        boolean mayBeIn(Holds holds) {
            if (holds == null) {
                return true;
            }
            if (!holds.words().containsAll(requiredWords)) {
                return false;
            }
            for (int[] alternatives : requiredPieces) {
                if (!any(holds.pieces(), alternatives)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean any(java.util.BitSet present, int[] ids) {
            for (int id : ids) {
                if (present.get(id)) {
                    return true;
                }
            }
            return false;
        }

        boolean foundIn(String text, Holds holds) {
            if (!mayBeIn(holds)) {
                return false;
            }
            Matcher matcher = pattern.matcher(text);
            int from = 0;
            while (from <= text.length() && matcher.find(from)) {
                int start = matcher.start(1);
                if ((before == null || before.holdsBefore(text, start))
                        && (after == null || after.holdsAfter(text, matcher.end(1)))) {
                    return true;
                }
                from = start + 1;
            }
            return false;
        }

        /** The text with every occurrence of this entry replaced by the placeholder. */
        String replacedIn(String text, Holds holds, String placeholder) {
            if (!mayBeIn(holds)) {
                return text;
            }
            Matcher matcher = pattern.matcher(text);
            StringBuilder out = new StringBuilder(text.length());
            int copied = 0;
            int from = 0;
            while (from <= text.length() && matcher.find(from)) {
                int start = matcher.start(1);
                int end = matcher.end(1);
                if (end > start && (before == null || before.holdsBefore(text, start))
                        && (after == null || after.holdsAfter(text, end))) {
                    out.append(text, copied, start).append(placeholder);
                    copied = end;
                    from = end;
                } else {
                    from = start + 1;
                }
            }
            return copied == 0 ? text : out.append(text, copied, text.length()).toString();
        }
    }

    private static final String ANY_FEW_WORDS = "(?: \\S+){0,4} ";
    private static final java.util.regex.Pattern ELLIPSIS = java.util.regex.Pattern.compile("(?<!\\s)\\s*\\.\\.\\.\\s*");

    private static final java.util.regex.Pattern PLAIN_WORD = java.util.regex.Pattern.compile("[A-Za-z0-9]++");

    private final SignalList list;
    private final List<Entry> entries;
    private final boolean wholeWords;
    private final PieceFinder pieces;

    private PhrasePatterns(SignalList list, List<Entry> entries, boolean wholeWords) {
        this.list = list;
        this.wholeWords = wholeWords;
        // Every distinct piece of every entry gets an id; one pass over a message then finds all that occur.
        java.util.Map<String, Integer> ids = new java.util.LinkedHashMap<>();
        List<Entry> numbered = new ArrayList<>();
        for (Entry e : entries) {
            int[][] required = new int[e.requiredText().size()][];
            for (int g = 0; g < required.length; g++) {
                required[g] = e.requiredText().get(g).stream().mapToInt(piece -> ids.computeIfAbsent(piece, k -> ids.size()))
                        .toArray();
            }
            numbered.add(e.withPieces(required));
        }
        this.entries = List.copyOf(numbered);
        this.pieces = new PieceFinder(List.copyOf(ids.keySet()));
    }

    /** Whole-word phrases for normalised text. */
    static PhrasePatterns words(String listName) {
        SignalList list = SignalList.load(listName);
        List<Entry> entries = new ArrayList<>();
        list.sections().forEach((section, lines) -> lines.forEach(line -> {
            // Editors may write accents; the text they are matched on has none.
            String regex = nl.loket.platform.text.TextNormalizer.withoutDiacritics(line);
            regex = ELLIPSIS.matcher(regex).replaceAll(java.util.regex.Matcher.quoteReplacement(ANY_FEW_WORDS));
            entries.add(entry(listName, section, line, regex, Pattern.CASE_INSENSITIVE, true));
        }));
        return new PhrasePatterns(list, List.copyOf(entries), true);
    }

    /** Regular expressions for the text as typed. */
    static PhrasePatterns raw(String listName) {
        SignalList list = SignalList.load(listName);
        List<Entry> entries = new ArrayList<>();
        list.sections().forEach((section, lines) -> lines.forEach(line -> entries.add(
                entry(listName, section, line, line, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE, false))));
        return new PhrasePatterns(list, List.copyOf(entries), false);
    }

    /** The same list, matching every entry by its regular expression alone: what the shortcuts must agree with. */
    PhrasePatterns withoutShortcuts() {
        return new PhrasePatterns(list, entries.stream().map(e -> new Entry(e.section(), e.source(), e.pattern(), e.before(),
                e.after(), Set.of(), List.of(), new int[0][])).toList(), wholeWords);
    }

    /** The first entry, in file order, found in the text. */
    Optional<Hit> find(String text) {
        Holds holds = holds(text);
        for (Entry entry : entries) {
            if (entry.foundIn(text, holds)) {
                return Optional.of(new Hit(entry.section(), entry.source(), list.signal(entry.section(), entry.source())));
            }
        }
        return Optional.empty();
    }

    /** The text with every phrase of this list replaced by the placeholder word (e.g. idioms that only sound like danger). */
    String withPhrasesReplaced(String text, String placeholder) {
        // What the text held before any replacement, as for the words: PhraseShortcutsTest holds the replaced text to
        // what the regular expressions alone give.
        Holds holds = holds(text);
        String out = text;
        for (Entry entry : entries) {
            out = entry.replacedIn(out, holds, placeholder);
        }
        return out;
    }

    /** Every entry found in the text, in file order. */
    List<String> entriesFound(String text) {
        Holds holds = holds(text);
        return entries.stream().filter(e -> e.foundIn(text, holds)).map(Entry::source).toList();
    }

    /** Every section with at least one entry found in the text, in file order. */
    Set<String> sectionsFound(String text) {
        Set<String> found = new LinkedHashSet<>();
        Holds holds = holds(text);
        for (Entry entry : entries) {
            if (!found.contains(entry.section()) && entry.foundIn(text, holds)) {
                found.add(entry.section());
            }
        }
        return found;
    }

    /** What normalised text holds, for the cheap checks; null for raw lists, which have none. */
    private Holds holds(String text) {
        return wholeWords ? new Holds(new HashSet<>(Arrays.asList(text.split(" "))), pieces.in(text)) : null;
    }

    /**
     * Plain words the phrase always needs: top-level words without any regular-expression syntax. None when
     * the phrase has a top-level alternative ("a|b"), because then no single word is needed.
     */
    static Set<String> requiredWords(String phrase) {
        Set<String> required = new HashSet<>();
        int depth = 0;
        int tokenStart = 0;
        for (int i = 0; i <= phrase.length(); i++) {
            char c = i < phrase.length() ? phrase.charAt(i) : ' ';
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return Set.of();
            } else if (c == ' ' && depth == 0) {
                String token = phrase.substring(tokenStart, i);
                // "i ?m" also matches "im": a word whose space is optional is not a word of its own
                boolean optionalSpace = i + 1 < phrase.length() && "?*+{".indexOf(phrase.charAt(i + 1)) >= 0;
                if (!optionalSpace && PLAIN_WORD.matcher(token).matches()) {
                    required.add(token.toLowerCase(java.util.Locale.ROOT));
                }
                tokenStart = i + 1;
            }
        }
        return Set.copyOf(required);
    }

    /**
     * Pieces of text the phrase cannot match without, each as the alternatives one of which must be in the text: runs
     * of letters, digits and spaces outside any group, class or quantified letter ("dood" in
     * {@code (wil|wou) (\\S+ ){0,2}dood}, "niet meer" in {@code ik (wil|kan) niet meer}), and a group of plain
     * alternatives that is not optional ({@code (mezelf|mijzelf)}). Looking them up is far cheaper than a
     * regular-expression match and rules out most entries for most messages (regular expressions took two thirds of
     * triage; {@link PieceFinder} finds all of a list's pieces in one pass). None when the phrase has a top-level
     * alternative ("a|b"). Lower case, as normalised text is.
     */
    static List<List<String>> requiredText(String phrase) {
        List<List<String>> pieces = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (depth == 0 && (Character.isLetterOrDigit(c) || c == ' ')) {
                run.append(c);
                continue;
            }
            boolean quantifier = c == '?' || c == '*' || c == '+' || c == '{';
            if (quantifier && depth == 0 && !run.isEmpty()) {
                // "doo?d": the letter before a quantifier may be missing (or repeated), so it is not part of the run.
                run.setLength(run.length() - 1);
            }
            addPiece(pieces, run);
            switch (c) {
                case '\\' -> i++;
                case '(' -> {
                    if (depth == 0) {
                        plainAlternatives(phrase, i).ifPresent(pieces::add);
                    }
                    depth++;
                }
                case ')' -> depth--;
                case '[' -> i = closing(phrase, i, ']');
                case '{' -> i = closing(phrase, i, '}');
                case '|' -> {
                    if (depth == 0) {
                        return List.of();
                    }
                }
                default -> {
                }
            }
        }
        addPiece(pieces, run);
        return List.copyOf(pieces);
    }

    private static final java.util.regex.Pattern PLAIN_ALTERNATIVES = java.util.regex.Pattern.compile("[\\p{L}\\p{N} |]+");

    /** The alternatives of the group opening at {@code open}, when they are plain text and not optional. */
    private static Optional<List<String>> plainAlternatives(String phrase, int open) {
        int close = closingParen(phrase, open);
        if (close < 0 || close + 1 < phrase.length() && "?*+{".indexOf(phrase.charAt(close + 1)) >= 0) {
            return Optional.empty();
        }
        String inside = phrase.substring(open + 1, close);
        if (inside.startsWith("?:")) {
            inside = inside.substring(2);
        }
        if (!PLAIN_ALTERNATIVES.matcher(inside).matches()) {
            return Optional.empty();
        }
        List<String> alternatives = new ArrayList<>();
        for (String alternative : inside.split("\\|", -1)) {
            String piece = alternative.strip().toLowerCase(java.util.Locale.ROOT);
            if (piece.isEmpty()) {
                return Optional.empty();
            }
            alternatives.add(piece);
        }
        return Optional.of(List.copyOf(alternatives));
    }

    private static void addPiece(List<List<String>> pieces, StringBuilder run) {
        String piece = run.toString().strip().toLowerCase(java.util.Locale.ROOT);
        if (piece.length() >= 3) {
            pieces.add(List.of(piece));
        }
        run.setLength(0);
    }

    /** Where the class or repetition opening at {@code open} closes (escapes skipped); the end when it never does. */
    private static int closing(String s, int open, char close) {
        for (int i = open + 1; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == close) {
                return i;
            }
        }
        return s.length();
    }

    /**
     * One entry compiled: a leading {@code (?<! x)} or {@code (?<= x)} and a trailing {@code (?! x)} or
     * {@code (?= x)} are split off and checked as matches of their own; anything else RE2/J cannot run in
     * linear time (a look-around in the middle, a back-reference) stops the start naming the line.
     */
    private static Entry entry(String listName, String section, String line, String regex, int flags, boolean wholeWords) {
        String phrase = regex.strip();
        Context before = null;
        Context after = null;
        if (phrase.startsWith("(?<!") || phrase.startsWith("(?<=")) {
            int close = closingParen(phrase, 0);
            if (close > 0) {
                before = new Context(compile(listName, line, "(?:" + phrase.substring(4, close) + ")$", flags),
                        phrase.startsWith("(?<="));
                phrase = phrase.substring(close + 1);
            }
        }
        int open = lastTopLevelGroup(phrase);
        if (open >= 0 && (phrase.startsWith("(?!", open) || phrase.startsWith("(?=", open))) {
            after = new Context(compile(listName, line, "(?:" + phrase.substring(open + 3, phrase.length() - 1) + ")", flags),
                    phrase.startsWith("(?=", open));
            phrase = phrase.substring(0, open);
        }
        String wrapped = wholeWords ? "(?:^|[^\\p{L}\\p{N}])((?:" + phrase + "))(?:[^\\p{L}\\p{N}]|$)" : "(" + phrase + ")";
        return new Entry(section, line, compile(listName, line, wrapped, flags), before, after,
                wholeWords ? requiredWords(phrase) : Set.of(), wholeWords ? requiredText(phrase) : List.of(), new int[0][]);
    }

    /** Where the group that ends the text opens, or -1 when the text does not end with a group. */
    private static int lastTopLevelGroup(String s) {
        if (!s.endsWith(")") || s.endsWith("\\)")) {
            return -1;
        }
        for (int open = s.lastIndexOf('('); open >= 0; open = open == 0 ? -1 : s.lastIndexOf('(', open - 1)) {
            if ((open == 0 || s.charAt(open - 1) != '\\') && closingParen(s, open) == s.length() - 1) {
                return open;
            }
        }
        return -1;
    }

    private static int closingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    // A broken line in an edited list must fail at start-up, naming the line, not at the first message.
    private static Pattern compile(String listName, String line, String regex, int flags) {
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("Signal list " + listName + " has an entry that is not a linear-time "
                    + "regular expression (no back-references or look-arounds, except one (?! x) at the end): " + line, e);
        }
    }
}
