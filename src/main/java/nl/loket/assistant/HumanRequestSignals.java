package nl.loket.assistant;

import nl.loket.contact.EscalationReason;

import java.util.Optional;

/** The resident asks for a person or a call back ({@code triage-human-request.txt}). */
final class HumanRequestSignals implements TriageRule {

    private static final PhrasePatterns PHRASES = PhrasePatterns.words("triage-human-request");

    @Override
    public Optional<TriageResult> match(String normalizedText) {
        return PHRASES.find(normalizedText).map(hit -> TriageResult.of(EscalationReason.HUMAN_REQUESTED, hit.signal()));
    }
}
