package nl.loket.knowledge;

import nl.loket.platform.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link SharedModels} in Redis: one key per digest, written once (the first offer wins) and kept for an hour. A model
 * of the shipped knowledge base is about 14 MB, so only the moments that need it keep one: the other instances switching
 * to a new release (seconds) and instances restarted soon after. Sharing is an optimisation: when Redis fails, or later,
 * an instance trains its own.
 */
@Component
class RedisSharedModels implements SharedModels {

    private static final Logger log = LoggerFactory.getLogger(RedisSharedModels.class);
    static final Duration KEPT = Duration.ofHours(1);

    private final Pool<Jedis> pool;
    private final RedisKeys keys;

    RedisSharedModels(Pool<Jedis> pool, RedisKeys keys) {
        this.pool = pool;
        this.keys = keys;
    }

    @Override
    public Optional<byte[]> find(String digest) {
        try (Jedis jedis = pool.getResource()) {
            return Optional.ofNullable(jedis.get(key(digest)));
        } catch (JedisException e) {
            log.warn("Shared topic model not readable ({}); this instance trains its own", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void offer(String digest, byte[] model) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(key(digest), model, SetParams.setParams().nx().px(KEPT.toMillis()));
        } catch (JedisException e) {
            log.warn("Trained topic model not shared ({}); other instances train their own", e.getClass().getSimpleName());
        }
    }

    private byte[] key(String digest) {
        return keys.key("knowledge", "model", digest).getBytes(StandardCharsets.UTF_8);
    }
}
