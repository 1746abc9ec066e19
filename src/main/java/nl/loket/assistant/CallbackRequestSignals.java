package nl.loket.assistant;

import nl.loket.platform.text.TextNormalizer;

/**
 * The resident asks to be called back ("kunt u mij terugbellen", "bel me morgen terug", "call me back"), from
 * {@code triage-callback-request.txt}. Narrower than asking for a person: only a call to the resident counts, not
 * a call the resident made ("ik heb gisteren al teruggebeld") or one they were promised and did not get.
 */
final class CallbackRequestSignals {

    private static final PhrasePatterns PHRASES = PhrasePatterns.words("triage-callback-request");

    boolean asked(String redactedText) {
        if (redactedText == null) {
            return false;
        }
        return PHRASES.find(TextNormalizer.forMatching(Triage.markPersonalData(redactedText))).isPresent();
    }
}
