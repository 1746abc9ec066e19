package nl.loket.assistant;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A concept list the municipality edits: a mistake in it stops the start with the list and concept named. */
class ConceptListTest {

    @Test
    void aConceptNameUsedTwiceStopsTheStartInsteadOfMergingTwoConceptsIntoOneThatMatchesNeither() {
        // Two [afraid] sections arrive as one section of both bodies, the way SignalList reads them.
        SignalList list = new SignalList("test-concepts", Map.of("afraid", List.of(
                "window: 5", "dare: durf", "home: huis",
                "window: 8", "afraid: bang", "home: thuis")));

        assertThatThrownBy(() -> new Concepts(list)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test-concepts").hasMessageContaining("[afraid]").hasMessageContaining("twice");
    }

    @Test
    void aConceptWithUniqueGroupsAndSeveralIdiomLinesLoadsAndFires() {
        SignalList list = new SignalList("test-concepts", Map.of("afraid", List.of(
                "window: 5", "afraid: bang", "home: thuis", "unless: bang dat", "unless: thuis bezorgd")));

        Concepts concepts = new Concepts(list);

        assertThat(concepts.firing("ik ben bang om thuis te zijn")).isPresent();
        assertThat(concepts.firing("ik ben bang dat het pakket thuis bezorgd wordt")).isEmpty();
    }

    @Test
    void everyShippedConceptListLoads() {
        for (String name : List.of("triage-crisis-concepts", "triage-human-request-concepts", "triage-case-specific-concepts",
                "triage-complaint-concepts", "input-prompt-injection-concepts", "input-other-resident-data-concepts",
                "input-promise-request-concepts")) {
            assertThat(new Concepts(SignalList.load(name))).as(name).isNotNull();
        }
    }
}
