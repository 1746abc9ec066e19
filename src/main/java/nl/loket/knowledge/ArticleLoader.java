package nl.loket.knowledge;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads every {@code *.md} article under a location and validates them one by one and together (unique ids, known
 * related topics). A location is {@code classpath:<folder>} (also inside a Spring Boot fat jar) or a filesystem folder
 * (a plain path or {@code file:} URL).
 */
final class ArticleLoader {

    static final String DEFAULT_LOCATION = "classpath:knowledge";

    private ArticleLoader() {
    }

    static List<Article> load(String location) {
        return load(location, ArticleLoader.class.getClassLoader());
    }

    /** The folder under a location with residents' labelled questions ({@link AskedQuestion}); optional. */
    static final String QUESTIONS = "questions";
    /** The topic column's value for a question that no article answers. */
    static final String NO_TOPIC = "-";

    /**
     * Reads the labelled questions in {@code <location>/questions/*.txt}: one a line, {@code <language>|<topic>|<question>}
     * with {@code -} as the topic of a question no article answers; {@code #} starts a comment. None is fine.
     *
     * @throws InvalidArticleException when a line is malformed or names a topic that no article has
     */
    static List<AskedQuestion> questions(String location, List<Article> articles) {
        return questions(location, articles, ArticleLoader.class.getClassLoader());
    }

    /**
     * {@link #questions(String, List)} for a knowledge base built from the editors' store, where an article may have been
     * taken offline: the questions of a topic no article has any more are left out instead of refused.
     */
    static List<AskedQuestion> questionsOfLiveTopics(String location, List<Article> articles) {
        return questions(location, articles, ArticleLoader.class.getClassLoader(), true);
    }

    static List<AskedQuestion> questions(String location, List<Article> articles, ClassLoader classLoader) {
        return questions(location, articles, classLoader, false);
    }

    private static List<AskedQuestion> questions(String location, List<Article> articles, ClassLoader classLoader,
                                                 boolean skipUnknownTopics) {
        String loc = location == null || location.isBlank() ? DEFAULT_LOCATION : location.strip();
        List<Source> sources;
        if (loc.startsWith("classpath:") || loc.startsWith("classpath*:")) {
            String base = loc.substring(loc.indexOf(':') + 1).replaceAll("^/+", "").replaceAll("/+$", "");
            sources = fromClasspath(base + "/" + QUESTIONS, "*.txt", classLoader);
        } else {
            Path folder = folderOf(loc).resolve(QUESTIONS);
            sources = Files.isDirectory(folder) ? fromFolder(folder, ".txt") : List.of();
        }
        Set<String> topics = new HashSet<>();
        for (Article a : articles) {
            topics.add(a.topic());
        }
        List<AskedQuestion> out = new ArrayList<>();
        for (Source s : sources) {
            String[] lines = s.content().split("\\R");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|", 3);
                String where = s.name() + " line " + (i + 1);
                if (parts.length < 3 || parts[2].isBlank()) {
                    throw new InvalidArticleException(where, null, "is not <language>|<topic>|<question>");
                }
                String language = parts[0].strip();
                String topic = parts[1].strip();
                if (!ArticleParser.LANGUAGES.contains(language)) {
                    throw new InvalidArticleException(where, "language", "is '" + language + "', not one of " + ArticleParser.LANGUAGES);
                }
                if (!topic.equals(NO_TOPIC) && !topics.contains(topic)) {
                    if (skipUnknownTopics) {
                        continue;
                    }
                    throw new InvalidArticleException(where, "topic", "is '" + topic + "', which no article in the knowledge base has");
                }
                out.add(new AskedQuestion(language, topic.equals(NO_TOPIC) ? null : topic, parts[2].strip()));
            }
        }
        return List.copyOf(out);
    }

    /** Loads with the given class loader for {@code classpath:} locations (tests use one over a jar). */
    static List<Article> load(String location, ClassLoader classLoader) {
        String loc = location == null || location.isBlank() ? DEFAULT_LOCATION : location.strip();
        List<Source> sources = loc.startsWith("classpath:") || loc.startsWith("classpath*:")
                ? fromClasspath(loc.substring(loc.indexOf(':') + 1), "**/*.md", classLoader)
                : fromFolder(folderOf(loc), ".md");
        if (sources.isEmpty()) {
            throw new InvalidArticleException(loc, null, "no *.md articles found");
        }
        List<Article> articles = new ArrayList<>(sources.size());
        for (Source s : sources) {
            articles.add(ArticleParser.parse(s.name(), s.content()));
        }
        validateTogether(sources, articles);
        return List.copyOf(articles);
    }

    private static void validateTogether(List<Source> sources, List<Article> articles) {
        Map<String, String> fileById = new HashMap<>();
        Set<String> topics = new HashSet<>();
        for (Article a : articles) {
            topics.add(a.topic());
        }
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            String file = sources.get(i).name();
            String earlier = fileById.putIfAbsent(a.id(), file);
            if (earlier != null) {
                throw new InvalidArticleException(file, "id", "is '" + a.id() + "', which " + earlier + " already uses");
            }
            for (String r : a.related()) {
                if (!topics.contains(r)) {
                    throw new InvalidArticleException(file, "related", "names topic '" + r + "', which no article in the knowledge base has");
                }
            }
        }
    }

    private record Source(String name, String content) {
    }

    private static List<Source> fromClasspath(String folder, String pattern, ClassLoader classLoader) {
        String base = folder.replaceAll("^/+", "").replaceAll("/+$", "");
        var resolver = new PathMatchingResourcePatternResolver(classLoader);
        Resource[] resources;
        try {
            resources = resolver.getResources("classpath*:" + base + "/" + pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list classpath:" + base, e);
        }
        List<Source> out = new ArrayList<>();
        for (Resource r : resources) {
            if (!r.isReadable()) {
                continue;
            }
            String name = displayName(r, base);
            try (InputStream in = r.getInputStream()) {
                out.add(new Source(name, decode(name, in.readAllBytes())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        out.sort(Comparator.comparing(Source::name));
        return out;
    }

    /** {@code knowledge/nl/paspoort.md}: the part of the resource URL from the base folder on. */
    private static String displayName(Resource r, String base) {
        String url;
        try {
            url = r.getURL().toString();
        } catch (IOException e) {
            url = String.valueOf(r.getFilename());
        }
        int at = url.lastIndexOf("/" + base + "/");
        return at >= 0 ? url.substring(at + 1) : url;
    }

    private static List<Source> fromFolder(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidArticleException(folder.toString(), null, "is not a folder with knowledge articles");
        }
        List<Source> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                String name = (folder.getFileName() == null ? "" : folder.getFileName() + "/") + folder.relativize(p).toString().replace('\\', '/');
                out.add(new Source(name, decode(name, Files.readAllBytes(p))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge folder " + folder, e);
        }
        return out;
    }

    private static String decode(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidArticleException(name, null, "is not valid UTF-8", e);
        }
    }

    private static Path folderOf(String loc) {
        if (!loc.startsWith("file:")) {
            return Path.of(loc);
        }
        try {
            return org.springframework.util.ResourceUtils.getFile(loc).toPath();
        } catch (IOException e) {
            throw new InvalidArticleException(loc, null, "is not a folder with knowledge articles", e);
        }
    }
}
