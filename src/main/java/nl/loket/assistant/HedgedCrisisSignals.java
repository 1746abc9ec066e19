package nl.loket.assistant;

import nl.loket.contact.EscalationReason;

import java.util.Optional;

/**
 * Crisis phrases residents also use as idioms about ordinary things ({@code triage-crisis-hedged.txt}: "ik ga dood van
 * die wachtrij", "it's an emergency, my passport"): one counts only when the crisis classifier sees some danger in the
 * message too. The classifier reads the whole message, so "ik ga dood, ik heb de pillen al" still goes as a crisis
 * while "ik ga dood als ik mijn vlucht mis, hoe snel krijg ik een paspoort" gets its answer.
 */
final class HedgedCrisisSignals implements TriageRule {

    /**
     * P(CRISIS) from which a hedged phrase counts. Held out one spent set at a time (sets f-o, TriageCrossValidation),
     * no crisis these phrases alone caught was put under 0.1 by the classifier, and 7 of their false alarms were.
     */
    static final double GATE = 0.1;

    private static final PhrasePatterns PHRASES = PhrasePatterns.words("triage-crisis-hedged");

    private final CrisisClassifier classifier;

    HedgedCrisisSignals(CrisisClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public Optional<TriageResult> match(String normalizedText) {
        return PHRASES.find(CrisisSignals.withoutIdioms(normalizedText))
                .filter(hit -> classifier.crisisProbability(normalizedText) >= GATE)
                .map(hit -> TriageResult.of(EscalationReason.CRISIS, hit.signal()));
    }
}
