package nl.loket.assistant;

import nl.loket.platform.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Concepts, not phrases: a concept is a few groups of words (someone, a harm, a time…) that must all occur within a
 * window of words, in any order unless the concept says otherwise. So "maak er vanavond gewoon een eind aan" and
 * "…omdat ik het echt niet meer zie zitten" are found although no list holds those sentences, and "kan er iemand van
 * de gemeente mij opbellen" although no list holds that word order. Words are matched spelling-tolerantly: a
 * trailing {@code *} takes any ending, words of six letters or more also match with one typing error, a dropped final
 * n or t ("leve", "nie") and stretched letters still count, and words written together ("ikwildood") are split into
 * the list's own vocabulary. An {@code unless:} idiom cancels a concept where it overlaps.
 *
 * <p>Linear in the message: each distinct word is looked up once in an index of the list words, then the window is
 * checked. Used by every triage reason that needs more than fixed phrases: crisis ({@link CrisisConcepts}), a request
 * for a person, the resident's own case.
 */
final class Concepts {

    static final int MIN_DROPPED_ENDING = 4;
    static final int MIN_FUZZY_LENGTH = 6;

    /** Letters French and Italian elide onto the next word ("l'eau", "d'acqua"); "qu'" besides. */
    private static final String ELIDED_LETTERS = "ldjnmtsc";
    /** An elided letter written apart from its word in an idiom ("d infarto"), to glue as the resident's text has it. */
    private static final java.util.regex.Pattern ELISION_IN_IDIOM =
            java.util.regex.Pattern.compile("(^| )([" + ELIDED_LETTERS + "]|qu) (?=[aeiouh])");

    /** French and Italian concepts ({@code [fr-…]}, {@code [it-…]}) match elided words. */
    static boolean elides(String conceptName) {
        return conceptName.startsWith("fr-") || conceptName.startsWith("it-");
    }

    /** One group: the words any of which fills this part of the concept; {@code id} numbers it in the word index. */
    private record Group(String name, List<Entry> words, boolean dangerCue, int id) {

        Group withId(int newId) {
            return new Group(name, words, dangerCue, newId);
        }

