package nl.loket.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;

/** Prints retrievals for questions in a file, one "language|question" a line (-Dknowledge.probe=FILE). */
@EnabledIfSystemProperty(named = "knowledge.probe", matches = ".+")
class RetrievalProbe {

    @Test
    void probe() throws Exception {
        try (KnowledgeBase kb = KnowledgeBase.load(System.getProperty("knowledge.location", "classpath:knowledge"))) {
            for (String line : Files.readAllLines(Path.of(System.getProperty("knowledge.probe")))) {
                if (line.isBlank()) continue;
                String[] p = line.split("\\|", 2);
                Retrieval r = kb.retrieve(p[1], p[0]);
                var s = kb.retriever().score(p[1], p[0]);
                String words = s.search() == null ? "" : String.join(" ", s.search().words().stream().map(w -> w.word() + ":" + w.how()).toList());
                System.out.printf("PROBE %-28s %.2f  %-24s | %s | %s%n", r.topic(), r.confidence(), r.runnerUpTopic(), p[1], words);
            }
        }
    }
}
