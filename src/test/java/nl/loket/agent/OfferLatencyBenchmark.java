package nl.loket.agent;

import nl.loket.support.LoketInstance;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offer latency across two instances: 20 agents of one team are available and stream on instance B, residents escalate
 * on instance A. Prints the time from the resident's POST on A to the {@code offer} event on an agent's stream on B
 * (p50, p95); each offer is then accepted, so the next goes to the next longest-idle agent. Asserts no timing. Run:
 * {@code mvn -o verify -Dloket.test.groups=benchmark -Dloket.excluded.test.groups=none -Dit.test=OfferLatencyBenchmark
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class OfferLatencyBenchmark {

    static final int AGENTS = 20;
    static final int ESCALATIONS = 200;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void escalationToTheOfferOnAnAgentsStreamOnAnotherInstance() throws Exception {
        String prefix = "loket-bench-offers-" + System.nanoTime();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            int n = i + 2;
            args.add("--loket.agents[" + n + "].username=o" + i);
            args.add("--loket.agents[" + n + "].password={noop}" + LoketInstance.AGENT_PASSWORD);
            args.add("--loket.agents[" + n + "].roles[0]=AGENT");
            args.add("--loket.agents[" + n + "].teams[0]=algemeen");
        }
        try (LoketInstance a = new LoketInstance(TestRedis.serverUrl(), prefix, args.toArray(String[]::new));
             LoketInstance b = new LoketInstance(TestRedis.serverUrl(), prefix, args.toArray(String[]::new))) {
            HttpClient http = HttpClient.newHttpClient();
            BlockingQueue<String> offers = new LinkedBlockingQueue<>();
            List<CompletableFuture<?>> streams = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                streams.add(open(http, b, "o" + i, offers));
            }
            for (int i = 0; i < AGENTS; i++) {
                HttpResponse<String> set = b.send(HttpRequest.newBuilder(URI.create(b.url("/api/agent/status")))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"available\"}")), LoketInstance.basic("o" + i));
                assertThat(set.statusCode()).isEqualTo(200);
            }
            List<Double> toOffer = new ArrayList<>();
            for (int i = 0; i < ESCALATIONS; i++) {
                LoketInstance.Chat chat = a.openChat();
                offers.clear();
                long start = System.nanoTime();
                assertThat(a.sendChat(chat, "Ik wil een medewerker spreken").statusCode()).isEqualTo(200);
                String offer = offers.poll(15, TimeUnit.SECONDS);
                assertThat(offer).as("offer %d", i).isNotNull();
                toOffer.add((System.nanoTime() - start) / 1e6);
                String agent = offer.substring(0, offer.indexOf(' '));
                String task = JSON.readTree(offer.substring(offer.indexOf(' ') + 1)).path("id").asString();
                assertThat(b.agentPost(agent, "/api/agent/handoffs/" + task + "/offer/accept", "").statusCode()).isEqualTo(200);
            }
            System.out.printf("BENCHMARK offers, %d agents available and streaming on instance B, %d escalations on A:"
                            + " escalation (resident's POST) -> 'offer' event on an agent's stream p50 %.1f ms, p95 %.1f ms%n",
                    AGENTS, ESCALATIONS, percentile(toOffer, 50), percentile(toOffer, 95));
            streams.forEach(s -> s.cancel(true));
        }
    }

    /** Puts "agent {data}" of every offer event on this agent's stream into the shared queue. */
    private static CompletableFuture<?> open(HttpClient http, LoketInstance instance, String user, BlockingQueue<String> offers)
            throws InterruptedException {
        BlockingQueue<String> ready = new LinkedBlockingQueue<>();
        String[] auth = LoketInstance.basic(user);
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.url("/api/agent/stream")))
                .header(auth[0], auth[1]).header("Accept", "text/event-stream").GET().build();
        CompletableFuture<?> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(line -> {
                    String compact = line.replace(" ", "");
                    if (compact.startsWith("data:") && compact.contains("\"until\"")) {
                        offers.add(user + " " + compact.substring(5));
                    } else if (compact.equals("event:ready")) {
                        ready.add(line);
                    }
                }));
        assertThat(ready.poll(15, TimeUnit.SECONDS)).isNotNull();
        return response;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
