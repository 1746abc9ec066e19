package nl.loket.resilience;

import nl.loket.support.LoketInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Redis process is killed (SIGKILL, no shutdown) and started again on its append-only file, configured as
 * {@code docs/operations.md} advises: Loket answers 503 meanwhile and afterwards finds every acknowledged message.
 * Needs a {@code redis-server} binary; skipped without one.
 */
class RedisCrashIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static Path dir;
    static int port;
    static Process redis;
    static LoketInstance loket;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-server")), "redis-server not installed");
        dir = Files.createTempDirectory("loket-redis-crash");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        startRedis();
        loket = new LoketInstance("redis://127.0.0.1:" + port, "loket-crash-" + UUID.randomUUID(), "--loket.redis.timeout=1s");
    }

    @AfterAll
    static void stop() {
        if (loket != null) {
            loket.close();
        }
        if (redis != null) {
            redis.destroyForcibly();
        }
    }

    @Test
    void aKilledRedisRestartedFromItsAppendOnlyFileHasEveryAcknowledgedMessage() throws Exception {
        JsonNode session = JSON.readTree(loket.postJson("/api/chat/sessions", "").body());
        String[] bearer = {"Authorization", "Bearer " + session.get("token").asString()};
        String path = "/api/chat/sessions/" + session.get("sessionId").asString() + "/messages";
        for (String text : new String[] {"Hoe vraag ik een paspoort aan?", "Wanneer wordt het grofvuil opgehaald?"}) {
            assertThat(loket.postJson(path, JSON.writeValueAsString(Map.of("text", text)), bearer).statusCode()).isEqualTo(200);
        }
        String before = loket.get(path, bearer).body();
        // appendfsync everysec: give the last write its second to reach the disk (a machine crash could lose it).
        Thread.sleep(1_500);

        redis.destroyForcibly().waitFor();
        HttpResponse<String> during = loket.postJson(path, "{\"text\":\"Is Redis er nog?\"}", bearer);
        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.headers().firstValue("Retry-After")).isPresent();

        startRedis();
        HttpResponse<String> after = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100)).until(() -> loket.get(path, bearer), r -> r.statusCode() == 200);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(before);
    }

    private static void startRedis() throws IOException, InterruptedException {
        redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "yes", "--appendfsync", "everysec", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> {
                    try (Jedis jedis = new Jedis(URI.create("redis://127.0.0.1:" + port))) {
                        return "PONG".equals(jedis.ping());
                    }
                });
    }
}
