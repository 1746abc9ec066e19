package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints which crisis signal fired on each message of a labelled set that is not a crisis (-Dtriage.probe=FILE), by
 * signal name and id only: for reading false alarms on development and spent sets, never on a sealed one.
 */
@EnabledIfSystemProperty(named = "triage.probe", matches = ".+")
class TriageProbe {

    @Test
    void probe() throws Exception {
        Triage triage = new Triage();
        var json = JsonMapper.builder().build();
        for (String line : Files.readAllLines(Path.of(System.getProperty("triage.probe")))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            if ("CRISIS".equals(n.path("reason").asString(""))) {
                continue;
            }
            triage.classify(n.get("text").asString()).filter(t -> t.reason() == EscalationReason.CRISIS)
                    .ifPresent(t -> System.out.printf("TRIAGE %s %s %s%n", n.get("id").asString(), n.path("kind").asString("-"), t.signal()));
        }
    }
}
