package nl.loket.resilience;

import nl.loket.support.LoketInstance;
import nl.loket.support.TestRedis;
import nl.loket.support.TwilioSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Load on the full pipeline over HTTP with a real Redis: chat messages and Twilio SMS webhooks at several
 * numbers of concurrent residents for a fixed time, beside the limits of the same machine (a trivial
 * endpoint in the same Spring application, and a Jedis loop doing as many Redis commands as one message
 * needs). Prints a table and writes it to {@code target/benchmark/load.md}; asserts nothing.
 *
 * <p>Run: {@code mvn -o verify -Dloket.test.groups=benchmark -Dloket.excluded.test.groups=none -Dtest=LoadBenchmark}
 * with {@code -Dloket.bench.seconds=10} (per level and kind) and {@code -Dloket.bench.levels=10,50,200}.
 * Redis: a private {@code redis-server} (AOF everysec, as advised for production) when the binary is installed,
 * else the test Redis. The load generator runs in the same JVM as Loket, so heap and RSS include it.
 */
@Tag("benchmark")
class LoadBenchmark {

    static final int SECONDS = Integer.getInteger("loket.bench.seconds", 10);
    static final List<Integer> LEVELS = Arrays.stream(System.getProperty("loket.bench.levels", "10,50,200").split(","))
            .map(String::strip).map(Integer::parseInt).toList();
    static final List<String> QUESTIONS = List.of("Hoe vraag ik een paspoort aan?", "Wanneer wordt het grofvuil opgehaald?",
            "Hoe krijg ik een parkeervergunning?", "Ik ga verhuizen, wat moet ik doen?",
            "Hoe maak ik een afspraak bij de Stadswinkel?", "Mijn container is niet geleegd", "Hoe vraag ik kwijtschelding aan?",
            "How do I apply for a passport?");
    static final int MESSAGES_PER_CONVERSATION = 10;
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The reference endpoint: as little work as Spring MVC and the filters allow. */
    static class PingEndpoint {
        @Bean
        RouterFunction<ServerResponse> benchmarkPing() {
            return RouterFunctions.route().GET("/api/forms/ping", request -> ServerResponse.ok().body("pong")).build();
        }
    }

