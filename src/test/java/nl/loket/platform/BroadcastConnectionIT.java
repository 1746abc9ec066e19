package nl.loket.platform;

import nl.loket.support.TestRedis;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.JedisPoolConfig;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The connection that listens for broadcasts is never handed to anyone else while it is still subscribed, even when a
 * listener fails in a way the broadcast cannot catch: a request given such a connection would have its commands
 * refused and its replies crossed with notices.
 */
class BroadcastConnectionIT {

    @Test
    void aListenerThatBreaksDoesNotLeaveASubscribedConnectionInThePool() {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(2); // one to listen, one to publish: afterwards both are borrowed, so one is the listener's
        try (JedisPool pool = new JedisPool(config, URI.create(TestRedis.serverUrl()))) {
            Broadcast broadcast = new Broadcast(pool, new RedisKeys("broadcast-it-" + System.nanoTime()), Duration.ofSeconds(1));
            AtomicBoolean heard = new AtomicBoolean();
            broadcast.subscribe("topic", notice -> {
                heard.set(true);
                throw new AssertionError("a listener failing beyond a RuntimeException");
            });
            broadcast.start();
            // the listener's error ends the listening thread by design of this test; it is not this test's failure

            try {
                await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> {
                    broadcast.publish("topic", "x");
                    return heard.get();
                });
                await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    try (Jedis first = pool.getResource(); Jedis second = pool.getResource()) {
                        for (Jedis jedis : new Jedis[] {first, second}) {
                            jedis.set("broadcast-it-probe", "1");
                            assertThat(jedis.get("broadcast-it-probe")).isEqualTo("1");
                            jedis.del("broadcast-it-probe");
                        }
                    }
                });
            } finally {
                broadcast.stop();
            }
        }
    }
}
