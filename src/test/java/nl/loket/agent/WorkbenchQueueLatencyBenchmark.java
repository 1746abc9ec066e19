package nl.loket.agent;

import nl.loket.support.WorkbenchSession;

import nl.loket.support.HandoffIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long from a resident's chat message (the POST) until the task is in the agents' queue poll
 * ({@code /agent/queue.json}, what the queue page reads every 5 s), over 100 messages. Prints the median
 * and p90; asserts no timing. Run: {@code mvn -o verify -Dloket.test.groups=benchmark -Dloket.excluded.test.groups=none -Dtest=WorkbenchQueueLatencyBenchmark}
 */
@Tag("benchmark")
class WorkbenchQueueLatencyBenchmark extends HandoffIntegrationTest {

    private static final int MESSAGES = 100;

    @Test
    void messageToQueue() {
        WorkbenchSession agent = new WorkbenchSession(port).loggedIn("agent1", PASSWORD);
        for (int i = 0; i < 5; i++) {     // warm-up
            say(chat(), "Ik wil een medewerker spreken");
            agent.get("/agent/queue.json");
        }
        List<Double> toQueue = new ArrayList<>();
        List<Double> post = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            Chat chat = chat();
            long start = System.nanoTime();
            JsonNode reply = say(chat, "Ik wil een medewerker spreken");
            post.add((System.nanoTime() - start) / 1e6);
            String reference = reply.get("escalation").get("reference").asString();
            while (!agent.get("/agent/queue.json").body().contains("\"" + reference + "\"")) {
                assertThat(System.nanoTime() - start).as("task never showed up").isLessThan(30_000_000_000L);
            }
            toQueue.add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf("BENCHMARK chat message -> visible in /agent/queue.json over %d messages: median %.1f ms, p90 %.1f ms"
                        + " (the POST alone: median %.1f ms, p90 %.1f ms)%n",
                MESSAGES, percentile(toQueue, 50), percentile(toQueue, 90), percentile(post, 50), percentile(post, 90));
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
