package nl.loket.knowledge;

import org.apache.lucene.analysis.CharArraySet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits compound words ("grofvuilophalen", "hondenbelasting", "identiteitskaart") into parts found in a dictionary
 * made from the knowledge base. Dutch writes compounds as one word, residents often split or join them differently
 * from the articles. Besides the dictionary words themselves, the verb stems of infinitives count as parts
 * ("parkeren" gives "parkeer", as in "parkeervergunning"; "kappen" gives "kap", as in "kapvergunning"), and the
 * linking sounds -s-, -e- and -en- may stand between parts.
 */
final class Decompounder {

    private static final String[] LINKS = {"", "s", "e", "en"};
    private static final int MAX_PARTS = 4;
    private static final int MAX_WORD = 40;

    private final Set<String> parts;
    private final int minWord;
    private final int minPart;

    /**
     * A split of one word. {@code parts} are the dictionary words found; {@code complete} tells whether they (with
     * linking sounds) make up the whole word; {@code covered} is the number of characters of the word they cover.
     */
    record Split(List<String> parts, boolean complete, int covered, int length) {
        static Split none(String word) {
            return new Split(List.of(), false, 0, word.length());
        }

        double coveredShare() {
            return length == 0 ? 0 : (double) covered / length;
        }
    }

    Decompounder(Collection<String> dictionary, CharArraySet stopWords) {
        this(dictionary, stopWords, TextAnalysis.MIN_COMPOUND_LENGTH, TextAnalysis.MIN_PART_LENGTH);
    }

    Decompounder(Collection<String> dictionary, CharArraySet stopWords, int minWord, int minPart) {
        this.minWord = minWord;
        this.minPart = minPart;
        Set<String> p = new HashSet<>();
        for (String w : dictionary) {
            if (w.length() >= 4 && !stopWords.contains(w) && isLetters(w)) {
                p.add(w);
                String stem = verbStem(w);
                if (stem != null && stem.length() >= minPart && !stopWords.contains(stem)) {
                    p.add(stem);
                }
            }
        }
        this.parts = Set.copyOf(p);
    }

    int size() {
        return parts.size();
    }

    boolean isPart(String w) {
        return parts.contains(w);
    }

    /** Splits a word into dictionary parts; a word that is itself in the dictionary is split further when it can be. */
    Split split(String word) {
        if (word.length() < minWord || word.length() > MAX_WORD || !isLetters(word)) {
            return Split.none(word);
        }
        List<String> best = completeSplit(word, 0, 0, new java.util.HashMap<>());
        if (best != null && best.size() >= 2) {
            return new Split(List.copyOf(best), true, word.length(), word.length());
        }
        return partialSplit(word);
    }

    /** Fewest-parts split of word[from..] into dictionary parts (each part but the whole word), or null; memoised. */
    private List<String> completeSplit(String word, int from, int depth, java.util.Map<Integer, List<String>> memo) {
        if (from == word.length()) {
            return new ArrayList<>();
        }
        if (depth >= MAX_PARTS) {
            return null;
        }
        int key = from * (MAX_PARTS + 1) + depth;
        if (memo.containsKey(key)) {
            List<String> known = memo.get(key);
            return known == null ? null : new ArrayList<>(known);
        }
        List<String> result = completeSplitUncached(word, from, depth, memo);
        memo.put(key, result == null ? null : List.copyOf(result));
        return result;
    }

    private List<String> completeSplitUncached(String word, int from, int depth, java.util.Map<Integer, List<String>> memo) {
        List<String> best = null;
        for (int end = word.length(); end - from >= minPart; end--) {
            if (from == 0 && end == word.length()) {
                continue; // the whole word is not a split
            }
            String part = word.substring(from, end);
            if (!parts.contains(part)) {
                continue;
            }
            for (String link : LINKS) {
                int next = end + link.length();
                if (next > word.length() || !word.startsWith(link, end)) {
                    continue;
                }
                if (next < word.length() && word.length() - next < minPart) {
                    continue;
                }
                List<String> rest = completeSplit(word, next, depth + 1, memo);
                if (rest != null && (best == null || rest.size() + 1 < best.size())) {
                    rest.add(0, part);
                    best = rest;
                }
            }
            if (best != null && best.size() == 2) {
                break; // longest first part with a two-part split: good enough
            }
        }
        return best;
    }

    /** The longest dictionary parts inside the word, left to right, not overlapping. */
    private Split partialSplit(String word) {
        List<String> found = new ArrayList<>();
        int covered = 0;
        int i = 0;
        while (i <= word.length() - Math.max(minPart, 4)) {
            String longest = null;
            for (int end = word.length(); end - i >= Math.max(minPart, 4); end--) {
                if (i == 0 && end == word.length()) {
                    continue;
                }
                String part = word.substring(i, end);
                if (parts.contains(part)) {
                    longest = part;
                    break;
                }
            }
            if (longest != null) {
                found.add(longest);
                covered += longest.length();
                i += longest.length();
            } else {
                i++;
            }
        }
        return found.isEmpty() ? Split.none(word) : new Split(List.copyOf(found), false, covered, word.length());
    }

    /**
     * The stem of a Dutch infinitive as it appears in compounds: "parkeren" to "parkeer", "kappen" to "kap",
     * "ophalen" to "ophaal", "wonen" to "woon"; null when the word does not end in -en.
     */
    static String verbStem(String w) {
        if (w.length() < 5 || !w.endsWith("en")) {
            return null;
        }
        String s = w.substring(0, w.length() - 2);
        int n = s.length();
        char last = s.charAt(n - 1);
        if (n >= 2 && last == s.charAt(n - 2) && !isVowel(last)) {
            return s.substring(0, n - 1); // kappen -> kap
        }
        if (n >= 3 && !isVowel(last) && isVowel(s.charAt(n - 2)) && !isVowel(s.charAt(n - 3))) {
            char v = s.charAt(n - 2);
            if (v != 'i' && v != 'e' || (v == 'e' && n >= 4)) {
                return s.substring(0, n - 1) + v + last; // parkeren -> parkeer, ophalen -> ophaal
            }
        }
        if (last == 'z') {
            return s.substring(0, n - 1) + 's'; // verhuizen -> verhuis
        }
        if (last == 'v') {
            return s.substring(0, n - 1) + 'f'; // schrijven -> schrijf
        }
        return s;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    private static boolean isLetters(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }
}
