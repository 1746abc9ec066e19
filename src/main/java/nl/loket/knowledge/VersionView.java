package nl.loket.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * One version as editors see it.
 *
 * @param status PUBLISHED (live now), DRAFT (the latest, waiting for another editor), REPLACED (was live, a later
 *               version replaced it) or SUPERSEDED (a draft never approved, a newer version was saved after it)
 * @param gateOverridden what the evaluation gate found when a supervisor published this version despite it, or null
 */
record VersionView(int number, ArticleVersion.Kind kind, String status, String author, Instant savedAt,
                   List<String> changed, String note, Integer basedOn, Integer rolledBackTo, String approvedBy,
                   Instant approvedAt, String gateOverridden, Article article) {
}
