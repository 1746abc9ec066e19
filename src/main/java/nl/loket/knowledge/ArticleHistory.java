package nl.loket.knowledge;

import java.util.List;

/** An article with every version, oldest first, and the version live now (null: only drafts so far). */
record ArticleHistory(String id, Integer publishedVersion, int latestVersion, List<VersionView> versions) {

    @com.fasterxml.jackson.annotation.JsonIgnore
    String topic() {
        return versions.get(0).article().topic();
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    String language() {
        return versions.get(0).article().language();
    }

    ArticleSummary summary(java.time.Duration reviewInterval) {
        VersionView latest = versions.get(versions.size() - 1);
        VersionView shown = publishedVersion == null ? latest : versions.get(publishedVersion - 1);
        boolean draftWaiting = "DRAFT".equals(latest.status());
        var reviewed = shown.article().lastReviewed();
        String status = draftWaiting ? "DRAFT" : publishedVersion == null && "WITHDRAWN".equals(latest.status()) ? "WITHDRAWN"
                : "PUBLISHED";
        return new ArticleSummary(id, topic(), language(), shown.article().title(), status,
                publishedVersion, latestVersion, draftWaiting ? id + "." + latest.number() : null, reviewed,
                reviewed == null ? null : reviewed.plusDays(reviewInterval.toDays()), shown.article().source(),
                ArticleSummary.UNCHECKED, null, null, null, null);
    }
}
