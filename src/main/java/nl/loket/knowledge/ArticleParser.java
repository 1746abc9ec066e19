package nl.loket.knowledge;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses and validates one article file: YAML front matter between {@code ---} lines, then the Markdown body. */
final class ArticleParser {

    static final int MAX_SUMMARY = 300;
    static final int MIN_EXAMPLES = 3;
    static final Set<String> LANGUAGES = Set.of("nl", "en");

    private static final Set<String> FIELDS = Set.of("id", "topic", "language", "title", "summary", "source",
            "lastReviewed", "related", "examples", "keywords", "sample");
    private static final Pattern SLUG = Pattern.compile("(?<![a-z0-9-])[a-z0-9][a-z0-9-]*+(?<!-)");
    private static final Pattern DELIMITER = Pattern.compile("^---\\s*$", Pattern.MULTILINE);

    private ArticleParser() {
    }

    /**
     * @param file    the name to show in error messages, such as {@code knowledge/nl/paspoort.md}
     * @param content the whole file
     */
    static Article parse(String file, String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        text = text.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new InvalidArticleException(file, null, "no YAML front matter; the file must start with a '---' line");
        }
        var end = DELIMITER.matcher(text);
        if (!end.find(4)) {
            throw new InvalidArticleException(file, null, "front matter is not closed by a '---' line");
        }
        String yamlText = text.substring(4, end.start());
        String body = text.substring(end.end()).strip();