    static Process ownRedis;
    static Path redisDir;
    static String redisUrl;
    static String redisNote;
    static LoketInstance loket;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        startRedis();
        loket = new LoketInstance(List.of(PingEndpoint.class), redisUrl, "loket-bench-" + UUID.randomUUID(),
                "--loket.rate-limit.per-ip-per-minute=0", "--loket.assistant.messages-per-minute=1000000",
                "--loket.redis.pool-size=" + Math.max(32, LEVELS.stream().max(Integer::compare).orElse(32)),
                "--server.tomcat.threads.max=" + Math.max(200, LEVELS.stream().max(Integer::compare).orElse(200)),
                "--logging.level.nl.loket=WARN");
    }

    @AfterAll
    static void stop() throws IOException {
        if (loket != null) {
            loket.close();
        }
        if (ownRedis != null) {
            ownRedis.destroy();
        }
    }

    record Row(String kind, int concurrency, long ok, long errors, double perSecond, double p50, double p95, double p99,
               long heapMb, long rssMb) { }

    @Test
    void loadTable() throws Exception {
        // Warm-up: classes loaded, caches filled, JIT at work.
        run("chat", 10, Duration.ofSeconds(Math.min(5, SECONDS)), LoadBenchmark::chatResident);
        run("sms", 10, Duration.ofSeconds(Math.min(3, SECONDS)), LoadBenchmark::smsResident);

        RedisCost chatCost = costPer(LoadBenchmark::chatResident);
        RedisCost smsCost = costPer(LoadBenchmark::smsResident);
        long bytesPerConversation = bytesPerConversation();

        List<Row> rows = new ArrayList<>();
        for (int level : LEVELS) {
            Duration time = Duration.ofSeconds(SECONDS);
            rows.add(run("chat message (HTTP, full pipeline)", level, time, LoadBenchmark::chatResident));
            rows.add(run("SMS webhook (HTTP, full pipeline)", level, time, LoadBenchmark::smsResident));
            rows.add(run("trivial endpoint, same app", level, time, LoadBenchmark::pinger));
            rows.add(jedisLoop(level, time, (int) Math.round(chatCost.commands())));
        }
        String table = table(rows, chatCost, smsCost, bytesPerConversation);
        System.out.println(table);
        Path out = Path.of("target", "benchmark", "load.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    // ---- virtual residents: each returns a step that sends one request and reports success ----

    interface Step {
        boolean send() throws Exception;
    }

    /** A chat resident: a session, a few questions, then a new session (a real chat is short). */
    static Step chatResident() {
        return new Step() {
            String session;
            String token;
            int sent;

            @Override
            public boolean send() throws Exception {
                if (session == null || sent % MESSAGES_PER_CONVERSATION == 0) {
                    JsonNode s = JSON.readTree(post("/api/chat/sessions", "application/json", "", Map.of()).body());
                    session = s.get("sessionId").asString();
                    token = s.get("token").asString();
                }
                sent++;
                String text = QUESTIONS.get(ThreadLocalRandom.current().nextInt(QUESTIONS.size()));
                HttpResponse<String> r = post("/api/chat/sessions/" + session + "/messages", "application/json",
                        JSON.writeValueAsString(Map.of("text", text)), Map.of("Authorization", "Bearer " + token));
                return r.statusCode() == 200;
            }
        };
    }

    /** An SMS resident: Twilio webhooks, signed, each with its own MessageSid. */
    static Step smsResident() {
        return new Step() {
            String phone;
            int sent;

            @Override
            public boolean send() throws Exception {
                if (phone == null || sent % MESSAGES_PER_CONVERSATION == 0) {
                    phone = "+3161" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
                }
                sent++;
                Map<String, String> params = new TreeMap<>(Map.of("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
                        "From", phone, "Body", QUESTIONS.get(ThreadLocalRandom.current().nextInt(QUESTIONS.size()))));
                String form = params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
                String signature = TwilioSigner.sign(LoketInstance.TWILIO_TOKEN,
                        LoketInstance.PUBLIC_URL + "/api/channels/twilio/sms", params);
                HttpResponse<String> r = post("/api/channels/twilio/sms", "application/x-www-form-urlencoded", form,
                        Map.of("X-Twilio-Signature", signature));
                return r.statusCode() == 200;
            }
        };
    }

    static Step pinger() {
        return () -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(loket.url("/api/forms/ping"))).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        };
    }

    static HttpResponse<String> post(String path, String contentType, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(loket.url(path))).header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- the runner ----

    static Row run(String kind, int concurrency, Duration time, java.util.function.Supplier<Step> residents) throws Exception {
        long end = System.nanoTime() + time.toNanos();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(concurrency);
        Sampler sampler = new Sampler();
        sampler.start();
        long started = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            long[] mine = new long[1 << 16];
            latencies.add(mine);
            Thread t = new Thread(() -> {
                Step step = residents.get();
                int n = 1;
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = step.send();
                        } catch (Exception e) {
                            ok = false;
                        }
                        if (ok && n < mine.length) {
                            mine[n++] = System.nanoTime() - t0;
                        } else if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    mine[0] = n - 1;
                    done.countDown();
                }
            }, "bench-" + i);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.stop();
        long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a, 1, (int) a[0] + 1)).sorted().toArray();
        return new Row(kind, concurrency, all.length, errors.get(), all.length / seconds,
                percentile(all, 50), percentile(all, 95), percentile(all, 99), sampler.maxHeapMb, sampler.maxRssMb);
    }

    /** The machine's Redis limit for a message's worth of commands: one round trip per command, like Loket's worst case. */
    static Row jedisLoop(int concurrency, Duration time, int commands) throws Exception {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(concurrency);
        config.setMaxIdle(concurrency);
        String value = "x".repeat(600);
        try (JedisPool pool = new JedisPool(config, URI.create(redisUrl))) {
            return run("Jedis loop, " + commands + " commands = 1 message", concurrency, time, () -> () -> {
                String key = "loket-bench-jedis:" + ThreadLocalRandom.current().nextInt(10_000);
                try (Jedis jedis = pool.getResource()) {
                    for (int i = 0; i < commands; i++) {
                        if (i % 3 == 0) {
                            jedis.setex(key, 60, value);
                        } else {
                            jedis.get(key);
                        }
                    }
                }
                return true;
            });
        }
    }

    /**
     * What one message costs in Redis, from the server's own counters (only meaningful on a private Redis): commands,
     * and round trips counted as the server's read events (a pipeline or a transaction sent at once is one read). The
     * idle instance's own reads (the outbox consumers' polls) are measured first and taken off.
     */
    record RedisCost(double commands, double roundTrips) { }

    static RedisCost costPer(java.util.function.Supplier<Step> residents) throws Exception {
        if (ownRedis == null) {
            return new RedisCost(Double.NaN, Double.NaN);
        }
        Thread.sleep(1000); // let the reactions of earlier messages finish
        long idleStart = System.nanoTime();
        long[] idleBefore = counters();
        Thread.sleep(2000);
        long[] idleAfter = counters();
        double idleReadsPerNano = (idleAfter[1] - idleBefore[1]) / (double) (System.nanoTime() - idleStart);
        double idleCommandsPerNano = (idleAfter[0] - idleBefore[0]) / (double) (System.nanoTime() - idleStart);
        long start = System.nanoTime();
        long[] before = counters();
        Step step = residents.get();
        int n = 200;
        for (int i = 0; i < n; i++) {
            step.send();
        }
        Thread.sleep(1000); // the reactions (outbox consumers) of these messages are part of their cost
        long[] after = counters();
        long nanos = System.nanoTime() - start;
        return new RedisCost((after[0] - before[0] - idleCommandsPerNano * nanos) / n,
                (after[1] - before[1] - idleReadsPerNano * nanos) / n);
    }

    /** Commands processed and read events, minus this measuring connection's own. */
    static long[] counters() {
        try (Jedis jedis = new Jedis(URI.create(redisUrl))) {
            String stats = jedis.info("stats");
            return new long[] {stat(stats, "total_commands_processed"), stat(stats, "total_reads_processed")};
        }
    }

    static long stat(String info, String name) {
        return info.lines().filter(l -> l.startsWith(name + ":")).mapToLong(l -> Long.parseLong(l.substring(name.length() + 1).strip()))
                .findFirst().orElseThrow();
    }

    /** Memory one short chat conversation (3 questions, 3 answers) takes in Redis, from used_memory on a private Redis. */
    static long bytesPerConversation() throws Exception {
        if (ownRedis == null) {
            return -1;
        }
        int conversations = 300;
        long before = usedMemory();
        for (int i = 0; i < conversations; i++) {
            JsonNode s = JSON.readTree(post("/api/chat/sessions", "application/json", "", Map.of()).body());
            for (int q = 0; q < 3; q++) {
                post("/api/chat/sessions/" + s.get("sessionId").asString() + "/messages", "application/json",
                        JSON.writeValueAsString(Map.of("text", QUESTIONS.get(q))), Map.of("Authorization", "Bearer " + s.get("token").asString()));
            }
        }
        return (usedMemory() - before) / conversations;
    }

    static long usedMemory() {
        try (Jedis jedis = new Jedis(URI.create(redisUrl))) {
            return Long.parseLong(jedis.info("memory").lines().filter(l -> l.startsWith("used_memory:")).findFirst()
                    .orElseThrow().substring("used_memory:".length()).strip());
        }
    }

    static void startRedis() throws Exception {
        if (Files.isExecutable(Path.of("/usr/bin/redis-server")) || Files.isExecutable(Path.of("/usr/local/bin/redis-server"))) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            redisDir = Files.createTempDirectory("loket-bench-redis");
            ownRedis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "yes", "--appendfsync", "everysec", "--dir", redisDir.toString())
                    .redirectErrorStream(true).redirectOutput(redisDir.resolve("redis.log").toFile()).start();
            redisUrl = "redis://127.0.0.1:" + port;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                try (Jedis jedis = new Jedis(URI.create(redisUrl))) {
                    jedis.ping();
                    break;
                } catch (RuntimeException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
            try (Jedis jedis = new Jedis(URI.create(redisUrl))) {
                redisNote = "private redis-server " + jedis.info("server").lines().filter(l -> l.startsWith("redis_version:"))
                        .findFirst().orElse("?").substring("redis_version:".length()).strip() + ", AOF appendfsync everysec";
            }
        } else {
            redisUrl = TestRedis.serverUrl();
            redisNote = "test Redis " + redisUrl + " (shared; commands and memory per message not measured)";
        }
    }

    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** Peak heap in use and resident set size of this JVM (Loket and the load generator together). */
    static final class Sampler {
        volatile boolean running = true;
        volatile long maxHeapMb;
        volatile long maxRssMb;
        Thread thread;

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    maxHeapMb = Math.max(maxHeapMb, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
                    maxRssMb = Math.max(maxRssMb, rssMb());
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        static long rssMb() {
            try {
                return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                        .map(l -> Long.parseLong(l.replaceAll("\\D", "")) >> 10).findFirst().orElse(-1L);
            } catch (IOException e) {
                return -1;
            }
        }
    }

    static String table(List<Row> rows, RedisCost chat, RedisCost sms, long bytesPerConversation) {
        StringBuilder s = new StringBuilder();
        s.append("# Loket load benchmark, ").append(OffsetDateTime.now().withNano(0)).append("\n\n");
        s.append(String.format("Machine: %d cores, Java %s, max heap %d MB. Redis: %s. %d s per row.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, redisNote, SECONDS));
        s.append("| what | concurrent | ok | errors | per second | p50 ms | p95 ms | p99 ms | heap MB | RSS MB |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            s.append(String.format("| %s | %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %d | %d |%n", r.kind(), r.concurrency(),
                    r.ok(), r.errors(), r.perSecond(), r.p50(), r.p95(), r.p99(), r.heapMb(), r.rssMb()));
        }
        s.append("\nLoket as a share of this machine's limits (same concurrency):\n\n");
        s.append("| concurrent | chat / trivial endpoint | chat / Jedis loop | SMS / trivial endpoint |\n|---:|---:|---:|---:|\n");
        Function<String, java.util.Map<Integer, Double>> byKind = prefix -> rows.stream().filter(r -> r.kind().startsWith(prefix))
                .collect(Collectors.toMap(Row::concurrency, Row::perSecond));
        var chatRate = byKind.apply("chat");
        var smsRate = byKind.apply("SMS");
        var ping = byKind.apply("trivial");
        var jedis = byKind.apply("Jedis");
        for (int level : LEVELS) {
            s.append(String.format("| %d | %.1f %% | %.1f %% | %.1f %% |%n", level, 100 * chatRate.get(level) / ping.get(level),
                    100 * chatRate.get(level) / jedis.get(level), 100 * smsRate.get(level) / ping.get(level)));
        }
        s.append(String.format("%nRedis per message, reactions included (INFO stats, idle polling taken off): chat %.1f commands in "
                + "%.1f round trips, SMS %.1f commands in %.1f round trips. "
                + "Redis memory per short chat conversation (3 questions, 3 answers): %s.%n",
                chat.commands(), chat.roundTrips(), sms.commands(), sms.roundTrips(),
                bytesPerConversation < 0 ? "not measured" : (bytesPerConversation / 1024) + " KB"));
        return s.toString();
    }
}
