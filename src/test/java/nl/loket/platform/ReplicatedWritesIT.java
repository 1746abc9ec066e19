package nl.loket.platform;

import io.micrometer.core.instrument.MeterRegistry;
import nl.loket.support.RedisSentinelGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "Acknowledged means replicated" against real processes (a master, a replica, three sentinels): a write is
 * confirmed once the replica has it, a lost replica is waited for only when replication is required, and writes
 * that went to a master that failed over before they were confirmed are never confirmed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicatedWritesIT {

    static RedisSentinelGroup redis;
    static Pool<Jedis> pool;
    static final String PREFIX = "loket-replicated-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        redis = RedisSentinelGroup.start();
        pool = new RedisConfiguration().jedisPool(null, properties(false), new StaticListableBeanFactory()
                .getBeanProvider(redis.clients.jedis.HostAndPortMapper.class));
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    static LoketRedisProperties properties(boolean required) {
        return new LoketRedisProperties(null, null, null, false,
                new LoketRedisProperties.Sentinel(RedisSentinelGroup.MASTER_NAME, List.of(redis.sentinelNodes().split(",")), null, null),
                PREFIX, 8, Duration.ofSeconds(2), Duration.ofSeconds(6),
                new LoketRedisProperties.Replication(1, Duration.ofMillis(300), required, Duration.ofSeconds(1)));
    }

    static ReplicatedWrites writes(boolean required) {
        return new ReplicatedWrites(pool, properties(required), new RedisKeys(PREFIX),
                new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
    }

    @Test
    @Order(1)
    void aWriteIsConfirmedOnlyOnceTheReplicaHasIt() {
        ReplicatedWrites writes = writes(true);
        long[] nanos = new long[500];
        for (int i = 0; i < nanos.length; i++) {
            ReplicatedWrites.Mark mark = writes.begin();
            try (Jedis jedis = pool.getResource()) {
                jedis.rpush(PREFIX + ":list", "message " + i);
            }
            long started = System.nanoTime();
            writes.confirm(mark);
            nanos[i] = System.nanoTime() - started;
            try (Jedis replica = new Jedis(redis.firstReplica().getHost(), redis.firstReplica().getPort(), 1000)) {
                assertThat(replica.lindex(PREFIX + ":list", -1)).isEqualTo("message " + i);
            }
        }
        Arrays.sort(nanos);
        System.out.printf("Replication confirmation (barrier + WAIT 1, loopback): p50 %.2f ms, p99 %.2f ms%n",
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6);
    }

    @Test
    @Order(2)
    void withoutItsReplicaAWriteIsRefusedWhenReplicationIsRequiredAndGoesOnOtherwise() {
        ReplicatedWrites required = writes(true);
        ReplicatedWrites whenPossible = writes(false);
        HostAndPort replica = redis.firstReplica();
        redis.kill(replica);
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> redis.replicasOnline() == 0);
            long started = System.nanoTime();
            assertThatThrownBy(() -> required.confirm(required.begin())).isInstanceOf(NotReplicatedException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(RedisTrouble.isCauseOf(new RuntimeException(new NotReplicatedException("x")))).isTrue();

            whenPossible.checkReplicasQuietly();
            started = System.nanoTime();
            whenPossible.confirm(whenPossible.begin());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no waiting for a replica that is gone")
                    .isLessThan(Duration.ofMillis(100));
        } finally {
            redis.restartAsReplica(replica);
            redis.awaitReplicasOnline(1);
        }
        required.confirm(required.begin());
    }

    @Test
    @Order(3)
    void writesToAMasterThatFailedOverBeforeTheyWereConfirmedAreNeverConfirmed() {
        ReplicatedWrites writes = writes(false);
        ReplicatedWrites.Mark mark = writes.begin();
        HostAndPort old = redis.master();
        redis.kill(old);
        redis.awaitFailoverFrom(old, Duration.ofSeconds(20));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (Jedis jedis = pool.getResource()) {
                return "PONG".equals(jedis.ping());
            }
        });
        assertThatThrownBy(() -> writes.confirm(mark)).isInstanceOf(NotReplicatedException.class)
                .hasMessageContaining("master changed");
        writes.confirm(writes.begin()); // the new master has no replica yet: goes on, unreplicated, as configured
    }
}
