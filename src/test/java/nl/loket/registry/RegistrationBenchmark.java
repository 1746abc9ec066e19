package nl.loket.registry;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * How long from an agent's close until the contact is registered (outbox poll every 100 ms in this
 * configuration, WireMock on the same machine playing the API), and how fast a backlog drains (e.g. after
 * the API was down): 50 referred chats queued while the route is stopped, then started. Prints figures;
 * asserts no timing. Run: {@code mvn -o verify -Dloket.test.groups=benchmark -Dloket.excluded.test.groups=none -Dtest=RegistrationBenchmark}
 */
@Tag("benchmark")
class RegistrationBenchmark extends RegistryIntegrationTest {

    private static final int CONTACTS = 30;
    private static final int BACKLOG = 50;

    @Test
    void closeToRegisteredAndBacklogDrain() throws Exception {
        for (int i = 0; i < 3; i++) {   // warm-up
            awaitRegistered(referredChat("Ik wil een medewerker spreken", "REFERRED"));
        }
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            String id = referredChat("Ik wil een medewerker spreken", "REFERRED");
            long closed = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> jobs.isDone(id));
            latencies.add((System.nanoTime() - closed) / 1e6);
        }
        Collections.sort(latencies);
        System.out.printf("Registry: close → registered over %d referred chats (4 API calls each, poll 100 ms): "
                        + "median %.0f ms, p90 %.0f ms, max %.0f ms%n", CONTACTS,
                latencies.get(CONTACTS / 2), latencies.get((int) (CONTACTS * 0.9)), latencies.get(CONTACTS - 1));

        camel.getRouteController().stopRoute("registry-outbox");
        List<String> backlog = new ArrayList<>();
        try {
            for (int i = 0; i < BACKLOG; i++) {
                backlog.add(referredChat("Ik wil een medewerker spreken", "REFERRED"));
            }
        } finally {
            camel.getRouteController().startRoute("registry-outbox");
        }
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10))
                .until(() -> backlog.stream().allMatch(jobs::isDone));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Registry: backlog of %d registrations drained in %.2f s (%.1f per second, one instance)%n",
                BACKLOG, seconds, BACKLOG / seconds);
    }
}
