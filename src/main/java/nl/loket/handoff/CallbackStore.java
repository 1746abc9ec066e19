package nl.loket.handoff;

import nl.loket.platform.Json;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Call-backs in Redis.
 * <ul>
 * <li>{@code callback:offer:{conversationId}} the times proposed to the resident ({@link CallbackOffer} JSON), until
 *     they pick one or {@code loket.callbacks.offer-valid-for} passes.</li>
 * <li>{@code callback:booked:{team}:{epochSecond}} how many call-backs of a team are planned in a slot; a pick is
 *     counted with {@code INCR} and given back when it went over capacity, so two residents picking the last place at
 *     once on two instances cannot both get it.</li>
 * <li>{@code callback:due} sorted set of task ids by call-back time; the instance that removes a due member puts the
 *     task in its queue's stream.</li>
 * </ul>
 */
@Component
class CallbackStore {

    /**
     * The times proposed in one message ({@code messageId}, null when re-offered in an answer), first = number 1.
     * {@code taskId} is null for the moment between the assistant's offer and the task it opens; {@code language} is
     * the language the times were offered in (null: the task's).
     */
    record CallbackOffer(String taskId, String messageId, List<OffsetDateTime> slots, String language) {
        CallbackOffer {
            slots = List.copyOf(slots);
        }

        CallbackOffer(String taskId, String messageId, List<OffsetDateTime> slots) {
            this(taskId, messageId, slots, null);
        }
    }

    private static final String BOOK = """
            local n = redis.call('incr', KEYS[1])
            redis.call('expireat', KEYS[1], ARGV[2])
            if n > tonumber(ARGV[1]) then redis.call('decr', KEYS[1]) return 0 end
            return 1""";

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Json json;

    CallbackStore(Pool<Jedis> pool, RedisKeys keys, Json json) {
        this.pool = pool;
        this.keys = keys;
        this.json = json;
    }

    void saveOffer(String conversationId, CallbackOffer offer, Duration validFor) {
        try (Jedis jedis = pool.getResource()) {
            jedis.psetex(offerKey(conversationId), validFor.toMillis(), json.write(offer));
        }
    }

    Optional<CallbackOffer> offer(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            String value = jedis.get(offerKey(conversationId));
            return value == null ? Optional.empty() : Optional.of(json.read(value, CallbackOffer.class));
        }
    }

    /** A link to pick from a conversation's proposal on a page (an e-mail resident cannot answer by number). */
    void saveLink(String token, String conversationId, Duration validFor) {
        try (Jedis jedis = pool.getResource()) {
            jedis.psetex(linkKey(token), validFor.toMillis(), conversationId);
        }
    }

    Optional<String> conversationOfLink(String token) {
        try (Jedis jedis = pool.getResource()) {
            return Optional.ofNullable(jedis.get(linkKey(token)));
        }
    }

    void removeOffer(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            jedis.del(offerKey(conversationId));
        }
    }

    int booked(String team, Instant slot) {
        try (Jedis jedis = pool.getResource()) {
            String value = jedis.get(bookedKey(team, slot));
            return value == null ? 0 : Integer.parseInt(value);
        }
    }

    /** Takes one place in the slot; false when it is full. */
    boolean book(String team, Instant slot, int capacity) {
        try (Jedis jedis = pool.getResource()) {
            Object booked = jedis.eval(BOOK, List.of(bookedKey(team, slot)), List.of(Integer.toString(capacity),
                    Long.toString(slot.plus(Duration.ofDays(1)).getEpochSecond())));
            return Long.valueOf(1).equals(booked);
        }
    }

    void dueAt(String taskId, Instant at) {
        try (Jedis jedis = pool.getResource()) {
            jedis.zadd(dueKey(), at.toEpochMilli(), taskId);
        }
    }

    /** Task ids whose call-back time has come, each returned to one caller only (across instances). */
    List<String> takeDue(Instant now) {
        List<String> taken = new ArrayList<>();
        try (Jedis jedis = pool.getResource()) {
            for (String taskId : jedis.zrangeByScore(dueKey(), Double.NEGATIVE_INFINITY, now.toEpochMilli(), 0, 200)) {
                if (jedis.zrem(dueKey(), taskId) == 1) {
                    taken.add(taskId);
                }
            }
        }
        return taken;
    }

    private String offerKey(String conversationId) { return keys.key("callback", "offer", conversationId); }

    private String bookedKey(String team, Instant slot) { return keys.key("callback", "booked", team, Long.toString(slot.getEpochSecond())); }

    private String dueKey() { return keys.key("callback", "due"); }

    /** Hashed: the token is the resident's proof, and a copy of Redis must not hand it out. */
    private String linkKey(String token) { return keys.key("callback", "link", RedisKeys.hashed(token)); }
}
