package nl.loket.knowledge;

import java.time.LocalDate;

/**
 * An article in the editors' list.
 *
 * @param status         PUBLISHED (the latest version is live), DRAFT (a draft waits for approval; the live version,
 *                       if any, stays until then)
 * @param draft          the id of the draft waiting for approval, or null
 * @param lastReviewed   of the live version (of the draft for an article not yet published)
 * @param reviewDue      {@code lastReviewed} plus {@code loket.knowledge.editing.review-interval}
 */
record ArticleSummary(String id, String topic, String language, String title, String status, Integer publishedVersion,
                      int latestVersion, String draft, LocalDate lastReviewed, LocalDate reviewDue) {
}
