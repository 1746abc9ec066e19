package nl.loket.platform.reactions;

import nl.loket.support.LoketInstance;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reactions between modules are at least once, idempotent per event id, retried, and parked where a supervisor
 * sees and retries them. A real instance on real Redis, with test reactions whose failures the test decides.
 */
class ReactionsIT {

    /** A test event; in Loket these are records of contact and hand-off. */
    public record Ping(String id, String mode) { }

    /** Counts per ping id how often each test reaction ran, and fails while told to. */
    static final Map<String, AtomicInteger> AT_ONCE_RUNS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> LATER_RUNS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> FAILURES_LEFT = new ConcurrentHashMap<>();
    static final Map<String, java.util.concurrent.CountDownLatch> HOLD = new ConcurrentHashMap<>();
    static final java.util.Set<String> HELD = ConcurrentHashMap.newKeySet();

    @Configuration(proxyBeanMethods = false)
    static class TestReactions {
        @Bean
        Reaction<Ping> pingAtOnce() {
            return Reaction.atOnce("test-at-once", Ping.class, ping -> {
                failWhileTold("at-once:" + ping.id());
                AT_ONCE_RUNS.computeIfAbsent(ping.id(), k -> new AtomicInteger()).incrementAndGet();
            });
        }

        @Bean
        Reaction<Ping> pingLater() {
            return Reaction.later("test-later", Ping.class, ping -> {
                failWhileTold("later:" + ping.id());
                holdWhileTold(ping.id());
                LATER_RUNS.computeIfAbsent(ping.id(), k -> new AtomicInteger()).incrementAndGet();
            });
        }

        private static void holdWhileTold(String id) {
            java.util.concurrent.CountDownLatch hold = HOLD.get(id);
            if (hold == null) {
                return;
            }
            HELD.add(id);
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped while held");
            }
        }

