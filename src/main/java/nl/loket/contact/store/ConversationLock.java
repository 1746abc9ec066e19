package nl.loket.contact.store;

import nl.loket.contact.ContactProperties;
import nl.loket.platform.Ids;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.params.SetParams;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * One conversation's messages are handled one at a time, in order, even across instances: a Redis
 * lock with an owner token and an expiry, so a dead instance cannot hold a conversation forever.
 */
@Component
public class ConversationLock {

    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";

    /**
     * A lock this thread holds, with the keys read in the same round trip as taking it (so they are read under the
     * lock without a round trip of their own).
     */
    public static final class Held {
        private final String key;
        private final String token;
        private final List<String> read;
        private boolean released;

        private Held(String key, String token, List<String> read) {
            this.key = key;
            this.token = token;
            this.read = read;
        }

        /** The value of the i-th key read with the lock, or null when it was not there. */
        public String read(int i) {
            return read.get(i);
        }
    }

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final ContactProperties properties;

    ConversationLock(Pool<Jedis> pool, RedisKeys keys, ContactProperties properties) {
        this.pool = pool;
        this.keys = keys;
        this.properties = properties;
    }

    public <T> T withLock(String conversationId, Supplier<T> work) {
        Held held = acquire(conversationId, List.of());
        try {
            return work.get();
        } finally {
            release(held);
        }
    }

    /** Takes the lock, waiting up to the lock timeout, and reads {@code readKeys} right after it in the same round trip. */
    public Held acquire(String conversationId, List<String> readKeys) {
        String key = keys.key("lock", "conversation", conversationId);
        String token = Ids.newSecret();
        long ttlMillis = properties.lockTimeout().toMillis();
        long deadline = System.nanoTime() + properties.lockTimeout().toNanos();
        long backoffMicros = 500;
        while (true) {
            List<String> read = tryAcquire(key, token, ttlMillis, readKeys);
            if (read != null) {
                return new Held(key, token, read);
            }
            if (System.nanoTime() > deadline) {
                throw new ConversationBusyException();
            }
            LockSupport.parkNanos(backoffMicros * 1_000);
            backoffMicros = Math.min(backoffMicros * 2, 50_000);
        }
    }

    /** Gives the lock back, unless the writes that ended the step gave it back already ({@link #releaseWith}). */
    public void release(Held held) {
        if (held.released) {
            return;
        }
        try (Jedis jedis = pool.getResource()) {
            jedis.eval(RELEASE, List.of(held.key), List.of(held.token));
        }
        held.released = true;
    }

    /** Gives the lock back as the last command of the step's final writes: Redis applies them in order. */
    public void releaseWith(PipeliningBase writes, Held held) {
        writes.eval(RELEASE, List.of(held.key), List.of(held.token));
    }

    /** The writes that carried {@link #releaseWith} went through. */
    public void released(Held held) {
        held.released = true;
    }

    /** The values read when the lock was taken, or null when another holds it (what was read then says nothing). */
    private List<String> tryAcquire(String key, String token, long ttlMillis, List<String> readKeys) {
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined();
            Response<String> taken = p.set(key, token, SetParams.setParams().nx().px(ttlMillis));
            List<Response<String>> values = new ArrayList<>();
            for (String readKey : readKeys) {
                values.add(p.get(readKey));
            }
            p.sync();
            if (!"OK".equals(taken.get())) {
                return null;
            }
            List<String> read = new ArrayList<>(values.size());
            values.forEach(v -> read.add(v.get()));
            return read;
        }
    }
}
