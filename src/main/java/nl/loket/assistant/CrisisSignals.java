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
    /** Idioms that only sound like danger ("moord en brand", "ik schrok me dood"), taken out before the lists run. */
    private static final PhrasePatterns IDIOMS = PhrasePatterns.words("triage-crisis-idioms");
    private static final FuzzyWords WORDS = FuzzyWords.load("triage-crisis-words");

    @Override
    public Optional<TriageResult> match(String normalizedText) {
        String text = withoutIdioms(normalizedText);
        return PHRASES.find(text)
                .or(() -> WORDS.find(words(text)))
                .map(hit -> TriageResult.of(EscalationReason.CRISIS, hit.signal()));
    }

    /** The text with the fixed idioms that only sound like danger replaced by one neutral word. */
    static String withoutIdioms(String normalizedText) {
        return IDIOMS.withPhrasesReplaced(normalizedText, "idioom");
    }

    private static List<String> words(String normalizedText) {
        return normalizedText.isEmpty() ? List.of() : List.of(normalizedText.split(" "));
    }
}