        Map<String, Object> fm = readYaml(file, yamlText);
        for (String key : fm.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new InvalidArticleException(file, key, "is not a known field; known fields are " + FIELDS.stream().sorted().toList());
            }
        }
        Fields f = new Fields(file, fm);
        String id = f.requiredString("id");
        String topic = f.requiredString("topic");
        String language = f.requiredString("language");
        String title = f.requiredString("title");
        String summary = f.requiredString("summary");
        String source = f.requiredString("source");
        LocalDate lastReviewed = f.requiredDate("lastReviewed");
        List<String> related = f.stringList("related", false);
        List<String> examples = f.stringList("examples", true);
        List<String> keywords = f.stringList("keywords", true);
        boolean sample = f.optionalBoolean("sample");

        if (!LANGUAGES.contains(language)) {
            throw new InvalidArticleException(file, "language", "is '" + language + "'; it must be one of nl, en");
        }
        if (!SLUG.matcher(topic).matches()) {
            throw new InvalidArticleException(file, "topic", "is '" + topic + "'; a topic is a lowercase slug like 'grofvuil' or 'uittreksel-brp'");
        }
        if (!id.equals(language + "-" + topic)) {
            throw new InvalidArticleException(file, "id", "is '" + id + "'; it must be '" + language + "-" + topic + "' (<language>-<topic>)");
        }
        String fileName = file.substring(file.lastIndexOf('/') + 1);
        if (!fileName.equals(topic + ".md")) {
            throw new InvalidArticleException(file, "topic", "is '" + topic + "' but the file is named '" + fileName + "'; name it '" + topic + ".md'");
        }
        int summaryLength = summary.codePointCount(0, summary.length());
        if (summaryLength > MAX_SUMMARY) {
            throw new InvalidArticleException(file, "summary", "is " + summaryLength + " characters; at most " + MAX_SUMMARY + " fit two SMS segments");
        }
        checkSource(file, source);
        for (String r : related) {
            if (!SLUG.matcher(r).matches()) {
                throw new InvalidArticleException(file, "related", "has '" + r + "', which is not a topic slug");
            }
        }
        if (examples.size() < MIN_EXAMPLES) {
            throw new InvalidArticleException(file, "examples", "has " + examples.size() + (examples.size() == 1 ? " entry" : " entries")
                    + "; at least " + MIN_EXAMPLES + " are needed to train the topic categorizer");
        }
        if (body.isBlank()) {
            throw new InvalidArticleException(file, null, "has an empty body; write short paragraphs and a numbered list of steps");
        }
        return new Article(id, topic, language, title, summary, body, source, lastReviewed, related, examples, keywords, sample);
    }

    private static void checkSource(String file, String source) {
        try {
            URI uri = new URI(source);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getHost().isBlank()) {
                throw new InvalidArticleException(file, "source", "is '" + source + "'; it must be an https URL");
            }
        } catch (URISyntaxException e) {
            throw new InvalidArticleException(file, "source", "is '" + source + "'; it must be an https URL (" + e.getReason() + ")", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(String file, String yamlText) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        // No implicit timestamps: dates stay strings so that LocalDate.parse can reject impossible dates.
        Resolver resolver = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL, BOOL, "yYnNtTfFoO");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.INT, INT, "-+0123456789");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.FLOAT, FLOAT, "-+0123456789.");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.MERGE, MERGE, "<");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
            }
        };
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options, resolver);
        Object loaded;
        try {
            loaded = yaml.load(yamlText);
        } catch (YAMLException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
            throw new InvalidArticleException(file, null, "front matter is not valid YAML: " + reason, e);
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new InvalidArticleException(file, null, "front matter must be a YAML mapping of fields");
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new InvalidArticleException(file, String.valueOf(key), "is not a valid field name");
            }
        }
        return (Map<String, Object>) map;
    }

    /** Typed access to front-matter fields, with messages that name the file and field. */
    private record Fields(String file, Map<String, Object> values) {

        String requiredString(String field) {
            Object v = values.get(field);
            if (v == null) {
                throw missing(field);
            }
            if (!(v instanceof String s)) {
                throw wrongType(field, "a text", v);
            }
            if (s.isBlank()) {
                throw new InvalidArticleException(file, field, "is empty");
            }
            return s.strip();
        }

        LocalDate requiredDate(String field) {
            Object v = values.get(field);
            if (v == null) {
                throw missing(field);
            }
            if (!(v instanceof String s)) {
                throw wrongType(field, "a date like 2026-11-29", v);
            }
            try {
                return LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidArticleException(file, field, "is '" + s + "', which is not a valid date like 2026-11-29", e);
            }
        }

        List<String> stringList(String field, boolean required) {
            Object v = values.get(field);
            if (v == null) {
                if (required) {
                    throw missing(field);
                }
                return List.of();
            }
            if (!(v instanceof List<?> list)) {
                throw wrongType(field, "a list", v);
            }
            List<String> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (!(item instanceof String s)) {
                    throw new InvalidArticleException(file, field, "entry " + (i + 1) + " must be a text, not " + describe(item));
                }
                if (s.isBlank()) {
                    throw new InvalidArticleException(file, field, "entry " + (i + 1) + " is empty");
                }
                out.add(s.strip());
            }
            if (required && out.isEmpty()) {
                throw new InvalidArticleException(file, field, "is empty");
            }
            return out;
        }

        boolean optionalBoolean(String field) {
            Object v = values.get(field);
            if (v == null) {
                return false;
            }
            if (!(v instanceof Boolean b)) {
                throw wrongType(field, "true or false", v);
            }
            return b;
        }

        private InvalidArticleException missing(String field) {
            return new InvalidArticleException(file, field, "is missing");
        }

        private InvalidArticleException wrongType(String field, String expected, Object actual) {
            return new InvalidArticleException(file, field, "must be " + expected + ", not " + describe(actual));
        }

        private static String describe(Object v) {
            if (v == null) {
                return "empty";
            }
            if (v instanceof List<?>) {
                return "a list";
            }
            if (v instanceof Map<?, ?>) {
                return "a mapping";
            }
            if (v instanceof Boolean) {
                return "a boolean (" + v + ")";
            }
            if (v instanceof Number) {
                return "a number (" + v + ")";
            }
            return "a text ('" + v + "')";
        }
    }
}
