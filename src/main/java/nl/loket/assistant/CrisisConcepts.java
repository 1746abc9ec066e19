package nl.loket.assistant;

import nl.loket.contact.EscalationReason;

import java.util.Optional;

/**
 * Danger as concepts, not phrases ({@code triage-crisis-concepts.txt}, matched by {@link Concepts}): self + a harm
 * or death word, violence, a child unsafe, no shelter tonight… in any word order and spelling-tolerantly. Concepts
 * of a fallback language ({@code [tr-self-harm]}) fire on their own; the danger words of the others (groups marked
 * {@code !}) also gate the crisis classifier.
 */
final class CrisisConcepts implements TriageRule {

    static final String LIST = "triage-crisis-concepts";

    private final Concepts concepts;

    CrisisConcepts() {
        this(SignalList.load(LIST));
    }

    CrisisConcepts(SignalList list) {
        this.concepts = new Concepts(list);
    }

    @Override
    public Optional<TriageResult> match(String normalizedText) {
        return concepts.firing(normalizedText).map(signal -> TriageResult.of(EscalationReason.CRISIS, signal));
    }

    /** True when a word of the text is one of the danger words (groups marked with !), spelling-tolerantly. */
    boolean hasDangerWord(String normalizedText) {
        return concepts.hasCueWord(normalizedText);
    }
}
