package nl.loket.agent;

import nl.loket.knowledge.Article;
import nl.loket.knowledge.CurrentKnowledge;
import nl.loket.knowledge.KnowledgeBase;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * Title, summary and source link of the public knowledge-base articles, for the workbench's "Invoegen" of a suggested
 * article: read from the knowledge module itself (public content, no resident data), so the agent inserts exactly
 * what the assistant would answer.
 */
@Component
class ArticleLinks {

    /** One article as an agent may insert it into a reply. */
    public record Link(String id, String topic, String language, String title, String summary, String source) {
        public String insertText() {
            return summary + (source == null || source.isBlank() ? "" : "\nMeer informatie: " + source);
        }

        static Link of(Article article) {
            return new Link(article.id(), article.topic(), article.language(), article.title(), article.summary(),
                    article.source());
        }
    }

    private final CurrentKnowledge current;

    ArticleLinks(CurrentKnowledge current) {
        this.current = current;
    }

    /** A suggestion is an article id ("nl-paspoort") or a topic ("paspoort"); topics prefer the conversation's language. */
    Optional<Link> find(String suggestion, String language) {
        if (suggestion == null) {
            return Optional.empty();
        }
        KnowledgeBase knowledge = current.current();
        Optional<Article> byId = knowledge.articles().stream().filter(a -> a.id().equals(suggestion)).findFirst();
        if (byId.isPresent()) {
            return byId.map(Link::of);
        }
        String lang = language == null ? "nl" : language.toLowerCase(Locale.ROOT);
        return knowledge.article(suggestion, lang).map(Link::of);
    }
}
