package nl.loket.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A small notice to every instance at once (Redis pub/sub), for what only needs to be seen live: "task x changed",
 * "the resident of conversation y wrote". Nothing depends on it arriving: a notice carries an id, never personal data,
 * and whoever needs the truth reads it from Redis. An instance that was away misses notices; its pages poll as a
 * fallback. One subscribing connection per instance, re-opened after a failure.
 *
 * <p>A master that vanished without a reset (power, a cut network, a frozen machine) would leave the subscription
 * waiting on a dead socket for good, and live updates stale on this instance while requests already use the new
 * master. So the subscription is read with {@code loket.redis.listen-timeout} (see {@link RedisConfiguration}) and
 * pinged three times within it: a healthy Redis always answers in time, a dead one ends the subscription, which is
 * then opened again through the pool, on the master Sentinel names now.
 */
@Component
public class Broadcast implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Broadcast.class);

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Duration pingEvery;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    /** Held while pinging, so a ping never lands on the connection after it was given up. */
    private final Object pinging = new Object();
    private volatile boolean running;
    private volatile JedisPubSub subscription;
    private Thread thread;
    private ScheduledExecutorService pinger;

    @Autowired
    public Broadcast(Pool<Jedis> pool, RedisKeys keys, LoketRedisProperties properties) {
        this(pool, keys, properties.listenPingInterval());
    }

    Broadcast(Pool<Jedis> pool, RedisKeys keys, Duration pingEvery) {
        this.pool = pool;
        this.keys = keys;
        this.pingEvery = pingEvery;
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
        pinger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loket-broadcast-ping");
            t.setDaemon(true);
            return t;
        });
        pinger.scheduleWithFixedDelay(this::ping, pingEvery.toMillis(), pingEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Makes a healthy Redis say something within the listen timeout; its PONG arrives among the notices. */
    private void ping() {
        synchronized (pinging) {
            JedisPubSub s = subscription;
            if (s != null && s.isSubscribed()) {
                try {
                    s.ping();
                } catch (RuntimeException e) {
                    // the connection is broken: the subscription's read fails and it is opened again
                }
            }
        }
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
                jedis.ping(); // a pooled connection to a vanished master fails here, within the ordinary timeout
                jedis.psubscribe(pubSub, prefix + "*");
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Broadcast subscription lost, retrying: {}", e.toString());
                    sleepQuietly();
                }
            } finally {
                synchronized (pinging) {
                    subscription = null;
                }
                release(jedis);
            }
        }
    }

    /**
     * Never gives the subscribing connection back as it is: it may still be subscribed, or have a PONG on its way, and
     * the pool would hand it to a request whose commands Redis refuses in that state and whose replies cross with the
     * notices. Its socket is closed and the connection marked broken, so the pool drops it and opens a fresh one.
     */
    private static void release(Jedis jedis) {
        if (jedis == null) {
            return;
        }
        try {
            jedis.disconnect();
        } catch (RuntimeException ignored) {
            // closing anyway
        }
        jedis.getConnection().setBroken();
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
        if (pinger != null) {
            pinger.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
