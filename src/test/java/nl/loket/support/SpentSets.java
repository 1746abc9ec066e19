package nl.loket.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sealed evaluation sets that are spent: reported on, or read while tuning, so they measure nothing any more. Their
 * messages are training data from then on (the topic categorizer's residents' questions, the crisis classifier's
 * examples). A set is added here only after its report was written; a set that still has to measure never is.
 */
public final class SpentSets {

    public static final List<String> SETS = List.of("sealed-2026-12-06.jsonl", "sealed-2026-12-06b.jsonl",
            "sealed-2026-12-06c.jsonl", "sealed-2026-12-06d.jsonl", "sealed-2026-12-06e.jsonl", "sealed-2026-12-07f.jsonl",
            "sealed-2026-12-07g.jsonl", "sealed-2026-12-07h.jsonl", "sealed-2026-12-07i.jsonl",
            "sealed-2026-12-07j.jsonl", "sealed-2026-12-07k.jsonl", "sealed-2026-12-07l.jsonl", "sealed-2026-12-07m.jsonl",
            "sealed-2026-12-07n.jsonl", "sealed-2026-12-07o.jsonl", "sealed-2026-12-07p.jsonl",
            "sealed-2026-12-07q.jsonl");

    public static final Path FOLDER = Path.of("src/test/resources/evaluation");

    /** One labelled message as the sets hold it. */
    public record Item(String id, String text, String language, String expect, String topic, String reason) {

        /** The text on one line, as the training files hold it. */
        public String oneLine() {
            return String.join(" ", text.strip().split("\\s+"));
        }
    }

    private SpentSets() {
    }

    /** The spent sets to use: {@link #SETS}, or a comma-separated list in {@code evaluation.spent} (for leaving one out). */
    public static List<String> sets() {
        String listed = System.getProperty("evaluation.spent", "");
        return listed.isBlank() ? SETS : List.of(listed.split(","));
    }

    public static List<Item> items(String set) {
        JsonMapper json = JsonMapper.builder().build();
        List<Item> items = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(FOLDER.resolve(set))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                items.add(new Item(text(n, "id"), text(n, "text"), text(n, "language"), text(n, "expect"), text(n, "topic"),
                        text(n, "reason")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
