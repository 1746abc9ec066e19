package nl.loket.registry;

import nl.loket.platform.Json;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.ZAddParams;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox of registrations in Redis, written before anything is sent, so a stopped process loses
 * nothing. Keys (under Loket's prefix):
 * <ul>
 * <li>{@code registry:due} sorted set of conversation ids by the time they may next be taken. Taking a job
 *     moves its time one lease ahead, so an instance that stops mid-job leaves it to be taken again.</li>
 * <li>{@code registry:progress:{conversationId}} hash step → created resource ({@code uuid} and {@code url}):
 *     a retry or replay continues after the last step that succeeded instead of creating a second Klantcontact.</li>
 * <li>{@code registry:attempts:{conversationId}} tries since the job was queued (or replayed), for the dead letter.</li>
 * <li>{@code registry:done:{conversationId}} marks a finished registration; a second close event is ignored.</li>
 * <li>{@code registry:actor:{kind}:{api}} the actor created (or found) once for the assistant and for the agents.</li>
 * </ul>
 */
@Component("registrationJobs")
class RegistrationJobs {

    /** Finished registrations are remembered this long, beyond any redelivery of the event. */
    private static final Duration REMEMBER_DONE = Duration.ofDays(90);
    private static final int BATCH = 20;

    // Take up to ARGV[3] due ids and push each one lease ahead, in one step, so two instances never take the same.
    private static final String CLAIM = """
            local ids = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
            for _, id in ipairs(ids) do redis.call('zadd', KEYS[1], ARGV[2], id) end
            return ids
            """;

    record Created(String uuid, String url) { }

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Json json;
    private final Clock clock;
    private final KlantinteractiesProperties properties;

    RegistrationJobs(Pool<Jedis> pool, RedisKeys keys, Json json, Clock clock, KlantinteractiesProperties properties) {
        this.pool = pool;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** Queues a conversation for registration now; a conversation already queued or done is not queued twice. */
    boolean enqueue(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            if (jedis.exists(doneKey(conversationId))) {
                return false;
            }
            return jedis.zadd(dueKey(), clock.millis(), conversationId,
                    ZAddParams.zAddParams().nx()) == 1;
        }
    }

    /** Counts one try at sending; answers the count so far. */
    long attempt(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            long n = jedis.incr(attemptsKey(conversationId));
            jedis.expire(attemptsKey(conversationId), REMEMBER_DONE.toSeconds());
            return n;
        }
    }

    long attempts(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            String n = jedis.get(attemptsKey(conversationId));
            return n == null ? 0 : Long.parseLong(n);
        }
    }

    /** The jobs due now, taken for one lease; empty when the registry is off. */
    @SuppressWarnings("unchecked")
    public List<String> claimDue() {
        if (!properties.enabled()) {
            return List.of();
        }
        long now = clock.millis();
        try (Jedis jedis = pool.getResource()) {
            Object ids = jedis.eval(CLAIM, List.of(dueKey()),
                    List.of(Long.toString(now), Long.toString(now + properties.lease().toMillis()), Integer.toString(BATCH)));
            return (List<String>) ids;
        }
    }

    /** Whether a job is waiting or running (for operators and tests). */
    boolean queued(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.zscore(dueKey(), conversationId) != null;
        }
    }

    long queuedCount() {
        try (Jedis jedis = pool.getResource()) {
            return jedis.zcard(dueKey());
        }
    }

    /** The conversations whose registration is waiting or running (for operators and tests). */
    List<String> queuedConversations() {
        try (Jedis jedis = pool.getResource()) {
            return jedis.zrange(dueKey(), 0, -1);
        }
    }

    /** Registration complete: off the queue, remembered as done, progress kept as long (for support questions). */
    void done(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(doneKey(conversationId), Long.toString(clock.millis()), SetParams.setParams().ex(REMEMBER_DONE.toSeconds()));
            jedis.expire(progressKey(conversationId), REMEMBER_DONE.toSeconds());
            jedis.del(attemptsKey(conversationId));
            jedis.zrem(dueKey(), conversationId);
        }
    }

    boolean isDone(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.exists(doneKey(conversationId));
        }
    }

    /** Off the queue, into the dead letters; progress stays so a replay continues where it stopped. */
    void parked(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            jedis.zrem(dueKey(), conversationId);
        }
    }

    Optional<Created> step(String conversationId, String step) {
        try (Jedis jedis = pool.getResource()) {
            String value = jedis.hget(progressKey(conversationId), step);
            return value == null ? Optional.empty() : Optional.of(json.read(value, Created.class));
        }
    }

    void stepDone(String conversationId, String step, Created created) {
        try (Jedis jedis = pool.getResource()) {
            jedis.hset(progressKey(conversationId), step, json.write(created));
        }
    }

    /** Every step done so far (for tests and support). */
    Map<String, String> progress(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.hgetAll(progressKey(conversationId));
        }
    }

    Optional<Created> actor(String kind) {
        try (Jedis jedis = pool.getResource()) {
            String value = jedis.get(actorKey(kind));
            return value == null ? Optional.empty() : Optional.of(json.read(value, Created.class));
        }
    }

    /** Remembers an actor; when another instance was first, its actor wins, so all use the same one. */
    Created rememberActor(String kind, Created created) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(actorKey(kind), json.write(created), SetParams.setParams().nx());
            return json.read(jedis.get(actorKey(kind)), Created.class);
        }
    }

    String dueKey() {
        return keys.key("registry", "due");
    }

    private String doneKey(String conversationId) {
        return keys.key("registry", "done", conversationId);
    }

    String attemptsKey(String conversationId) {
        return keys.key("registry", "attempts", conversationId);
    }

    private String progressKey(String conversationId) {
        return keys.key("registry", "progress", conversationId);
    }

    // Per API, so pointing Loket at another Klantinteracties API creates the actors there too.
    private String actorKey(String kind) {
        return keys.key("registry", "actor", kind, RedisKeys.hashed(properties.baseUrl() == null ? "" : properties.baseUrl()));
    }
}