        private static void failWhileTold(String key) {
            AtomicInteger left = FAILURES_LEFT.get(key);
            if (left != null && left.getAndDecrement() > 0) {
                throw new IllegalStateException("told to fail");
            }
        }
    }

    static LoketInstance loket;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        loket = new LoketInstance(List.of(TestReactions.class), TestRedis.serverUrl(), "loket-reactions-" + UUID.randomUUID(),
                "--loket.agents[2].username=lead", "--loket.agents[2].password={noop}" + LoketInstance.AGENT_PASSWORD,
                "--loket.agents[2].roles[0]=SUPERVISOR",
                "--loket.reactions.retry-after=300ms", "--loket.reactions.max-attempts=3",
                "--loket.reactions.poll-interval=50ms");
    }

    @AfterAll
    static void stop() {
        if (loket != null) {
            loket.close();
        }
    }

    static String publish(String mode) {
        String id = UUID.randomUUID().toString();
        loket.bean(Reactions.class).publish(new Ping(id, mode));
        return id;
    }

    static int runs(Map<String, AtomicInteger> runs, String id) {
        AtomicInteger n = runs.get(id);
        return n == null ? 0 : n.get();
    }

    @Test
    void aReactionAtOnceRunsBeforePublishReturnsAndOnlyOnceThoughTheStreamDeliversItToo() {
        String id = publish("plain");

        assertThat(runs(AT_ONCE_RUNS, id)).as("ran in the publishing thread").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs(LATER_RUNS, id) == 1);
        // The at-once group's reader has seen the entry by now, and after the retry wait takes it over: done already.
        await().atMost(Duration.ofSeconds(10)).until(() -> pending("test-at-once") == 0);
        assertThat(runs(AT_ONCE_RUNS, id)).as("a second delivery of the same event id does nothing").isEqualTo(1);
        assertThat(runs(LATER_RUNS, id)).isEqualTo(1);
    }

    @Test
    void aFailedReactionIsRetriedFromTheOutboxUntilItSucceeds() {
        String id = UUID.randomUUID().toString();
        FAILURES_LEFT.put("at-once:" + id, new AtomicInteger(1));
        FAILURES_LEFT.put("later:" + id, new AtomicInteger(2));
        loket.bean(Reactions.class).publish(new Ping(id, "flaky"));

        // publish returned although its try at once failed (the worker may already have retried it since)
        assertThat(FAILURES_LEFT.get("at-once:" + id).get()).as("the try at once ran, and failed").isLessThanOrEqualTo(0);
        await().atMost(Duration.ofSeconds(15)).until(() -> runs(AT_ONCE_RUNS, id) == 1 && runs(LATER_RUNS, id) == 1);
        assertThat(parked()).noneMatch(p -> p.get("event").asString().contains(id));
    }

    @Test
    void aReactionThatFailsEveryTryIsParkedAndASupervisorRetriesItOnceFixed() {
        String id = UUID.randomUUID().toString();
        FAILURES_LEFT.put("later:" + id, new AtomicInteger(3));
        loket.bean(Reactions.class).publish(new Ping(id, "broken"));

        await().atMost(Duration.ofSeconds(15)).until(() -> parked().stream()
                .anyMatch(p -> p.get("event").asString().contains(id)));
        JsonNode entry = parked().stream().filter(p -> p.get("event").asString().contains(id)).findFirst().orElseThrow();
        assertThat(entry.get("group").asString()).isEqualTo("test-later");
        assertThat(entry.get("error").asString()).contains("told to fail");
        assertThat(runs(LATER_RUNS, id)).isZero();
        JsonNode overview = JSON.readTree(loket.agentGet("lead", "/api/reactions").body());
        assertThat(overview.get("parked").asLong()).isGreaterThanOrEqualTo(1);

        HttpResponse<String> agent = loket.agentPost("agent0", "/api/reactions/parked/" + entry.get("id").asString() + "/retry", "");
        assertThat(agent.statusCode()).as("agents do not retry reactions").isEqualTo(403);

        // The cause is fixed (no failures left): the supervisor's retry runs it and it leaves the list.
        HttpResponse<String> retried = loket.agentPost("lead", "/api/reactions/parked/" + entry.get("id").asString() + "/retry", "");
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(runs(LATER_RUNS, id)).isEqualTo(1);
        assertThat(parked()).noneMatch(p -> p.get("event").asString().contains(id));
        assertThat(loket.agentPost("lead", "/api/reactions/parked/" + entry.get("id").asString() + "/retry", "").statusCode())
                .as("retried already").isEqualTo(404);
    }

    @Test
    void eventsReadByAStoppedInstanceAreTakenOverAfterTheRetryWait() {
        ReactionStream stream = loket.bean(ReactionStream.class);
        ReactionWorker worker = loket.bean(ReactionWorker.class);
        worker.stop();
        String id;
        try {
            id = publish("orphan");
            // Another instance read the event and died before it finished.
            assertThat(stream.readNew("test-later", "instance-that-died", 100)).isNotEmpty();
            assertThat(runs(LATER_RUNS, id)).isZero();
        } finally {
            worker.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> runs(LATER_RUNS, id) == 1 && pending("test-later") == 0);
    }

    @Test
    void anInstanceStoppedInTheMiddleOfARoundLetsGoOfTheEventsItHadNotStarted() {
        ReactionWorker worker = loket.bean(ReactionWorker.class);
        worker.stop();
        String held = UUID.randomUUID().toString();
        HOLD.put(held, new java.util.concurrent.CountDownLatch(1));
        String next;
        try {
            loket.bean(Reactions.class).publish(new Ping(held, "held"));
            next = publish("plain");
        } finally {
            worker.start();
        }
        // Both were read in one round; the instance stops while the first is being handled.
        await().atMost(Duration.ofSeconds(10)).until(() -> HELD.contains(held));
        worker.stop();
        HOLD.get(held).countDown();
        worker.start();

        // The claim on the second lasts loket.reactions.working-for (a minute) unless the stopping instance let it go.
        await().atMost(Duration.ofSeconds(10)).until(() -> runs(LATER_RUNS, held) == 1 && runs(LATER_RUNS, next) == 1
                && pending("test-later") == 0);
    }

    private static List<JsonNode> parked() {
        HttpResponse<String> response = loket.agentGet("lead", "/api/reactions/parked");
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> out = new java.util.ArrayList<>();
        JSON.readTree(response.body()).forEach(out::add);
        return out;
    }

    private static long pending(String group) {
        return loket.bean(ReactionStream.class).pendingPerGroup().getOrDefault(group, 0L);
    }
}
