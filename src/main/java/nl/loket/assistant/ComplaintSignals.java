package nl.loket.assistant;

import nl.loket.contact.EscalationReason;

import java.util.List;
import java.util.Optional;

/**
 * Anger or a complaint about the resident's own experience ({@code triage-complaint.txt}, and single words
 * from {@code triage-complaint-words.txt} also when mistyped, "belachelek", and as concepts in any word order in
 * {@code triage-complaint-concepts.txt}: "al vier keer door jullie afgezegd"). Asking how to file a complaint
 * is not one: that question has an answer in the knowledge base.
 */
final class ComplaintSignals implements TriageRule {

    private static final PhrasePatterns PHRASES = PhrasePatterns.words("triage-complaint");
    private static final FuzzyWords WORDS = FuzzyWords.load("triage-complaint-words");
    private static final Concepts CONCEPTS = new Concepts(SignalList.load("triage-complaint-concepts"));

    @Override
    public Optional<TriageResult> match(String normalizedText) {
        return PHRASES.find(normalizedText)
                .or(() -> WORDS.find(words(normalizedText)))
                .map(PhrasePatterns.Hit::signal)
                .or(() -> CONCEPTS.firing(normalizedText))
                .map(signal -> TriageResult.of(EscalationReason.COMPLAINT, signal));
    }

    private static List<String> words(String normalizedText) {
        return normalizedText.isEmpty() ? List.of() : List.of(normalizedText.split(" "));
    }
}
