package nl.loket.assistant;

import nl.loket.contact.EscalationReason;

import java.util.List;
import java.util.Optional;

/**
 * Self-harm, abuse, acute danger, no place to sleep tonight, no food: phrases from
 * {@code triage-crisis.txt}, and single words from {@code triage-crisis-words.txt} also when mistyped,
 * because someone in crisis does not check their spelling.
 */
final class CrisisSignals implements TriageRule {

    private static final PhrasePatterns PHRASES = PhrasePatterns.words("triage-crisis");
    private static final FuzzyWords WORDS = FuzzyWords.load("triage-crisis-words");

    @Override
    public Optional<TriageResult> match(String normalizedText) {
        return PHRASES.find(normalizedText)
                .or(() -> WORDS.find(words(normalizedText)))
                .map(hit -> TriageResult.of(EscalationReason.CRISIS, hit.signal()));
    }

    private static List<String> words(String normalizedText) {
        return normalizedText.isEmpty() ? List.of() : List.of(normalizedText.split(" "));
    }
}
