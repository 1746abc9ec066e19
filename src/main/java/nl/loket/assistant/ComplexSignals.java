package nl.loket.assistant;

import nl.loket.contact.EscalationReason;

import java.util.Optional;
import java.util.Set;

/**
 * Several distinct life problems in one message (job loss, debts, losing the home, divorce, illness,
 * benefits stopped, no income: sections of {@code triage-life-problems.txt}). One answer from the
 * knowledge base would cover one problem and miss how they hang together.
 */
final class ComplexSignals implements TriageRule {

    static final int MIN_DISTINCT_PROBLEMS = 2;

    private static final PhrasePatterns PROBLEMS = PhrasePatterns.words("triage-life-problems");

    @Override
    public Optional<TriageResult> match(String normalizedText) {
        Set<String> problems = PROBLEMS.sectionsFound(normalizedText);
        if (problems.size() < MIN_DISTINCT_PROBLEMS) {
            return Optional.empty();
        }
        return Optional.of(TriageResult.of(EscalationReason.COMPLEX, "triage-life-problems: " + String.join(" + ", problems)));
    }
}
