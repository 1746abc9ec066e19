package nl.loket.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Where Loket keeps its data: one Redis at {@code url}, the current master of a Sentinel-watched group
 * ({@code sentinel.master} and {@code sentinel.nodes}), or, with neither, an embedded Redis.
 *
 * @param url         {@code redis://[user:password@]host:port[/db]} ({@code rediss://} for TLS); empty and no
 *                    Sentinel starts an embedded Redis on a free port
 * @param username    ACL user, when Redis has ACL users and the URL does not name one
 * @param password    the password of Redis (or of {@code username}), when the URL does not carry one
 * @param ssl         TLS to Redis (with Sentinel: to the master and replicas; {@code rediss://} implies it)
 * @param sentinel    Sentinel instead of {@code url}: Loket asks the sentinels for the master and follows failovers
 * @param keyPrefix   every key Loket writes starts with this, so one Redis can be shared
 * @param poolSize    connections per instance
 * @param timeout     connect and read timeout; short, so a hanging Redis fails fast instead of blocking residents
 * @param listenTimeout how long a connection that waits for Redis to speak (the broadcast subscription, any blocking
 *                    read) may hear nothing before it counts as dead and is opened again: a master that vanished
 *                    without a reset (power, network) would otherwise be listened to forever. Such a connection is
 *                    pinged three times within it, so a quiet but healthy one is never cut; a blocking command's own
 *                    wait (e.g. {@code XREADGROUP BLOCK}) must be shorter
 * @param replication how many replicas must have a resident's message before it is acknowledged
 */
@Validated
@ConfigurationProperties("loket.redis")
public record LoketRedisProperties(
        String url,
        String username,
        String password,
        @DefaultValue("false") boolean ssl,
        @Valid @NotNull @DefaultValue Sentinel sentinel,
        @NotBlank @DefaultValue("loket") String keyPrefix,
        @Min(2) @DefaultValue("32") int poolSize,
        @NotNull @DefaultValue("2s") Duration timeout,
        @NotNull @DefaultValue("6s") Duration listenTimeout,
        @Valid @NotNull @DefaultValue Replication replication) {

    /**
     * @param master   the name the sentinels monitor ({@code sentinel monitor <master> …})
     * @param nodes    the sentinels, {@code host:port} each; three or more on separate machines
     * @param username ACL user of the sentinels, when they have one
     * @param password password of the sentinels ({@code requirepass} in sentinel.conf), when they have one
     */
    public record Sentinel(
            String master,
            List<@Pattern(regexp = "[^\\s:]+:\\d{1,5}", message = "must be host:port") String> nodes,
            String username,
            String password) {

        public Sentinel {
            nodes = nodes == null ? List.of() : List.copyOf(nodes);
        }

        boolean configured() {
            return master != null && !master.isBlank();
        }

        @AssertTrue(message = "loket.redis.sentinel.master and loket.redis.sentinel.nodes go together")
        public boolean isMasterWithNodes() {
            return configured() == !nodes.isEmpty();
        }
    }

    /**
     * "Acknowledged means replicated": before a resident message, an agent reply, an opt-out or a campaign claim
     * is acknowledged, Loket asks Redis to confirm it reached {@code waitReplicas} replicas ({@code WAIT}); no
     * confirmation within {@code timeout} is a 503 (the message may be stored; a retry is recognised).
     *
     * @param waitReplicas  replicas that must confirm; 0 never waits
     * @param timeout       how long to wait for them; a replica on the same network confirms in about a millisecond
     * @param required      false: wait only while the master reports that many replicas online, so losing the
     *                      replica keeps Loket answering (unreplicated, alert on it); true: no replica, no 2xx
     * @param checkInterval how often Loket asks the master how many replicas it has
     */
    public record Replication(
            @Min(0) @DefaultValue("1") int waitReplicas,
            @NotNull @DefaultValue("500ms") Duration timeout,
            @DefaultValue("false") boolean required,
            @NotNull @DefaultValue("1s") Duration checkInterval) {
    }

    @AssertTrue(message = "choose one of loket.redis.url and loket.redis.sentinel.*")
    public boolean isOneWayToRedis() {
        return !(sentinel.configured() && hasUrl());
    }

    @AssertTrue(message = "loket.redis.replication.timeout must be shorter than loket.redis.timeout")
    public boolean isReplicationWaitWithinTimeout() {
        return replication.timeout().compareTo(timeout) < 0;
    }

    @AssertTrue(message = "loket.redis.listen-timeout must be at least 1s")
    public boolean isListenTimeoutLongEnoughToPing() {
        return listenTimeout.compareTo(Duration.ofSeconds(1)) >= 0;
    }

    /** How often a listening connection is pinged: three times within {@link #listenTimeout}. */
    Duration listenPingInterval() {
        return listenTimeout.dividedBy(3);
    }

    boolean embedded() {
        return !hasUrl() && !sentinel.configured();
    }

    private boolean hasUrl() {
        return url != null && !url.isBlank();
    }
}
