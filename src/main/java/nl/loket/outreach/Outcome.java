package nl.loket.outreach;

/** What became of one resident in a campaign; the three skips are counted apart. */
enum Outcome {
    SENT, FAILED, OPTED_OUT, NO_ADDRESS, INVALID;

    boolean skipped() {
        return this == OPTED_OUT || this == NO_ADDRESS || this == INVALID;
    }
}