        /** Whether the word fills this group, by comparing it with every word of the group: the index's reference. */
        boolean matchedByScanning(String word, String single) {
            for (Entry e : words) {
                if (matches(word, single, e)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Which groups a word fills, found by looking the word up instead of comparing it with every list word (that took
     * half of a message's triage). Each way a word may match has its own key: exactly, as a prefix, stretched letters,
     * a dropped ending, and one typing error by the symmetric-delete trick (a word and a list word one edit apart share
     * a string with one letter deleted, transpositions too). Every candidate is then checked with {@link #matches}, so
     * the index finds exactly what comparing with every word finds ({@code ConceptsIndexTest} holds it to that).
     */
    private static final class WordIndex {

        private record Occurrence(Entry entry, int group) {
        }

        private final java.util.Map<String, List<Occurrence>> exact = new java.util.HashMap<>();
        private final java.util.Map<String, List<Occurrence>> stretched = new java.util.HashMap<>();
        private final java.util.Map<String, List<Occurrence>> droppedEnding = new java.util.HashMap<>();
        private final java.util.Map<String, List<Occurrence>> oneDeleted = new java.util.HashMap<>();
        private final java.util.Map<String, List<Occurrence>> prefixes = new java.util.HashMap<>();
        private final List<Occurrence> unspaced = new ArrayList<>();
        private int longestPrefix;

        WordIndex(List<Concept> concepts) {
            for (Concept concept : concepts) {
                for (Group group : concept.groups()) {
                    for (Entry e : group.words()) {
                        add(new Occurrence(e, group.id()));
                    }
                }
            }
        }

        private void add(Occurrence o) {
            Entry e = o.entry();
            if (e.unspaced()) {
                unspaced.add(o);
                return;
            }
            if (e.prefix()) {
                put(prefixes, e.stem(), o);
                longestPrefix = Math.max(longestPrefix, e.stem().length());
                return;
            }
            String text = e.text();
            put(exact, text, o);
            put(stretched, e.single(), o);
            if (text.length() >= MIN_DROPPED_ENDING) {
                put(droppedEnding, text.substring(0, text.length() - 1), o);
            }
            if (text.length() >= MIN_FUZZY_LENGTH) {
                for (int i = 0; i < text.length(); i++) {
                    put(oneDeleted, deleted(text, i), o);
                }
            }
        }

        private static void put(java.util.Map<String, List<Occurrence>> map, String key, Occurrence o) {
            map.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
        }

        private static String deleted(String s, int i) {
            return s.substring(0, i) + s.substring(i + 1);
        }

        /** The ids of the groups the word fills. */
        java.util.BitSet groupsOf(String word) {
            java.util.BitSet found = new java.util.BitSet();
            if (word.isEmpty()) {
                return found;
            }
            String single = singleLetters(word);
            check(found, word, single, exact.get(word));
            check(found, word, single, stretched.get(single));
            check(found, word, single, droppedEnding.get(word));
            check(found, word, single, oneDeleted.get(word));
            if (word.length() >= MIN_FUZZY_LENGTH) {
                for (int i = 0; i < word.length(); i++) {
                    String shorter = deleted(word, i);
                    check(found, word, single, exact.get(shorter));
                    check(found, word, single, oneDeleted.get(shorter));
                }
            }
            for (int end = 1; end <= Math.min(word.length(), longestPrefix); end++) {
                check(found, word, single, prefixes.get(word.substring(0, end)));
            }
            check(found, word, single, unspaced);
            return found;
        }

        private static void check(java.util.BitSet found, String word, String single, List<Occurrence> candidates) {
            if (candidates == null) {
                return;
            }
            for (Occurrence o : candidates) {
                if (!found.get(o.group()) && matches(word, single, o.entry())) {
                    found.set(o.group());
                }
            }
        }
    }

    /** The groups each word of one message fills, looked up once per distinct word, and all of them together. */
    private final class Lookup {
        private final java.util.Map<String, java.util.BitSet> byWord = new java.util.HashMap<>();
        private final java.util.BitSet[] atPosition;
        private final java.util.BitSet anywhere = new java.util.BitSet();

        Lookup(String[] words) {
            atPosition = new java.util.BitSet[words.length];
            for (int i = 0; i < words.length; i++) {
                atPosition[i] = groupsOf(words[i]);
                anywhere.or(atPosition[i]);
            }
        }

        boolean fills(int position, Group group) {
            return atPosition[position].get(group.id());
        }

        boolean fills(String word, Group group) {
            return groupsOf(word).get(group.id());
        }

        /** Whether every group of the concept is filled somewhere in the message: else it cannot fire. */
        boolean mayFire(Concept concept) {
            for (Group group : concept.groups()) {
                if (!anywhere.get(group.id())) {
                    return false;
                }
            }
            return true;
        }

        private java.util.BitSet groupsOf(String word) {
            return byWord.computeIfAbsent(word, index::groupsOf);
        }
    }

    /**
     * One word of a list, with what matching needs worked out once at start-up instead of for every word of every
     * message: whether it is written without spaces (Han, Thai, ...), whether it is a prefix ({@code wapen*}), and its
     * letters with doubles as one.
     */
    private record Entry(String text, boolean unspaced, boolean prefix, String stem, String single) {
        static Entry of(String text) {
            boolean prefix = text.endsWith("*");
            return new Entry(text, Concepts.unspaced(text), prefix, prefix ? text.substring(0, text.length() - 1) : text,
                    singleLetters(text));
        }
    }

    private record Concept(String name, List<Group> groups, int window, boolean ordered, List<List<Entry>> unless) {
        /**
         * A concept of a fallback language ("tr-self-harm"): it fires on its own, but its short words ("dat",
         * "loop", "mess") are everyday Dutch or English, so they neither gate the classifier nor split glued words.
         */
        boolean fallbackLanguage() {
            int dash = name.indexOf('-');
            return dash == 2 && FALLBACK_LANGUAGES.contains(name.substring(0, 2));
        }

        /** French and Italian write "l'eau", "d'acqua": see {@link #matchesElided}. */
        boolean elides() {
            return Concepts.elides(name);
        }
    }

    /** Languages whose concepts are written in their own section prefix; Dutch and English ones have none. */
    private static final java.util.Set<String> FALLBACK_LANGUAGES = java.util.Set.of(
            "de", "tr", "ar", "pl", "uk", "ru", "fa", "es", "fr", "pt", "ro", "it", "so", "ti",
            "zh", "bg", "ur", "sq", "hr", "am", "ps", "ku", "vi", "id", "hi");

    private final List<Concept> concepts;
    private final WordIndex index;
    /** The danger-cue groups (marked with !) of the Dutch and English concepts, for {@link #hasCueWord}. */
    private final java.util.BitSet cueGroups;
    private final SignalList list;
    private final java.util.Set<String> vocabulary;

    Concepts(SignalList list) {
        this.list = list;
        List<Concept> parsed = new ArrayList<>();
        list.sections().forEach((name, lines) -> parsed.add(withoutEverydayWords(parse(list.name(), name, lines))));
        this.concepts = numbered(parsed);
        this.index = new WordIndex(concepts);
        java.util.BitSet cues = new java.util.BitSet();
        concepts.stream().filter(c -> !c.fallbackLanguage()).forEach(c -> c.groups().stream()
                .filter(Group::dangerCue).forEach(g -> cues.set(g.id())));
        this.cueGroups = cues;
        java.util.Set<String> words = new java.util.HashSet<>();
        concepts.stream().filter(c -> !c.fallbackLanguage()).forEach(c -> c.groups().forEach(g -> g.words().stream()
                .filter(w -> !w.prefix() && w.text().length() >= 2).forEach(w -> words.add(w.text()))));
        this.vocabulary = java.util.Set.copyOf(words);
    }

    /**
     * A concept of a fallback language never matches on an everyday Dutch or English word
     * ({@code triage-crisis-everyday-words.txt}: "on", "me", "tot", "dat"): one of them beside a danger word raised
     * false alarms on ordinary messages. A group left without words no longer needs a match.
     */
    private Concept withoutEverydayWords(Concept concept) {
        if (!concept.fallbackLanguage()) {
            return concept;
        }
        List<Group> kept = new ArrayList<>();
        for (Group group : concept.groups()) {
            List<Entry> words = group.words().stream().filter(w -> !EVERYDAY.contains(w.text())).toList();
            if (!words.isEmpty()) {
                kept.add(new Group(group.name(), words, group.dangerCue(), -1));
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalStateException("Signal list " + list.name() + " [" + concept.name()
                    + "]: only everyday Dutch or English words, which a fallback-language concept ignores");
        }
        return new Concept(concept.name(), List.copyOf(kept), concept.window(), concept.ordered(), concept.unless());
    }

    /** The concepts with every group numbered, in list order, for the word index. */
    private static List<Concept> numbered(List<Concept> parsed) {
        List<Concept> out = new ArrayList<>();
        int next = 0;
        for (Concept c : parsed) {
            List<Group> groups = new ArrayList<>();
            for (Group g : c.groups()) {
                groups.add(g.withId(next++));
            }
            out.add(new Concept(c.name(), List.copyOf(groups), c.window(), c.ordered(), c.unless()));
        }
        return List.copyOf(out);
    }

    private static final java.util.Set<String> EVERYDAY = everydayWords();

    private static java.util.Set<String> everydayWords() {
        java.util.Set<String> words = new java.util.HashSet<>();
        SignalList.load("triage-crisis-everyday-words").sections().values()
                .forEach(lines -> lines.forEach(w -> words.add(TextNormalizer.forMatching(w))));
        return java.util.Set.copyOf(words);
    }

    /** The signal name of the first concept that fires on the normalised text ("triage-crisis-concepts/self-harm-end"). */
    Optional<String> firing(String normalizedText) {
        if (normalizedText.isEmpty()) {
            return Optional.empty();
        }
        String[] words = separated(normalizedText.split(" "));
        Lookup lookup = new Lookup(words);
        for (Concept concept : concepts) {
            // French and Italian concepts also match elided words ("l'eau"), which the words' own groups do not show.
            if ((concept.elides() || lookup.mayFire(concept)) && fires(concept, words, lookup)) {
                return Optional.of(list.signal(concept.name(), "concept"));
            }
        }
        return Optional.empty();
    }

    /** The ids of the groups a word fills, from the index. */
    java.util.BitSet groupsFilledBy(String word) {
        return index.groupsOf(word);
    }

    /** The same by comparing the word with every word of every group: what the index must agree with. */
    java.util.BitSet groupsFilledByScanning(String word) {
        java.util.BitSet found = new java.util.BitSet();
        if (word.isEmpty()) {
            return found;
        }
        String single = singleLetters(word);
        for (Concept c : concepts) {
            for (Group g : c.groups()) {
                if (g.matchedByScanning(word, single)) {
                    found.set(g.id());
                }
            }
        }
        return found;
    }

    /** True when a word of the text is one of the cue words (groups marked with !), spelling-tolerantly. */
    boolean hasCueWord(String normalizedText) {
        if (normalizedText.isEmpty()) {
            return false;
        }
        String[] words = separated(normalizedText.split(" "));
        for (int i = 0; i < words.length; i++) {
            if (index.groupsOf(words[i]).intersects(cueGroups) && !inIdiom(words, i)) {
                return true;
            }
        }
        return false;
    }

    // A danger word near an idiom of any concept ("slaat de deur dicht", "alarm geslagen") is no danger word.
    private boolean inIdiom(String[] words, int i) {
        for (Concept concept : concepts) {
            if (cancelled(concept, words, Math.max(0, i - 8), Math.min(words.length, i + 9))) {
                return true;
            }
        }
        return false;
    }

    private static boolean fires(Concept concept, String[] words, Lookup lookup) {
        int groups = concept.groups().size();
        // For each group, the last position where it was seen; a window closes over the newest word.
        int[] lastSeen = new int[groups];
        Arrays.fill(lastSeen, -1);
        for (int i = 0; i < words.length; i++) {
            for (int g = 0; g < groups; g++) {
                if (lookup.fills(i, concept.groups().get(g))
                        || concept.elides() && matchesElided(words[i], concept.groups().get(g), lookup)) {
                    lastSeen[g] = i;
                }
            }
            if (complete(concept, lastSeen, i) && !cancelled(concept, words, lastSeen, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean complete(Concept concept, int[] lastSeen, int at) {
        int earliest = Integer.MAX_VALUE;
        int previous = -1;
        for (int position : lastSeen) {
            if (position < 0) {
                return false;
            }
            if (concept.ordered() && position <= previous) {
                return false;
            }
            previous = position;
            earliest = Math.min(earliest, position);
        }
        return at - earliest < concept.window();
    }

    // An idiom that only sounds like danger ("ik schrok me dood") cancels the concept where it overlaps.
    private static boolean cancelled(Concept concept, String[] words, int[] lastSeen, int at) {
        return cancelled(concept, words, Math.max(0, Arrays.stream(lastSeen).min().orElse(0) - 3),
                Math.min(words.length, at + 4));
    }

    private static boolean cancelled(Concept concept, String[] words, int from, int to) {
        if (concept.unless().isEmpty()) {
            return false;
        }
        for (List<Entry> idiom : concept.unless()) {
            for (int i = from; i + idiom.size() <= to; i++) {
                boolean all = true;
                for (int k = 0; k < idiom.size() && all; k++) {
                    all = matches(words[i + k], singleLetters(words[i + k]), idiom.get(k));
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * French and Italian elide an article or pronoun onto the next word, and the normaliser drops the apostrophe:
     * "l'eau" arrives as "leau", "j'ai" as "jai", "d'acqua" as "dacqua". In another language's concept the word
     * behind such a prefix counts too.
     */
    private static boolean matchesElided(String word, Group group, Lookup lookup) {
        int prefix;
        if (word.startsWith("qu")) {
            prefix = 2;
        } else if (!word.isEmpty() && ELIDED_LETTERS.indexOf(word.charAt(0)) >= 0) {
            prefix = 1;
        } else {
            return false;
        }
        if (word.length() < prefix + 3) {
            return false;
        }
        String rest = word.substring(prefix);
        if ("aeiouh".indexOf(rest.charAt(0)) < 0) {
            return false;
        }
        return lookup.fills(rest, group);
    }

    private static boolean matches(String word, String singleWord, Entry e) {
        String entry = e.text();
        if (e.unspaced()) {
            return word.contains(entry);
        }
        if (e.prefix()) {
            return word.startsWith(e.stem());
        }
        if (word.equals(entry)) {
            return true;
        }
        // Stretched letters are cut to two by the normaliser ("wiiiil" -> "wiil"): compare with doubles as one.
        if (word.length() >= 3 && word.length() != singleWord.length() && Math.abs(word.length() - entry.length()) <= 2
                && singleWord.equals(e.single())) {
            return true;
        }
        // SMS spelling drops a final n or t: "leve", "nie", "wil" for "wilt".
        if (entry.length() >= MIN_DROPPED_ENDING && word.length() == entry.length() - 1 && entry.startsWith(word)
                && (entry.endsWith("n") || entry.endsWith("t"))) {
            return true;
        }
        // One typing error in a longer word; the first letter must be right for words under eight letters,
        // or "willen" would read as "pillen" and "wagen" as "wapen".
        // An ordinary word is taken as written: "dingen" is no typing error for "dwingen".
        return word.length() >= MIN_FUZZY_LENGTH && entry.length() >= MIN_FUZZY_LENGTH
                && Math.abs(word.length() - entry.length()) <= 1
                && (word.charAt(0) == entry.charAt(0) || entry.length() >= 8)
                && FuzzyWords.withinOneEdit(word, entry) && !OrdinaryWords.contains(word);
    }

    /**
     * Chinese, Japanese and Thai write no spaces between words, so a whole clause arrives as one "word": a concept word
     * in such a script matches anywhere inside it, and its groups then meet at the same position.
     */
    static boolean unspaced(String entry) {
        if (entry.isEmpty()) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(entry.codePointAt(0));
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI
                || script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
                || script == Character.UnicodeScript.MYANMAR;
    }

    private static String singleLetters(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (i == 0 || word.charAt(i) != word.charAt(i - 1)) {
                out.append(word.charAt(i));
            }
        }
        return out.toString();
    }

    /**
     * Words an SMS wrote without spaces ("ikwildood") split into the concept's vocabulary, when the
     * vocabulary covers the whole word; other words stay as they are. Bounded: only words of 7 to 40 letters.
     */
    private String[] separated(String[] words) {
        List<String> out = new ArrayList<>(words.length);
        for (String word : words) {
            List<String> parts = word.length() >= 7 && word.length() <= 40 ? segment(word) : null;
            if (parts == null) {
                out.add(word);
            } else {
                out.addAll(parts);
            }
        }
        return out.toArray(String[]::new);
    }

    private List<String> segment(String word) {
        int n = word.length();
        int[] from = new int[n + 1];
        Arrays.fill(from, -1);
        from[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - 20); start < end && from[end] < 0; start++) {
                if ((start == 0 || from[start] >= 0) && (start != 0 || from[0] == 0)
                        && vocabulary.contains(word.substring(start, end)) && (start == 0 || from[start] >= 0)) {
                    from[end] = start;
                }
            }
        }
        if (from[n] < 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            parts.add(0, word.substring(from[end], end));
        }
        return parts.size() >= 2 ? parts : null;
    }

    private static List<Entry> entries(String words) {
        return Arrays.stream(words.split(" ")).map(Entry::of).toList();
    }

    private static Concept parse(String listName, String name, List<String> lines) {
        List<Group> groups = new ArrayList<>();
        List<List<Entry>> unless = new ArrayList<>();
        int window = 8;
        boolean ordered = false;
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("Signal list " + listName + " [" + name + "]: expected 'group: words', got " + line);
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            // Two sections of one name merge into one concept that matches neither: a name must be unique.
            if (!key.equals("unless") && !keys.add(key.endsWith("!") ? key.substring(0, key.length() - 1) : key)) {
                throw new IllegalStateException("Signal list " + listName + " [" + name + "]: '" + key
                        + "' given twice; is the concept's name used twice?");
            }
            switch (key) {
                case "window" -> window = Integer.parseInt(value);
                case "ordered" -> ordered = Boolean.parseBoolean(value);
                case "unless" -> Arrays.stream(value.split(",")).map(TextNormalizer::forMatching)
                        .filter(s -> !s.isEmpty()).forEach(idiom -> {
                            unless.add(entries(idiom));
                            if (elides(name)) {
                                // "d infarto" as the resident writes it: "d'infarto", which arrives as "dinfarto".
                                String glued = ELISION_IN_IDIOM.matcher(idiom).replaceAll("$1$2");
                                if (!glued.equals(idiom)) {
                                    unless.add(entries(glued));
                                }
                            }
                        });
                default -> groups.add(new Group(key.endsWith("!") ? key.substring(0, key.length() - 1) : key,
                        Arrays.stream(value.split("\\s+"))
                        .map(w -> w.endsWith("*") ? TextNormalizer.forMatching(w) + "*" : TextNormalizer.forMatching(w))
                        .filter(w -> !w.isEmpty() && !w.equals("*")).map(Entry::of).toList(), key.endsWith("!"), -1));
            }
        }
        if (groups.isEmpty()) {
            throw new IllegalStateException("Signal list " + listName + " [" + name + "] has no word groups");
        }
        return new Concept(name, List.copyOf(groups), window, ordered, List.copyOf(unless));
    }
}
