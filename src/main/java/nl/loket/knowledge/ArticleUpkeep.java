package nl.loket.knowledge;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * How well the published articles are kept, for the service indicators: how many are past their review date
 * ({@code lastReviewed} plus {@code loket.knowledge.editing.review-interval} before today) and how many have a source
 * link that did not work at its last check. Counts only, no article text.
 */
@Component
public class ArticleUpkeep {

    private static final ZoneId TIME_ZONE = ZoneId.of("Europe/Amsterdam");

    /**
     * @param published     the articles live now
     * @param pastReview    of those, the ones past their review date
     * @param brokenSource  of those, the ones whose source link failed at its last check
     * @param uncheckedSource of those, the ones whose source link was not checked yet
     */
    public record Counts(int published, int pastReview, int brokenSource, int uncheckedSource) {
    }

    private final ArticleVersions store;
    private final SourceLinks links;
    private final KnowledgeEditingProperties editing;
    private final Clock clock;

    ArticleUpkeep(ArticleVersions store, SourceLinks links, KnowledgeEditingProperties editing, Clock clock) {
        this.store = store;
        this.links = links;
        this.editing = editing;
        this.clock = clock;
    }

    /** The counts as they are now. */
    public Counts now() {
        LocalDate today = LocalDate.now(clock.withZone(TIME_ZONE));
        List<Article> published = store.articles(store.published());
        Map<String, SourceCheck> checks = links.all();
        int pastReview = 0;
        int broken = 0;
        int unchecked = 0;
        for (Article a : published) {
            if (a.lastReviewed() != null && a.lastReviewed().plusDays(editing.reviewInterval().toDays()).isBefore(today)) {
                pastReview++;
            }
            SourceCheck check = checks.get(a.id());
            if (check == null || !check.url().equals(a.source())) {
                unchecked++;
            } else if (check.broken()) {
                broken++;
            }
        }
        return new Counts(published.size(), pastReview, broken, unchecked);
    }
}
