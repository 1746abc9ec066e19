package nl.loket.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * "Acknowledged means replicated". The few places that commit what a resident or agent is told was received (a
 * resident's message, an agent's reply, an opt-out, a campaign's claim on a recipient) call {@link #begin} before
 * writing and {@link #confirm} before acknowledging. Confirming writes a small barrier key and sends {@code WAIT}
 * on the same connection: Redis applies and replicates commands in one order, so once a replica has the barrier it
 * has every write finished before it, whichever pooled connection made them. A write that may not have reached a
 * replica throws {@link NotReplicatedException}, answered 503 like any Redis trouble; what was stored stays, and the
 * retry is recognised (provider ids, chat idempotency keys, campaign claims).
 *
 * <p>On by default when the master reports replicas online, off for the embedded Redis and with
 * {@code loket.redis.replication.wait-replicas=0}. With {@code required=false} (the default) Loket stops waiting
 * while the master has fewer replicas online than it needs, so losing the only replica does not stop the service.
 */
@Component
public class ReplicatedWrites {

    private static final Logger log = LoggerFactory.getLogger(ReplicatedWrites.class);
    private static final long BARRIER_TTL_MILLIS = 60_000;

    /** Which master the writes of one operation went to; a failover in between means they may be lost. */
    public record Mark(HostAndPort master) { }

    /** How many replicas the current master reported online, and which master that was. */
    private record Known(HostAndPort master, int online) { }

    private final Pool<Jedis> pool;
    private final LoketRedisProperties.Replication settings;
    private final boolean active;
    private final String barrierKey;
    private final Timer waits;
    private final Counter unconfirmed;
    private volatile Known known = new Known(null, 0);

    ReplicatedWrites(Pool<Jedis> pool, LoketRedisProperties properties, RedisKeys keys,
                     ObjectProvider<MeterRegistry> meters) {
        this.pool = pool;
        this.settings = properties.replication();
        this.active = !properties.embedded() && settings.waitReplicas() > 0;
        this.barrierKey = keys.key("replication", "barrier");
        MeterRegistry registry = meters.getIfAvailable();
        this.waits = registry == null ? null : Timer.builder("loket.redis.replication.wait")
                .description("Time to have Redis replicas confirm an acknowledged write (WAIT)")
                .publishPercentileHistogram().publishPercentiles(0.5, 0.99).register(registry);
        this.unconfirmed = registry == null ? null : Counter.builder("loket.redis.replication.unconfirmed")
                .description("Writes answered 503 because no replica confirmed them in time").register(registry);
        if (registry != null) {
            Gauge.builder("loket.redis.replicas.online", this, w -> w.known.online())
                    .description("Replicas the Redis master reported online at the last check").register(registry);
        }
        if (active) {
            checkReplicas();
        }
    }

    /** Call before the writes that {@link #confirm} will vouch for. */
    public Mark begin() {
        return new Mark(active ? currentMaster() : null);
    }

    /**
     * Returns once enough replicas have every write made before this call, or throws {@link NotReplicatedException}
     * (a 503): no confirmation in time, or the master changed since {@link #begin}.
     */
    public void confirm(Mark mark) {
        if (!active) {
            return;
        }
        sameMasterSince(mark);
        int needed = settings.waitReplicas();
        if (!settings.required() && replicasOnline() < needed) {
            return; // none to wait for: going on unreplicated is the configured choice (and an alert)
        }
        long started = System.nanoTime();
        long acknowledged;
        try (Jedis jedis = pool.getResource()) {
            // The Sentinel pool only lends connections to the master it knows now: if that is still the master of
            // begin(), the barrier goes where the writes went.
            sameMasterSince(mark);
            Pipeline pipeline = jedis.pipelined();
            pipeline.set(barrierKey, Long.toString(System.currentTimeMillis()), SetParams.setParams().px(BARRIER_TTL_MILLIS));
            Response<Long> replicas = pipeline.waitReplicas(needed, settings.timeout().toMillis());
            pipeline.sync();
            acknowledged = replicas.get();
        }
        if (waits != null) {
            waits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        if (acknowledged < needed) {
            checkReplicasQuietly(); // a replica that died stops being waited for at once, not at the next check
            throw unconfirmed(acknowledged + " of " + needed + " replicas confirmed within " + settings.timeout());
        }
    }

    /** Writes that went to a master that has been replaced since may be lost with it, replica or not. */
    private void sameMasterSince(Mark mark) {
        HostAndPort master = currentMaster();
        if (mark.master() != null && !mark.master().equals(master)) {
            throw unconfirmed("the Redis master changed from " + mark.master() + " to " + master);
        }
    }

    private NotReplicatedException unconfirmed(String why) {
        if (unconfirmed != null) {
            unconfirmed.increment();
        }
        log.warn("Write not confirmed as replicated: {}", why);
        return new NotReplicatedException(why);
    }

    private int replicasOnline() {
        Known now = known;
        HostAndPort master = currentMaster();
        if (master != null && !master.equals(now.master())) {
            checkReplicasQuietly(); // after a failover the count of the old master says nothing
            now = known;
        }
        return now.online();
    }

    @Scheduled(fixedDelayString = "${loket.redis.replication.check-interval:1s}")
    void checkReplicasQuietly() {
        if (!active) {
            return;
        }
        try {
            checkReplicas();
        } catch (RuntimeException e) {
            log.debug("Could not count the Redis replicas: {}", e.toString());
        }
    }

    private void checkReplicas() {
        HostAndPort master = currentMaster();
        try (Jedis jedis = pool.getResource()) {
            String info = jedis.info("replication");
            int online = 0;
            for (String line : info.split("\r?\n")) {
                if (line.startsWith("slave") && line.contains("state=online")) {
                    online++;
                }
            }
            if (known.online() != online || !Objects.equals(master, known.master())) {
                log.info("Redis master{} has {} replica(s) online; acknowledged writes {}",
                        master == null ? "" : " " + master, online,
                        online >= settings.waitReplicas() ? "wait for " + settings.waitReplicas()
                                : settings.required() ? "fail (replication is required)" : "go on unreplicated");
            }
            known = new Known(master, online);
        }
    }

    private HostAndPort currentMaster() {
        return pool instanceof JedisSentinelPool sentinel ? sentinel.getCurrentHostMaster() : null;
    }
}
