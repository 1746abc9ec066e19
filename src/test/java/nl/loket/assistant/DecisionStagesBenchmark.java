package nl.loket.assistant;

import nl.loket.knowledge.KnowledgeBase;
import nl.loket.platform.privacy.PersonalDataRedactor;
import nl.loket.platform.text.TextNormalizer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the decision time goes, stage by stage, without Redis: redaction, normalisation, input guard,
 * triage, language and retrieval over the development set's messages (p50, p99 and max per stage, after a
 * warm-up). Prints figures; asserts nothing about time. Tag {@code benchmark}:
 * {@code mvn -o verify -Dloket.test.groups=benchmark -Dloket.excluded.test.groups=none -Dtest=DecisionStagesBenchmark}
 */
@Tag("benchmark")
class DecisionStagesBenchmark {

    @Test
    void printsTheTimePerStage() throws Exception {
        List<String> texts = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String line : Files.readAllLines(Path.of("src/test/resources/evaluation/devset.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode n = json.readTree(line);
                texts.add(n.get("text").asString());
            }
        }
        PersonalDataRedactor redactor = new PersonalDataRedactor();
        InputGuard guard = new InputGuard(5000);
        Triage triage = new Triage();
        LanguageDetector languages = new LanguageDetector();
        KnowledgeBase knowledge = KnowledgeBase.load("classpath:knowledge");
        Map<String, Consumer<String>> stages = new LinkedHashMap<>();
        stages.put("redaction", redactor::redact);
        stages.put("normalisation", TextNormalizer::forMatching);
        stages.put("input guard", guard::check);
        stages.put("triage (all rules)", triage::classify);
        CrisisSignals signals = new CrisisSignals();
        CrisisConcepts concepts = new CrisisConcepts();
        stages.put("  crisis phrase and word lists", t -> signals.match(TextNormalizer.forMatching(t)));
        stages.put("  crisis concepts", t -> concepts.match(TextNormalizer.forMatching(t)));
        stages.put("language", languages::detect);
        stages.put("retrieval", t -> knowledge.retrieve(t, "nl"));
        System.out.printf("%-32s %9s %9s %9s%n", "stage (" + texts.size() + " messages)", "p50 ms", "p99 ms", "max ms");
        for (Map.Entry<String, Consumer<String>> stage : stages.entrySet()) {
            for (int round = 0; round < 3; round++) {
                texts.forEach(stage.getValue());
            }
            long[] nanos = new long[texts.size()];
            for (int i = 0; i < texts.size(); i++) {
                long start = System.nanoTime();
                stage.getValue().accept(texts.get(i));
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("%-32s %9.3f %9.3f %9.3f%n", stage.getKey(), nanos[nanos.length / 2] / 1e6,
                    nanos[(int) Math.ceil(0.99 * nanos.length) - 1] / 1e6, nanos[nanos.length - 1] / 1e6);
        }
        knowledge.close();
    }
}
