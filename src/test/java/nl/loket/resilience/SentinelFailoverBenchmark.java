package nl.loket.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import nl.loket.support.AcknowledgedMessages;
import nl.loket.support.LoketInstance;
import nl.loket.support.RedisSentinelGroup;
import nl.loket.support.ResidentLoad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.awaitility.Awaitility.await;

/**
 * The failover table: two Loket instances on Redis with Sentinel (one master, one replica, three sentinels on this
 * machine) under a steady chat and SMS load, the master killed with SIGKILL a third of the way in. Prints the
 * unavailability window (first failed request to the first 2xx after it), the 503s, acknowledged messages lost and
 * stored twice (both must be 0), and the p99 before, during and after; and what waiting for the replica costs, from
 * the same load on an instance with {@code loket.redis.replication.wait-replicas=0}. Writes the table to
 * {@code target/benchmark/failover.md}; asserts nothing.
 *
 * <p>Run: {@code mvn -o verify -Dloket.test.groups=benchmark -Dloket.excluded.test.groups=none
 * -Dtest=SentinelFailoverBenchmark} ({@code -Dloket.bench.seconds=60 -Dloket.bench.rate=100} are the defaults).
 */
@Tag("benchmark")
class SentinelFailoverBenchmark {

    static final int SECONDS = Integer.getInteger("loket.bench.seconds", 60);
    static final int RATE = Integer.getInteger("loket.bench.rate", 100);
    static final int COST_RATE = 30;
    static final String PREFIX = "loket-failover-bench-" + UUID.randomUUID();

    static RedisSentinelGroup redis;
    static LoketInstance a;
    static LoketInstance b;
    static LoketInstance unreplicated;

    @BeforeAll
    static void start() {
        redis = RedisSentinelGroup.start();
        a = instance();
        b = instance();
        unreplicated = instance("--loket.redis.replication.wait-replicas=0");
    }

