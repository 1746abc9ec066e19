package nl.loket.assistant;

import nl.loket.platform.text.TextNormalizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses the classifier's threshold on the development set only: for each threshold, how many dev crisis
 * items the classifier alone fires on, and how many non-crisis items it would wrongly raise. Prints, asserts nothing.
 */
@Tag("evaluation")
class CrisisClassifierCheck {

    @Test
    void printsRecallAndFalseAlarmsPerThresholdOnTheDevelopmentSet() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        CrisisClassifier classifier = new CrisisClassifier();
        CrisisConcepts concepts = new CrisisConcepts();
        java.util.List<double[]> scored = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/evaluation/devset.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            boolean crisis = "CRISIS".equals(n.path("reason").asString(null));
            double p = classifier.crisisProbability(TextNormalizer.forMatching(n.get("text").asString()));
            boolean cue = concepts.hasDangerWord(TextNormalizer.forMatching(n.get("text").asString()));
            scored.add(new double[] {cue ? p : 0, crisis ? 1 : 0});
            if (Boolean.getBoolean("evaluation.listAlarms") && (crisis ? p < 0.8 : p >= 0.8 && concepts.hasDangerWord(TextNormalizer.forMatching(n.get("text").asString())))) {
                System.out.printf("%s %.2f %s %s%n", crisis ? "MISSED" : "ALARM ", p, n.get("id").asString(), n.get("text").asString());
            }
        }
        for (double t : new double[] {0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95}) {
            long hit = scored.stream().filter(s -> s[1] == 1 && s[0] >= t).count();
            long crisis = scored.stream().filter(s -> s[1] == 1).count();
            long falseAlarm = scored.stream().filter(s -> s[1] == 0 && s[0] >= t).count();
            long other = scored.stream().filter(s -> s[1] == 0).count();
            System.out.printf("threshold %.2f: crisis %d/%d, false alarms %d/%d%n", t, hit, crisis, falseAlarm, other);
        }
    }
}
