package nl.loket.assistant;

import nl.loket.platform.text.TextNormalizer;
import nl.loket.support.SpentSets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The concept lists find a word's groups through an index instead of comparing the word with every list word. The
 * index is only a shortcut: on every word of the list and a sample of the words residents wrote in the spent sets, and
 * on each of them mistyped (a letter left out, doubled, changed, two swapped or an ending dropped), it must find
 * exactly the groups that comparing with every list word finds, no fewer (a missed crisis) and no more (a false alarm).
 */
class ConceptsIndexTest {

    @ParameterizedTest
    @ValueSource(strings = {"triage-crisis-concepts", "triage-human-request-concepts", "triage-complaint-concepts",
            "triage-case-specific-concepts", "input-other-resident-data-concepts", "input-promise-request-concepts"})
    void theIndexFindsExactlyTheGroupsThatComparingWithEveryListWordFinds(String listName) {
        Concepts concepts = new Concepts(SignalList.load(listName));
        List<String> differences = new ArrayList<>();
        int filled = 0;
        for (String word : words(listName)) {
            BitSet indexed = concepts.groupsFilledBy(word);
            BitSet scanned = concepts.groupsFilledByScanning(word);
            if (!indexed.equals(scanned)) {
                differences.add(word + ": index " + indexed + ", scanning " + scanned);
            }
            filled += scanned.isEmpty() ? 0 : 1;
        }
        assertThat(differences).isEmpty();
        // The words must reach the lists at all, or the comparison says nothing.
        assertThat(filled).isGreaterThan(20);
    }

    private static Set<String> fromSets;

    /** Every word of the list itself and a sample of the spent sets' words, each also mistyped. */
    private static Set<String> words(String listName) {
        Set<String> plain = new LinkedHashSet<>(wordsOfSpentSets());
        SignalList.load(listName).sections().values().forEach(lines -> lines.forEach(line -> {
            for (String w : TextNormalizer.forMatching(line.substring(line.indexOf(':') + 1)).split(" ")) {
                plain.add(w);
            }
        }));
        Set<String> all = new LinkedHashSet<>(plain);
        int i = 0;
        for (String w : plain) {
            if (w.length() < 3) {
                continue;
            }
            // One mistyping per word, the kind and the place taking turns over the words.
            int at = i % (w.length() - 1);
            all.add(switch (i++ % 5) {
                case 0 -> w.substring(0, at) + w.substring(at + 1);
                case 1 -> w.substring(0, at) + w.charAt(at) + w.substring(at);
                case 2 -> w.substring(0, at) + 'x' + w.substring(at + 1);
                case 3 -> w.substring(0, at) + w.charAt(at + 1) + w.charAt(at) + w.substring(at + 2);
                default -> w.substring(0, w.length() - 1);
            });
        }
        return all;
    }

    private static synchronized Set<String> wordsOfSpentSets() {
        if (fromSets == null) {
            Set<String> words = new LinkedHashSet<>();
            for (String set : SpentSets.sets()) {
                for (SpentSets.Item item : SpentSets.items(set)) {
                    words.addAll(List.of(TextNormalizer.forMatching(item.text()).split(" ")));
                }
            }
            // Every twentieth distinct word: comparing with every list word is slow; the list's own words matter most.
            Set<String> sample = new LinkedHashSet<>();
            int n = 0;
            for (String w : words) {
                if (n++ % 20 == 0) {
                    sample.add(w);
                }
            }
            fromSets = sample;
        }
        return fromSets;
    }
}
