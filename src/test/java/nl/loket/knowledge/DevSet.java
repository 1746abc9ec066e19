package nl.loket.knowledge;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The labelled development set ({@code src/test/resources/evaluation/devset.jsonl}), when it is there. */
record DevSet(List<Item> items) {

    record Item(String id, String text, String language, String expect, String topic) {
    }

    static final Path FILE = Path.of("src/test/resources/evaluation/devset.jsonl");

    static Optional<DevSet> load() {
        return load(Path.of(System.getProperty("knowledge.devset", FILE.toString())));
    }

    static Optional<DevSet> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        ObjectMapper json = JsonMapper.builder().build();
        List<Item> items = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                items.add(new Item(text(n, "id"), text(n, "text"), text(n, "language"), text(n, "expect"), text(n, "topic")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new DevSet(List.copyOf(items)));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    List<Item> answers() {
        return items.stream().filter(i -> "ANSWER".equals(i.expect())).toList();
    }

    List<Item> noAnswers() {
        return items.stream().filter(i -> "NO_ANSWER".equals(i.expect())).toList();
    }
}
