package nl.loket.outreach;

/** A campaign's life: made and checked, sending (also while waiting for its window), done. */
enum CampaignStatus {
    DRAFT, RUNNING, DONE, STOPPED
}
