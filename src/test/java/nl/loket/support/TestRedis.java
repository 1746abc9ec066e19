package nl.loket.support;

import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Which Redis the tests use: {@code LOKET_TEST_REDIS_URL} when set ({@code embedded} forces the embedded one), the machine's Redis on 6379 when
 * it answers, otherwise none (then Loket starts its embedded Redis). Each test JVM writes under its
 * own key prefix, so runs never see each other's data.
 */
public final class TestRedis {

    public static final String KEY_PREFIX = "loket-test-" + Long.toString(System.nanoTime(), 36);
    private static final String URL = detect();

    private TestRedis() { }

    /** A redis:// URL, or empty for the embedded server. */
    public static String url() {
        return URL;
    }

    /**
     * A Redis URL that is always a server outside any Spring context: the machine's Redis, or one
     * embedded server started for this test JVM, so several Loket instances can share it and it outlives them.
     */
    public static synchronized String serverUrl() {
        if (external()) {
            return URL;
        }
        // A free port can be taken by someone else before Redis binds it: try a few.
        for (int attempt = 1; shared == null; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                socket.close();
                RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                        .setting("appendonly no").onShutdownForceStop(true).build();
                server.start();
                shared = server;
                sharedUrl = "redis://127.0.0.1:" + port;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.stop();
                    } catch (IOException e) {
                        // the JVM is ending anyway
                    }
                }));
            } catch (IOException e) {
                if (attempt == 5) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return sharedUrl;
    }

    private static RedisServer shared;
    private static String sharedUrl;

    public static boolean external() {
        return !URL.isEmpty();
    }

    private static String detect() {
        String configured = System.getenv("LOKET_TEST_REDIS_URL");
        if ("embedded".equalsIgnoreCase(configured)) {
            return "";
        }
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try (Jedis jedis = new Jedis("127.0.0.1", 6379, 300)) {
            return "PONG".equals(jedis.ping()) ? "redis://127.0.0.1:6379" : "";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
