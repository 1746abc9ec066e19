package nl.loket.assistant;

import nl.loket.contact.EscalationReason;

import java.util.Optional;

/**
 * Anger or a complaint about the resident's own experience ({@code triage-complaint.txt}). Asking how
 * to file a complaint is not one: that question has an answer in the knowledge base.
 */
final class ComplaintSignals implements TriageRule {

    private static final PhrasePatterns PHRASES = PhrasePatterns.words("triage-complaint");

    @Override
    public Optional<TriageResult> match(String normalizedText) {
        return PHRASES.find(normalizedText).map(hit -> TriageResult.of(EscalationReason.COMPLAINT, hit.signal()));
    }
}
