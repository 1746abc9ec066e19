package nl.loket.knowledge;

import java.time.Instant;

/**
 * A second editor's approval of a draft version, which published it.
 *
 * @param gateOverridden what the evaluation gate found when a supervisor published despite it; null when it passed
 */
record Approval(String by, Instant at, String gateOverridden) {

    Approval(String by, Instant at) {
        this(by, at, null);
    }
}
