package nl.loket.assistant;

import nl.loket.platform.text.TextNormalizer;
import nl.loket.support.SpentSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before a phrase's regular expression runs, two cheap checks rule it out for most messages: the plain words and the
 * pieces of text it cannot match without. They are shortcuts only: on the residents' messages of the last spent sets
 * every list must find exactly the entries its regular expressions alone find, and replace the same idioms.
 */
class PhraseShortcutsTest {

    @ParameterizedTest
    @ValueSource(strings = {"input-abuse", "input-configuration-probe", "input-other-resident-data",
            "input-promise-request", "input-prompt-injection", "triage-callback-request", "triage-case-specific",
            "triage-complaint", "triage-crisis", "triage-crisis-hedged", "triage-crisis-idioms",
            "triage-entitlement-question", "triage-human-request", "triage-life-problems", "triage-own-action",
            "triage-personal-figures", "triage-process-question", "triage-time-reference"})
    void theShortcutsFindExactlyWhatTheRegularExpressionsAloneFind(String listName) {
        PhrasePatterns withShortcuts = PhrasePatterns.words(listName);
        PhrasePatterns regexOnly = withShortcuts.withoutShortcuts();
        List<String> differences = new ArrayList<>();
        int found = 0;
        for (String text : texts()) {
            List<String> expected = regexOnly.entriesFound(text);
            if (!withShortcuts.entriesFound(text).equals(expected)
                    || !withShortcuts.withPhrasesReplaced(text, "idioom").equals(regexOnly.withPhrasesReplaced(text, "idioom"))) {
                differences.add(text + " -> " + expected);
            }
            found += expected.size();
        }
        assertThat(differences).isEmpty();
        assertThat(found).as("the messages must reach the list at all, or the comparison says nothing").isPositive();
    }

    @Test
    void theRequiredTextIsWhatNoMatchCanDoWithout() {
        assertThat(PhrasePatterns.requiredText("(wil|wou) (ik )?(\\S+ ){0,2}dood"))
                .containsExactly(List.of("wil", "wou"), List.of("dood"));
        assertThat(PhrasePatterns.requiredText("ik (wil|kan) niet meer leven"))
                .containsExactly(List.of("wil", "kan"), List.of("niet meer leven"));
        assertThat(PhrasePatterns.requiredText("zelfmoordd?")).containsExactly(List.of("zelfmoord"));
        assertThat(PhrasePatterns.requiredText("maak(?: \\S+){0,4} eind")).containsExactly(List.of("maak"), List.of("eind"));
        assertThat(PhrasePatterns.requiredText("(ik )?wil [a-z]+ (\\S+|mij) dood"))
                .containsExactly(List.of("wil"), List.of("dood"));
        assertThat(PhrasePatterns.requiredText("(ik|) wil")).containsExactly(List.of("wil"));
        assertThat(PhrasePatterns.requiredText("ik wil dood|ik ga dood")).isEmpty();
        assertThat(PhrasePatterns.requiredText("ze{2}r erg")).containsExactly(List.of("r erg"));
    }

    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (String set : List.of("sealed-2026-12-07n.jsonl", "sealed-2026-12-07o.jsonl")) {
            SpentSets.items(set).forEach(item -> texts.add(TextNormalizer.forMatching(item.text())));
        }
        return texts;
    }
}
