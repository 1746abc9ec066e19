package nl.loket.assistant;

import java.util.Optional;

/** One cheap, deterministic reason to hand a message to a person. */
interface TriageRule {

    /** @param normalizedText text from {@code TextNormalizer.forMatching} */
    Optional<TriageResult> match(String normalizedText);
}
