package nl.loket.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Title, summary and source link of the public knowledge-base articles, for the workbench's "Invoegen"
 * of a suggested article. The agent module may not use the knowledge module (ModuleBoundariesTest),
 * so this reads only the front matter of the same public article files ({@code loket.knowledge.location});
 * no resident data is involved.
 */
@Component
class ArticleLinks {

    /** One article as an agent may insert it into a reply. */
    public record Link(String id, String topic, String language, String title, String summary, String source) {
        public String insertText() {
            return summary + (source == null || source.isBlank() ? "" : "\nMeer informatie: " + source);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ArticleLinks.class);

    private final Map<String, Link> byId = new HashMap<>();
    private final Map<String, Link> byTopicAndLanguage = new HashMap<>();

    ArticleLinks(@Value("${loket.knowledge.location:classpath:knowledge}") String location) {
        String base = location.strip();
        String pattern = (base.startsWith("classpath:") ? "classpath*:" + base.substring("classpath:".length())
                : base.contains(":") ? base : "file:" + base) + "/**/*.md";
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                read(resource).ifPresent(link -> {
                    byId.put(link.id(), link);
                    byTopicAndLanguage.put(link.topic() + "/" + link.language(), link);
                });
            }
        } catch (IOException e) {
            log.warn("Knowledge articles for the workbench could not be read from {}: {}", location, e.toString());
        }
    }

    /** A suggestion is an article id ("nl-paspoort") or a topic ("paspoort"); topics prefer the conversation's language. */
    Optional<Link> find(String suggestion, String language) {
        if (suggestion == null) {
            return Optional.empty();
        }
        Link link = byId.get(suggestion);
        if (link == null) {
            String lang = language == null ? "nl" : language.toLowerCase(Locale.ROOT);
            link = byTopicAndLanguage.getOrDefault(suggestion + "/" + lang, byTopicAndLanguage.get(suggestion + "/nl"));
        }
        return Optional.ofNullable(link);
    }

    private static Optional<Link> read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.startsWith("---")) {
                return Optional.empty();
            }
            int end = text.indexOf("\n---", 3);
            if (end < 0) {
                return Optional.empty();
            }
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text.substring(3, end));
            if (!(parsed instanceof Map<?, ?> front)) {
                return Optional.empty();
            }
            String id = string(front.get("id"));
            String topic = string(front.get("topic"));
            String language = string(front.get("language"));
            if (id == null || topic == null || language == null) {
                return Optional.empty();
            }
            return Optional.of(new Link(id, topic, language, string(front.get("title")), string(front.get("summary")),
                    string(front.get("source"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String string(Object value) {
        return value == null ? null : value.toString().strip();
    }
}
