package nl.loket.assistant;

import nl.loket.contact.EscalationReason;

import java.util.List;
import java.util.Optional;

/**
 * Anger or a complaint about the resident's own experience ({@code triage-complaint.txt}, and single words
 * from {@code triage-complaint-words.txt} also when mistyped, "belachelek"). Asking how to file a complaint
 * is not one: that question has an answer in the knowledge base.
 */
final class ComplaintSignals implements TriageRule {

    private static final PhrasePatterns PHRASES = PhrasePatterns.words("triage-complaint");
    private static final FuzzyWords WORDS = FuzzyWords.load("triage-complaint-words");

    @Override
    public Optional<TriageResult> match(String normalizedText) {
        return PHRASES.find(normalizedText)
                .or(() -> WORDS.find(words(normalizedText)))
                .map(hit -> TriageResult.of(EscalationReason.COMPLAINT, hit.signal()));
    }

    private static List<String> words(String normalizedText) {
        return normalizedText.isEmpty() ? List.of() : List.of(normalizedText.split(" "));
    }
}