    static LoketInstance instance(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--loket.redis.sentinel.master=" + RedisSentinelGroup.MASTER_NAME,
                "--loket.redis.sentinel.nodes=" + redis.sentinelNodes(),
                "--loket.redis.timeout=1s", "--loket.contact.lock-timeout=2s", "--loket.reactions.retry-after=1s",
                "--loket.rate-limit.per-ip-per-minute=0", "--loket.assistant.messages-per-minute=1000",
                "--logging.level.nl.loket=WARN", "--logging.level.redis.clients=WARN"));
        args.addAll(List.of(more));
        return new LoketInstance(null, PREFIX, args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, unreplicated, redis}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // stopping anyway
            }
        }
    }

    @Test
    void failoverTable() throws Exception {
        run(List.of(a, b, unreplicated), Duration.ofSeconds(10)); // warm-up: classes, JIT, pools

        // What waiting for the replica costs: the same load on an instance that waits and one that does not, twice.
        StringBuilder cost = new StringBuilder();
        double[][] waited = new double[3][];
        double[][] notWaited = new double[3][];
        // At a rate one instance handles without queueing, alternating, so drift hits both alike.
        for (int round = 0; round < waited.length; round++) {
            notWaited[round] = millis(run(List.of(unreplicated), COST_RATE, Duration.ofSeconds(8)));
            waited[round] = millis(run(List.of(a), COST_RATE, Duration.ofSeconds(8)));
        }
        double[] on = concatSorted(waited);
        double[] off = concatSorted(notWaited);
        Timer waits = a.bean(MeterRegistry.class).find("loket.redis.replication.wait").timer();
        cost.append("| instance | requests | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|\n");
        cost.append(row("waits for 1 replica (default)", on)).append(row("wait-replicas=0", off));
        var percentiles = waits.takeSnapshot().percentileValues();
        cost.append(String.format(Locale.ROOT, "%nBarrier + WAIT inside Loket (metric loket.redis.replication.wait): %d waits, "
                        + "p50 %.2f ms, p99 %.2f ms, mean %.2f ms, max %.2f ms%n", waits.count(),
                percentiles[0].value(TimeUnit.MILLISECONDS), percentiles[1].value(TimeUnit.MILLISECONDS),
                waits.mean(TimeUnit.MILLISECONDS), waits.max(TimeUnit.MILLISECONDS)));

        // The failover under load.
        ResidentLoad load = new ResidentLoad(List.of(a, b), RATE, RATE / 2).start();
        long started = System.nanoTime();
        LockSupport.parkNanos(Duration.ofSeconds(SECONDS / 3).toNanos());
        HostAndPort old = redis.master();
        long killedAt = System.nanoTime();
        redis.kill(old);
        redis.awaitFailoverFrom(old, Duration.ofSeconds(30));
        long failedOverAt = System.nanoTime();
        LockSupport.parkNanos(Math.max(0, started + Duration.ofSeconds(SECONDS).toNanos() - System.nanoTime()));
        load.stop();

        List<ResidentLoad.Attempt> attempts = load.attempts();
        Optional<long[]> window = ResidentLoad.window(attempts, killedAt);
        long windowEnd = window.map(w -> w[1]).orElse(killedAt);
        Map<Integer, Long> statuses = ResidentLoad.statuses(attempts);
        AcknowledgedMessages.Check check = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    try (Jedis master = redis.connectToMaster()) {
                        return AcknowledgedMessages.check(master, PREFIX, load.sent());
                    }
                }, c -> c.withoutTask().isEmpty());

        String table = String.format(Locale.ROOT, """
                ## Failover of the Redis master under load

                %d s of chat and SMS messages at %d per second (a fifth by SMS, every 8th chat asking for a person) on two
                instances; the master killed (SIGKILL) after %d s. Clients resend after a 503 after 200 ms with the same
                Idempotency-Key or MessageSid.

                | figure | value |
                |---|---|
                | sentinels agreed on the new master after the kill | %d ms |
                | unavailability window (first failed request to the first 2xx after it) | %s |
                | requests answered 503 | %d |
                | other failures (500, no answer) | %d |
                | messages acknowledged (2xx) | %d, of which %d hand-offs |
                | acknowledged messages lost | %d |
                | messages stored twice | %d |
                | acknowledged hand-offs without a task | %d |
                | p99 before the kill | %.1f ms |
                | p99 during (kill to end of window) | %.1f ms |
                | p99 after | %.1f ms |
                | statuses of all requests | %s |
                | stored twice (tokens) | %s |

                ## What waiting for the replica costs

                Chat and SMS at %d per second, 8 s, three times each, alternating, on one instance that waits for one replica
                and one that does not (HTTP round trip of every request, including opening chat sessions):

                %s""",
                SECONDS, RATE, SECONDS / 3,
                (failedOverAt - killedAt) / 1_000_000,
                window.map(w -> (w[1] - w[0]) / 1_000_000 + " ms").orElse("none (no request failed)"),
                statuses.getOrDefault(503, 0L),
                statuses.entrySet().stream().filter(e -> e.getKey() != 503 && (e.getKey() < 200 || e.getKey() >= 300))
                        .mapToLong(Map.Entry::getValue).sum(),
                check.acknowledged(), check.handoffs(), check.lost().size(), check.duplicates().size(),
                check.withoutTask().size(),
                ResidentLoad.p99(attempts, t -> t < killedAt),
                ResidentLoad.p99(attempts, t -> t >= killedAt && t <= windowEnd),
                ResidentLoad.p99(attempts, t -> t > windowEnd),
                statuses, check.duplicates(), COST_RATE, cost);
        System.out.println(table);
        Path out = Path.of("target", "benchmark", "failover.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    private static List<ResidentLoad.Attempt> run(List<LoketInstance> instances, Duration time) throws InterruptedException {
        return run(instances, RATE, time);
    }

    private static List<ResidentLoad.Attempt> run(List<LoketInstance> instances, int rate, Duration time)
            throws InterruptedException {
        ResidentLoad load = new ResidentLoad(instances, rate, Math.max(5, rate / 2)).start();
        LockSupport.parkNanos(time.toNanos());
        load.stop();
        return load.attempts();
    }

    private static double[] millis(List<ResidentLoad.Attempt> attempts) {
        return attempts.stream().mapToDouble(ResidentLoad.Attempt::millis).toArray();
    }

    private static double[] concatSorted(double[][] parts) {
        return java.util.Arrays.stream(parts).flatMapToDouble(java.util.Arrays::stream).sorted().toArray();
    }

    private static String row(String name, double[] sorted) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", name, sorted.length,
                ResidentLoad.percentile(sorted, 0.5), ResidentLoad.percentile(sorted, 0.95), ResidentLoad.percentile(sorted, 0.99));
    }
}
