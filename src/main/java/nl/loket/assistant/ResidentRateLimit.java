package nl.loket.assistant;

import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

import java.time.Clock;

/**
 * Messages per resident per minute, counted in Redis so every instance sees the same count.
 * Over the limit the assistant pauses for that resident; the messages themselves are still stored.
 */
@Component
class ResidentRateLimit {

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Clock clock;
    private final int perMinute;

    ResidentRateLimit(Pool<Jedis> pool, RedisKeys keys, Clock clock, AssistantProperties properties) {
        this.pool = pool;
        this.keys = keys;
        this.clock = clock;
        this.perMinute = properties.messagesPerMinute();
    }

    /** Counts this message; true while the resident stays within the limit. */
    boolean allow(String residentId) {
        long minute = clock.millis() / 60_000;
        String key = keys.key("rate", "resident", residentId, Long.toString(minute));
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined();
            Response<Long> count = p.incr(key);
            p.expire(key, 120);
            p.sync();
            return count.get() <= perMinute;
        }
    }
}
