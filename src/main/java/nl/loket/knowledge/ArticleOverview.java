package nl.loket.knowledge;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The editors' list as the API and the pages show it: every article with the last check of its source link and its
 * answers and "not helped" of the last {@value ArticleUse#DAYS} days (when something counts them).
 */
@Component
class ArticleOverview {

    private static final ArticleUse.Use NONE = new ArticleUse.Use(0, 0);

    private final KnowledgeEditing editing;
    private final SourceLinks sourceLinks;
    private final ObjectProvider<ArticleUse> use;

    ArticleOverview(KnowledgeEditing editing, SourceLinks sourceLinks, ObjectProvider<ArticleUse> use) {
        this.editing = editing;
        this.sourceLinks = sourceLinks;
        this.use = use;
    }

    /** @param topic a topic slug or null for all; @param language nl, en or null for both */
    List<ArticleSummary> list(String topic, String language) {
        ArticleUse counter = use.getIfAvailable();
        Map<String, ArticleUse.Use> figures = counter == null ? null : counter.lastDays(ArticleUse.DAYS);
        return sourceLinks.annotate(editing.list(topic, language)).stream()
                .map(a -> figures == null ? a : a.withUse(figures.getOrDefault(a.id(), NONE)))
                .toList();
    }
}
