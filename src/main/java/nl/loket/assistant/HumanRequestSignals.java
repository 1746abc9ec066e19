package nl.loket.assistant;

import nl.loket.contact.EscalationReason;

import java.util.Optional;

/**
 * The resident asks for a person or a call back: fixed phrases ({@code triage-human-request.txt}), then concepts in
 * any word order and spelling ({@code triage-human-request-concepts.txt}: "kan er iemand van de gemeente mij opbellen").
 */
final class HumanRequestSignals implements TriageRule {

    private static final PhrasePatterns PHRASES = PhrasePatterns.words("triage-human-request");
    private static final Concepts CONCEPTS = new Concepts(SignalList.load("triage-human-request-concepts"));

    @Override
    public Optional<TriageResult> match(String normalizedText) {
        return PHRASES.find(normalizedText).map(PhrasePatterns.Hit::signal)
                .or(() -> CONCEPTS.firing(normalizedText))
                .map(signal -> TriageResult.of(EscalationReason.HUMAN_REQUESTED, signal));
    }
}
