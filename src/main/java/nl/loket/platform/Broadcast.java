package nl.loket.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A small notice to every instance at once (Redis pub/sub), for what only needs to be seen live: "task x changed",
 * "the resident of conversation y wrote". Nothing depends on it arriving: a notice carries an id, never personal data,
 * and whoever needs the truth reads it from Redis. An instance that was away misses notices; its pages poll as a
 * fallback. One subscribing connection per instance, re-opened after a failure.
 */
@Component
public class Broadcast implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Broadcast.class);

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile JedisPubSub subscription;
    private Thread thread;

    public Broadcast(Pool<Jedis> pool, RedisKeys keys) {
        this.pool = pool;
        this.keys = keys;
    }

    /** Sends a notice on a topic to every instance (this one included); a Redis failure is logged, not thrown. */
    public void publish(String topic, String notice) {
        try (Jedis jedis = pool.getResource()) {
            jedis.publish(channel(topic), notice);
        } catch (JedisException e) {
            log.debug("Broadcast on {} not sent: {}", topic, e.getMessage());
        }
    }

    /** Calls the listener, on the subscriber thread, for every notice on this topic; keep it short. */
    public void subscribe(String topic, Consumer<String> listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    private String channel(String topic) {
        return keys.key("broadcast", topic);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "loket-broadcast");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        String prefix = channel("");
        while (running) {
            JedisPubSub pubSub = new JedisPubSub() {
                @Override
                public void onPMessage(String pattern, String channel, String message) {
                    String topic = channel.substring(prefix.length());
                    for (Consumer<String> listener : listeners.getOrDefault(topic, List.of())) {
                        try {
                            listener.accept(message);
                        } catch (RuntimeException e) {
                            log.warn("Broadcast listener on {} failed: {}", topic, e.toString());
                        }
                    }
                }
            };
            subscription = pubSub;
            Jedis jedis = null;
            try {
                jedis = pool.getResource();
                jedis.psubscribe(pubSub, prefix + "*");
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Broadcast subscription lost, retrying: {}", e.toString());
                    sleepQuietly();
                }
            } finally {
                release(jedis, pubSub);
            }
        }
    }

    /**
     * Gives the subscribing connection back, but never while it is still subscribed: the pool would hand it to a
     * request, whose commands Redis refuses in that state and whose replies cross with the notices. Closing its socket
     * first makes the pool's next user open a fresh one.
     */
    private static void release(Jedis jedis, JedisPubSub pubSub) {
        if (jedis == null) {
            return;
        }
        if (pubSub.isSubscribed()) {
            log.warn("Broadcast connection still subscribed on release; disconnecting it");
            try {
                jedis.disconnect();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        }
        jedis.close();
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        JedisPubSub s = subscription;
        if (s != null && s.isSubscribed()) {
            try {
                s.punsubscribe();
            } catch (RuntimeException ignored) {
                // the connection is gone already
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
