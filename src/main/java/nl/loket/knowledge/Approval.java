package nl.loket.knowledge;

import java.time.Instant;

/** A second editor's approval of a draft version, which published it. */
record Approval(String by, Instant at) {
}
