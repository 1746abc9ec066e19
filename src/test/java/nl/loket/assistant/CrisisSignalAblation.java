package nl.loket.assistant;

import nl.loket.platform.privacy.PersonalDataRedactor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each of the three crisis signals (phrase and word lists, danger concepts, classifier) contributes on a
 * labelled set: crisis items each one catches, items only it catches, and alarms it raises on items that are no
 * crisis, counted per list section or concept. Prints counts and signal names only, never a message:
 * {@code mvn -Pevaluation test -Dtest=CrisisSignalAblation -Devaluation.file=…}
 */
@Tag("evaluation")
class CrisisSignalAblation {

    @Test
    void printsWhatEachCrisisSignalCatchesAndWhereItRaisesFalseAlarms() throws Exception {
        Path file = Path.of(System.getProperty("evaluation.file", "src/test/resources/evaluation/devset.jsonl"));
        JsonMapper json = JsonMapper.builder().build();
        PersonalDataRedactor redactor = new PersonalDataRedactor();
        Map<String, TriageRule> rules = Map.of("lists", new CrisisSignals(), "concepts", new CrisisConcepts(),
                "classifier", new CrisisClassifier(Double.parseDouble(System.getProperty("loket.crisis.threshold", String.valueOf(CrisisClassifier.THRESHOLD))), new CrisisConcepts()));
        Map<String, int[]> perRule = new TreeMap<>();
        Map<String, Integer> falseAlarmSignals = new TreeMap<>();
        int crisisItems = 0;
        int caughtByAny = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            boolean crisis = "CRISIS".equals(n.path("reason").asString(null));
            String text = redactor.redact(n.get("text").asString()).text();
            crisisItems += crisis ? 1 : 0;
            List<String> fired = new java.util.ArrayList<>();
            for (Map.Entry<String, TriageRule> rule : rules.entrySet()) {
                var result = new Triage(List.of(rule.getValue())).classify(text);
                if (result.isPresent()) {
                    fired.add(rule.getKey());
                    if (!crisis) {
                        String signal = result.get().signal();
                        String name = rule.getKey() + " " + (signal.contains(":") ? signal.substring(0, signal.indexOf(':')) : signal);
                        falseAlarmSignals.merge(name, 1, Integer::sum);
                    }
                }
            }
            for (String rule : rules.keySet()) {
                int[] counts = perRule.computeIfAbsent(rule, k -> new int[3]);
                if (fired.contains(rule)) {
                    if (crisis) {
                        counts[0]++;
                        if (fired.size() == 1) {
                            counts[1]++;
                        }
                    } else {
                        counts[2]++;
                    }
                }
            }
            caughtByAny += crisis && !fired.isEmpty() ? 1 : 0;
        }
        System.out.printf("%n=== Crisis signals on %s: %d crisis items, %d caught by any ===%n", file.getFileName(), crisisItems, caughtByAny);
        System.out.printf("%-12s %8s %10s %13s%n", "signal", "catches", "only this", "false alarms");
        perRule.forEach((rule, c) -> System.out.printf("%-12s %8d %10d %13d%n", rule, c[0], c[1], c[2]));
        System.out.println("False alarms by list section or concept:");
        falseAlarmSignals.forEach((signal, count) -> System.out.printf("  %3d  %s%n", count, signal));
    }
}
