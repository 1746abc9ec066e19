package nl.loket.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

/** Prints how many topics a message touches, for answerable and COMPLEX items of a set (-Dknowledge.spread=FILE). */
@EnabledIfSystemProperty(named = "knowledge.spread", matches = ".+")
class TopicSpreadProbe {

    @Test
    void probe() throws Exception {
        KnowledgeBase kb = ShippedKnowledgeBase.get();
        var json = JsonMapper.builder().build();
        for (String line : Files.readAllLines(Path.of(System.getProperty("knowledge.spread")))) {
            if (line.isBlank()) continue;
            JsonNode n = json.readTree(line);
            String expect = n.get("expect").asString();
            String reason = n.path("reason").asString("");
            if (!expect.equals("ANSWER") && !reason.equals("COMPLEX")) continue;
            String lang = n.path("language").asString("nl");
            if (!lang.equals("nl") && !lang.equals("en")) continue;
            var scored = kb.retriever().score(n.get("text").asString(), lang);
            int s5 = 0, s7 = 0, p1 = 0;
            for (var f : scored.candidates()) {
                if (f.searchRelative() >= 0.5) s5++;
                if (f.searchRelative() >= 0.7) s7++;
                if (f.probability() >= 0.1) p1++;
            }
            int words = scored.candidates().isEmpty() ? 0 : scored.candidates().get(0).contentWords();
            System.out.printf("SPREAD %s %d %d %d %d%n", reason.equals("COMPLEX") ? "COMPLEX" : "ANSWER", s5, s7, p1, words);
        }
    }
}
