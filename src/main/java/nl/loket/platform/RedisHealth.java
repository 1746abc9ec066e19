package nl.loket.platform;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

import java.time.Clock;
import java.time.Instant;

/**
 * Redis health, checked on a background thread so a health probe never waits on a hanging Redis:
 * the probe only reads the last result.
 */
@Component("redis")
class RedisHealth implements HealthIndicator {

    private final Pool<Jedis> pool;
    private final Clock clock;
    private volatile boolean up;
    private volatile String lastError = "not checked yet";
    private volatile Instant checkedAt;

    RedisHealth(Pool<Jedis> pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
        check();
    }

    @Scheduled(fixedDelayString = "${loket.redis.health-interval:5s}")
    void check() {
        try (Jedis jedis = pool.getResource()) {
            up = "PONG".equals(jedis.ping());
            lastError = null;
        } catch (RuntimeException e) {
            up = false;
            lastError = e.getClass().getSimpleName();
        }
        checkedAt = clock.instant();
    }

    @Override
    public Health health() {
        Health.Builder builder = up ? Health.up() : Health.down().withDetail("error", lastError);
        return builder.withDetail("checkedAt", String.valueOf(checkedAt)).build();
    }
}
