package nl.loket.registry;

import nl.loket.platform.Json;
import nl.loket.platform.RedisKeys;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Registrations that failed for good, kept in Redis until an operator replays them: {@code registry:dead}
 * (sorted set of ids by time) and {@code registry:dead:{id}} (the {@link DeadLetter}). The id is the
 * conversation id, so a conversation has at most one dead letter. Nothing is ever dropped: the dead letter
 * is written before the job leaves the outbox, and a replay queues the job and removes its dead letter in one step.
 */
@Component("registryDeadLetters")
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    // The dead letter goes and the job comes back in one step: a failure of the replayed job right away
    // writes a new dead letter that this cannot delete, and two replays at once queue it only once.
    private static final String REPLAY = """
            if redis.call('exists', KEYS[1]) == 0 then return 0 end
            redis.call('del', KEYS[1])
            redis.call('zrem', KEYS[2], ARGV[1])
            redis.call('del', KEYS[4])
            redis.call('zadd', KEYS[3], ARGV[2], ARGV[1])
            return 1
            """;

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Json json;
    private final Clock clock;
    private final RegistrationJobs jobs;

    DeadLetters(Pool<Jedis> pool, RedisKeys keys, Json json, Clock clock, RegistrationJobs jobs) {
        this.pool = pool;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        this.jobs = jobs;
    }

    /** The route's error handler ends here: after the retries for a 5xx/timeout, at once for a 400. */
    public void store(@Body String conversationId, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        if (conversationId == null || conversationId.isBlank()) {
            return; // nothing was taken from the outbox; the jobs wait there
        }
        int attempts = (int) Math.max(1, jobs.attempts(conversationId));
        Integer status = null;
        String errorBody = null;
        if (cause instanceof RegistrationRejected rejected) {
            status = rejected.status() == 0 ? null : rejected.status();
            errorBody = rejected.responseBody();
        } else if (cause instanceof RegistryUnavailable unavailable) {
            status = unavailable.status() == 0 ? null : unavailable.status();
            errorBody = unavailable.responseBody();
        }
        String reason = cause == null ? "unknown" : Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName());
        DeadLetter letter = new DeadLetter(conversationId, conversationId, reason, status, errorBody, attempts,
                OffsetDateTime.now(clock));
        try (Jedis jedis = pool.getResource()) {
            jedis.set(letterKey(conversationId), json.write(letter));
            jedis.zadd(indexKey(), clock.millis(), conversationId);
        }
        jobs.parked(conversationId);
        // The reason names the request and status only; the API's answer stays in the dead letter.
        log.warn("Registration of conversation {} is a dead letter after {} attempt(s): {}", conversationId, attempts, reason);
    }

    /** All dead letters, oldest first. */
    List<DeadLetter> list() {
        try (Jedis jedis = pool.getResource()) {
            return jedis.zrange(indexKey(), 0, -1).stream()
                    .map(id -> Optional.ofNullable(jedis.get(letterKey(id))))
                    .flatMap(Optional::stream)
                    .map(v -> json.read(v, DeadLetter.class))
                    .toList();
        }
    }

    Optional<DeadLetter> find(String id) {
        try (Jedis jedis = pool.getResource()) {
            return Optional.ofNullable(jedis.get(letterKey(id))).map(v -> json.read(v, DeadLetter.class));
        }
    }

    /** Queues the registration again; it continues after the last step that succeeded. */
    DeadLetter replay(String id) {
        DeadLetter letter = find(id).orElseThrow(DeadLetterNotFoundException::new);
        try (Jedis jedis = pool.getResource()) {
            Object replayed = jedis.eval(REPLAY,
                    List.of(letterKey(id), indexKey(), jobs.dueKey(), jobs.attemptsKey(letter.conversationId())),
                    List.of(letter.conversationId(), Long.toString(clock.millis())));
            if (!Long.valueOf(1).equals(replayed)) {
                throw new DeadLetterNotFoundException();
            }
        }
        log.info("Registration of conversation {} replayed by an operator", letter.conversationId());
        return letter;
    }

    /** Replays every dead letter, e.g. after the API was down for a while; answers how many. */
    int replayAll() {
        int n = 0;
        for (DeadLetter letter : list()) {
            try {
                replay(letter.id());
                n++;
            } catch (DeadLetterNotFoundException e) {
                // replayed by someone else in the meantime
            }
        }
        return n;
    }

    private String indexKey() {
        return keys.key("registry", "dead");
    }

    private String letterKey(String id) {
        return keys.key("registry", "dead", id);
    }
}
