package nl.loket.contact;

import nl.loket.platform.Ids;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.params.SetParams;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * One conversation's messages are handled one at a time, in order, even across instances: a Redis
 * lock with an owner token and an expiry, so a dead instance cannot hold a conversation forever.
 */
@Component
class ConversationLock {

    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final ContactProperties properties;

    ConversationLock(Pool<Jedis> pool, RedisKeys keys, ContactProperties properties) {
        this.pool = pool;
        this.keys = keys;
        this.properties = properties;
    }

    <T> T withLock(String conversationId, Supplier<T> work) {
        String key = keys.key("lock", "conversation", conversationId);
        String token = Ids.newSecret();
        long ttlMillis = properties.lockTimeout().toMillis();
        long deadline = System.nanoTime() + properties.lockTimeout().toNanos();
        long backoffMicros = 500;
        while (!tryAcquire(key, token, ttlMillis)) {
            if (System.nanoTime() > deadline) {
                throw new ConversationBusyException();
            }
            LockSupport.parkNanos(backoffMicros * 1_000);
            backoffMicros = Math.min(backoffMicros * 2, 50_000);
        }
        try {
            return work.get();
        } finally {
            try (Jedis jedis = pool.getResource()) {
                jedis.eval(RELEASE, List.of(key), List.of(token));
            }
        }
    }

    private boolean tryAcquire(String key, String token, long ttlMillis) {
        try (Jedis jedis = pool.getResource()) {
            return "OK".equals(jedis.set(key, token, SetParams.setParams().nx().px(ttlMillis)));
        }
    }
}
