package nl.loket.platform;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Texts from the {@code prompts/} folder, so the municipality can change what Loket says without
 * a build. {@code name.nl.txt} is the Dutch text of {@code name}; placeholders are {@code {name}}.
 * A file in the configured folder wins over the copy shipped in the application.
 */
@Component
public class Prompts {

    private final Path folder;
    private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

    public Prompts(PromptProperties properties) {
        this.folder = Path.of(properties.location());
    }

    /** The text in the given language, falling back to Dutch; fails loudly when neither exists. */
    public String text(String name, String language, Map<String, String> values) {
        String template = find(name + "." + language + ".txt")
                .or(() -> find(name + ".nl.txt"))
                .orElseThrow(() -> new IllegalStateException("prompt '" + name + "' is missing in " + folder));
        return fill(template, values);
    }

    /** A text that exists only for some languages (for example the fallback per foreign language). */
    public Optional<String> optional(String relativePath, Map<String, String> values) {
        return find(relativePath).map(t -> fill(t, values));
    }

    /** A raw file, e.g. a system prompt for a language model. */
    public String raw(String relativePath) {
        return find(relativePath).orElseThrow(() -> new IllegalStateException("prompt file '" + relativePath + "' is missing"));
    }

    private Optional<String> find(String relativePath) {
        return cache.computeIfAbsent(relativePath, this::load);
    }

    private Optional<String> load(String relativePath) {
        try {
            Path file = folder.resolve(relativePath).normalize();
            if (file.startsWith(folder) && Files.isRegularFile(file)) {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            ClassPathResource shipped = new ClassPathResource("prompts/" + relativePath);
            if (shipped.exists()) {
                try (InputStream in = shipped.getInputStream()) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + relativePath, e);
        }
    }

    /** One pass, so a value that itself contains "{reference}" (an agent's text) is left as written. */
    private static String fill(String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (placeholder.find()) {
            String key = placeholder.group(1);
            String value = values.containsKey(key) ? String.valueOf(values.get(key) == null ? "" : values.get(key))
                    : placeholder.group();
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_-]*)}");
}
