package nl.loket.knowledge;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an article in the file format the loader reads (YAML front matter, then the Markdown body), so that a draft
 * is checked by the very rules of {@link ArticleParser} and an export reads back as the same article.
 */
final class ArticleMarkdown {

    private ArticleMarkdown() {
    }

    /** The file an article lives in, relative to the knowledge base's folder: {@code nl/paspoort.md}. */
    static String fileName(String language, String topic) {
        return language + "/" + topic + ".md";
    }

    static String write(Article a) {
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("id", a.id());
        front.put("topic", a.topic());
        front.put("language", a.language());
        front.put("title", a.title());
        front.put("summary", a.summary());
        front.put("source", a.source());
        front.put("lastReviewed", a.lastReviewed() == null ? null : a.lastReviewed().toString());
        if (!a.related().isEmpty()) {
            front.put("related", a.related());
        }
        front.put("examples", a.examples());
        front.put("keywords", a.keywords());
        if (a.sample()) {
            front.put("sample", true);
        }
        return write(front, a.body());
    }

    /** Front-matter fields as given (of any type: the parser says which is wrong) and the body. */
    static String write(Map<String, Object> front, String body) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(1000);
        options.setSplitLines(false);
        return "---\n" + new Yaml(options).dump(front) + "---\n" + body.strip() + "\n";
    }
}
