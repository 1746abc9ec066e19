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
    private final CurrentKnowledge current;

    ArticleOverview(KnowledgeEditing editing, SourceLinks sourceLinks, ObjectProvider<ArticleUse> use,
                    CurrentKnowledge current) {
        this.editing = editing;
        this.current = current;
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

    /**
     * The articles whose title, topic or live text (summary, body, example questions, keywords) holds every word of
     * {@code query}, in any case and with or without accents ("ID kaart kwijt" finds the article on a lost ID card).
     */
    List<ArticleSummary> search(List<ArticleSummary> articles, String query) {
        List<String> words = java.util.Arrays.stream(folded(query).split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return articles;
        }
        KnowledgeBase live = current.current();
        return articles.stream().filter(a -> {
            StringBuilder text = new StringBuilder(a.topic()).append(' ').append(a.title() == null ? "" : a.title());
            live.article(a.topic(), a.language()).ifPresent(article -> text.append(' ').append(article.summary()).append(' ')
                    .append(article.body()).append(' ').append(String.join(" ", article.examples())).append(' ')
                    .append(String.join(" ", article.keywords())));
            String haystack = folded(text.toString());
            return words.stream().allMatch(haystack::contains);
        }).toList();
    }

    private static String folded(String text) {
        return java.text.Normalizer.normalize(text == null ? "" : text, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ");
    }
}
