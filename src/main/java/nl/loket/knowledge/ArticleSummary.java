package nl.loket.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An article in the editors' list.
 *
 * @param status           PUBLISHED (the latest version is live), DRAFT (a draft waits for approval; the live version,
 *                         if any, stays until then)
 * @param draft            the id of the draft waiting for approval, or null
 * @param lastReviewed     of the live version (of the draft for an article not yet published)
 * @param reviewDue        {@code lastReviewed} plus {@code loket.knowledge.editing.review-interval}
 * @param source           the source link of the live version (of the draft for an article not yet published)
 * @param sourceStatus     OK, BROKEN or UNCHECKED (not checked yet, or the link changed since the last check)
 * @param sourceHttpStatus the status the source answered with at the last check; null when it did not answer
 * @param sourceProblem    why a source without an answer is broken: {@code timeout} or {@code connection}; else null
 * @param sourceCheckedAt  when the source was last checked; null while UNCHECKED
 * @param use              answers and "not helped" over the last {@value ArticleUse#DAYS} days; null when nothing
 *                         counts them (no insight module)
 */
record ArticleSummary(String id, String topic, String language, String title, String status, Integer publishedVersion,
                      int latestVersion, String draft, LocalDate lastReviewed, LocalDate reviewDue, String source,
                      String sourceStatus, Integer sourceHttpStatus, String sourceProblem, Instant sourceCheckedAt,
                      ArticleUse.Use use) {

    static final String UNCHECKED = "UNCHECKED";

    /** This row with the last check of its source; null: not checked yet. */
    ArticleSummary withSource(SourceCheck check) {
        return new ArticleSummary(id, topic, language, title, status, publishedVersion, latestVersion, draft, lastReviewed,
                reviewDue, source, check == null ? UNCHECKED : check.result().name(),
                check == null ? null : check.httpStatus(), check == null ? null : check.problem(),
                check == null ? null : check.checkedAt(), use);
    }

    /** This row with its answers and "not helped" of the last days. */
    ArticleSummary withUse(ArticleUse.Use figures) {
        return new ArticleSummary(id, topic, language, title, status, publishedVersion, latestVersion, draft, lastReviewed,
                reviewDue, source, sourceStatus, sourceHttpStatus, sourceProblem, sourceCheckedAt, figures);
    }

    /** What the editors' list says in the column "Bron". */
    @JsonIgnore
    public String sourceLabel() {
        return UNCHECKED.equals(sourceStatus) ? "nog niet gecontroleerd"
                : SourceCheck.label(SourceCheck.Result.valueOf(sourceStatus), sourceHttpStatus, sourceProblem);
    }

    @JsonIgnore
    public boolean sourceBroken() {
        return "BROKEN".equals(sourceStatus);
    }
}
