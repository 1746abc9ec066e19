package nl.loket.assistant;

import nl.loket.platform.text.ResourceLines;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One list the municipality edits, {@code /assistant/signals/<name>.txt}: an entry a line, {@code #}
 * comments, optionally grouped under {@code [section]} headers that name what the entries signal.
 */
record SignalList(String name, Map<String, List<String>> sections) {

    /** Entries above the first header belong here. */
    static final String NO_SECTION = "";

    SignalList {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        sections.forEach((section, entries) -> copy.put(section, List.copyOf(entries)));
        sections = Collections.unmodifiableMap(copy);
    }

    static SignalList load(String name) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        String section = NO_SECTION;
        for (String line : ResourceLines.read("/assistant/signals/" + name + ".txt")) {
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            sections.computeIfAbsent(section, s -> new ArrayList<>()).add(line);
        }
        if (sections.isEmpty()) {
            throw new IllegalStateException("Signal list " + name + " is empty");
        }
        return new SignalList(name, sections);
    }

    List<String> entries() {
        return sections.values().stream().flatMap(List::stream).toList();
    }

    /** A stable name for what fired, safe to log: the list, the section and the entry, never resident text. */
    String signal(String section, String entry) {
        return section.isEmpty() ? name + ": " + entry : name + "/" + section + ": " + entry;
    }
}
