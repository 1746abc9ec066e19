package nl.loket.platform;

import nl.loket.support.RedisProxy;
import nl.loket.support.RedisSentinelGroup;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.HostAndPortMapper;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live updates do not go stale when the master vanishes without a word (power lost, a network that drops everything,
 * a frozen machine): the broadcast subscription notices within the listen timeout and listens again, through the pool,
 * on whatever master there is now. A quiet but healthy subscription is kept. The pool is built as Loket builds it.
 */
class BroadcastSilentMasterIT {

    static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(2);
    static final String TOPIC = "probe";

    @Test
    void aSubscriptionCutOffWithoutAResetHearsBroadcastsAgainWithinSeconds() {
        try (RedisProxy proxy = new RedisProxy(TestRedis.serverUrl())) {
            LoketRedisProperties properties = properties(proxy.url(), null);
            try (Pool<Jedis> pool = pool(properties);
                 Listener listener = new Listener(pool, properties)) {
                Supplier<Jedis> redis = () -> new Jedis(URI.create(TestRedis.serverUrl()));
                listener.hearsWithin(Duration.ofSeconds(10), redis);

                proxy.vanish();
                proxy.restore(); // new connections reach Redis again; the subscription's own stays dead without a reset

                listener.hearsWithin(Duration.ofSeconds(8), redis);
            }
        }
    }

    @Test
    void aQuietSubscriptionIsKeptOpenByItsPings() {
        LoketRedisProperties properties = properties(TestRedis.serverUrl(), null);
        try (Pool<Jedis> pool = pool(properties);
             Listener listener = new Listener(pool, properties)) {
            Supplier<Jedis> redis = () -> new Jedis(URI.create(TestRedis.serverUrl()));
            listener.hearsWithin(Duration.ofSeconds(10), redis);
            long given = pool.getDestroyedCount(); // a subscription given up is a connection the pool drops

            await().during(LISTEN_TIMEOUT.multipliedBy(3)).atMost(LISTEN_TIMEOUT.multipliedBy(4))
                    .until(() -> pool.getDestroyedCount() == given);
            listener.hearsWithin(Duration.ofSeconds(1), redis);
        }
    }

    @Test
    void aSubscriptionToAMasterThatFreezesFollowsTheFailoverWithinSeconds() {
        try (RedisSentinelGroup redis = RedisSentinelGroup.start()) {
            LoketRedisProperties properties = properties(null, redis.sentinelNodes());
            try (Pool<Jedis> pool = pool(properties);
                 Listener listener = new Listener(pool, properties)) {
                listener.hearsWithin(Duration.ofSeconds(10), redis::connectToMaster);

                HostAndPort frozen = redis.master();
                redis.freeze(frozen);
                redis.awaitFailoverFrom(frozen, Duration.ofSeconds(15));

                listener.hearsWithin(Duration.ofSeconds(10), redis::connectToMaster);
            }
        }
    }

    /** Loket's own Redis settings, with a short listen timeout: an URL, or the sentinels of {@link RedisSentinelGroup}. */
    private static LoketRedisProperties properties(String url, String sentinelNodes) {
        LoketRedisProperties.Sentinel sentinel = sentinelNodes == null
                ? new LoketRedisProperties.Sentinel(null, List.of(), null, null)
                : new LoketRedisProperties.Sentinel(RedisSentinelGroup.MASTER_NAME, List.of(sentinelNodes.split(",")), null, null);
        return new LoketRedisProperties(url, null, null, false, sentinel, "broadcast-silent-" + UUID.randomUUID(), 8,
                Duration.ofSeconds(1), LISTEN_TIMEOUT, new LoketRedisProperties.Replication(0, Duration.ofMillis(500), false,
                        Duration.ofSeconds(1)));
    }

    private static Pool<Jedis> pool(LoketRedisProperties properties) {
        return new RedisConfiguration().jedisPool(new RedisConfiguration.RedisServerHandle(Optional.empty(), properties.url()),
                properties, new StaticListableBeanFactory().getBeanProvider(HostAndPortMapper.class));
    }

    /** A broadcast on the pool that remembers every notice it hears on {@link #TOPIC}. */
    private static final class Listener implements AutoCloseable {
        private final Broadcast broadcast;
        private final String channel;
        private final Set<String> heard = ConcurrentHashMap.newKeySet();

        Listener(Pool<Jedis> pool, LoketRedisProperties properties) {
            RedisKeys keys = new RedisKeys(properties.keyPrefix());
            this.broadcast = new Broadcast(pool, keys, properties);
            this.channel = keys.key("broadcast", TOPIC);
            broadcast.subscribe(TOPIC, heard::add);
            broadcast.start();
        }

        /** Publishes a notice on the master now and then, as another instance would, until one is heard. */
        void hearsWithin(Duration atMost, Supplier<Jedis> master) {
            heard.clear();
            await().atMost(atMost).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                try (Jedis jedis = master.get()) {
                    jedis.publish(channel, UUID.randomUUID().toString());
                }
                return !heard.isEmpty();
            });
            assertThat(heard).isNotEmpty();
        }

        @Override
        public void close() {
            broadcast.stop();
        }
    }
}
