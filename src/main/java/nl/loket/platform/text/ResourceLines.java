package nl.loket.platform.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the editable lists the municipality maintains as classpath resources: one entry a line, blank
 * lines and lines starting with {@code #} ignored. A missing list is a packaging error, so it fails loudly.
 */
public final class ResourceLines {

    private ResourceLines() {
    }

    /** The meaningful, trimmed lines of a classpath resource such as {@code /assistant/signals/crisis.txt}. */
    public static List<String> read(String resourcePath) {
        try (InputStream in = ResourceLines.class.getResourceAsStream(resourcePath)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resourcePath);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + resourcePath, e);
        }
    }
}
