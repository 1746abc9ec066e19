package nl.loket.channel.chat;

import nl.loket.contact.RetentionProperties;
import nl.loket.platform.Ids;
import nl.loket.platform.RedisKeys;
import nl.loket.platform.ReplicatedWrites;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.params.SetParams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * Chat sessions in Redis. Only a digest of each token is stored, so even someone reading Redis
 * cannot take over a resident's chat.
 */
@Component
class ChatSessions {

    record OpenedSession(String sessionId, String token) { }

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    /** A session nobody wrote in is gone after an hour; from its first message it lives as long as conversations. */
    static final Duration UNUSED_LIFETIME = Duration.ofHours(1);

    private final Duration lifetime;
    private final ReplicatedWrites replication;

    ChatSessions(Pool<Jedis> pool, RedisKeys keys, RetentionProperties retention, ReplicatedWrites replication) {
        this.pool = pool;
        this.keys = keys;
        this.replication = replication;
        this.lifetime = Duration.ofDays(retention.conversationDays());
    }

    /** A new session, returned once a replica has it: a token the page got keeps working after a failover. */
    OpenedSession open() {
        String sessionId = Ids.newId();
        String token = Ids.newSecret();
        ReplicatedWrites.Mark writes = replication.begin();
        try (Jedis jedis = pool.getResource()) {
            jedis.set(key(sessionId), RedisKeys.hashed(token), SetParams.setParams().nx().ex(UNUSED_LIFETIME.toSeconds()));
        }
        replication.confirm(writes);
        return new OpenedSession(sessionId, token);
    }

    /** The session has a message: it now lives as long as the conversation it belongs to. */
    void inUse(String sessionId) {
        try (Jedis jedis = pool.getResource()) {
            jedis.expire(key(sessionId), lifetime.toSeconds());
        }
    }

    /** True only for an existing session with exactly this token; the comparison takes constant time. */
    boolean authorised(String sessionId, String token) {
        if (sessionId == null || token == null || sessionId.length() > 64 || token.length() > 128) {
            return false;
        }
        String stored;
        try (Jedis jedis = pool.getResource()) {
            stored = jedis.get(key(sessionId));
        }
        return stored != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                RedisKeys.hashed(token).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The session id when the {@code Authorization} header holds its token ({@code Bearer <token>}).
     *
     * @throws ChatTokenMissingException  without a bearer token
     * @throws ChatSessionNotFoundException for an unknown session or another session's token (the same answer)
     */
    String authorisedBy(String sessionId, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ChatTokenMissingException();
        }
        if (!authorised(sessionId, authorization.substring(7).trim())) {
            throw new ChatSessionNotFoundException();
        }
        return sessionId;
    }

    private String key(String sessionId) {
        return keys.key("chat", "session", sessionId);
    }
}
