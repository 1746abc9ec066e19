package nl.loket.support;

import redis.clients.jedis.Jedis;

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
