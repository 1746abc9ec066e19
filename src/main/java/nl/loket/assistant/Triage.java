package nl.loket.assistant;

import nl.loket.platform.text.TextNormalizer;

import java.util.List;
import java.util.Optional;

/**
 * Decides, before any retrieval, whether a message must go to a person. Rules run cheapest and most
 * important first and the first hit wins: a crisis is never downgraded to a complaint.
 */
final class Triage {

    private final List<TriageRule> rules;

    Triage() {
        this(List.of(new CrisisSignals(), new HumanRequestSignals(), new ComplaintSignals(),
                new CaseSpecificSignals(), new ComplexSignals()));
    }

    Triage(List<TriageRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Empty when nothing calls for a person; the assistant may then try to answer. */
    Optional<TriageResult> classify(String text) {
        String normalized = TextNormalizer.forMatching(text);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        for (TriageRule rule : rules) {
            Optional<TriageResult> result = rule.match(normalized);
            if (result.isPresent()) {
                return result;
            }
        }
        return Optional.empty();
    }
}
