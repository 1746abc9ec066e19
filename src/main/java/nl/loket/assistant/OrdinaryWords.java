package nl.loket.assistant;

import nl.loket.platform.text.TextNormalizer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Words residents use in ordinary messages at least half as often as in crisis messages (per message, in the crisis
 * classifier's own labelled examples) and at least five times in all: such a word is taken as written, never as one
 * typing error away from a list word. Without it "zulke dingen" read as "dwingen" (forced marriage) and a dentist's bill
 * became a crisis. A misspelled danger word ("zelfmoort") is rare in ordinary messages, so it stays tolerated.
 */
final class OrdinaryWords {

    static final int MIN_COUNT = 5;
    static final double MIN_RATIO = 0.5;

    private static final Set<String> WORDS = load();

    private OrdinaryWords() {
    }

    static boolean contains(String normalizedWord) {
        return WORDS.contains(normalizedWord);
    }

    private static Set<String> load() {
        Map<String, int[]> counts = new HashMap<>();
        int[] messages = new int[2];
        for (String line : CrisisClassifier.Examples.ALL) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            int label = line.startsWith("CRISIS") ? 1 : 0;
            messages[label]++;
            for (String word : new HashSet<>(TextNormalizer.words(line.substring(tab + 1)))) {
                counts.computeIfAbsent(word, w -> new int[2])[label]++;
            }
        }
        Set<String> out = new HashSet<>();
        counts.forEach((word, c) -> {
            double ordinary = (double) c[0] / Math.max(1, messages[0]);
            double crisis = (double) c[1] / Math.max(1, messages[1]);
            if (c[0] + c[1] >= MIN_COUNT && ordinary >= MIN_RATIO * crisis && word.length() >= Concepts.MIN_FUZZY_LENGTH) {
                out.add(word);
            }
        });
        return Set.copyOf(out);
    }
}
