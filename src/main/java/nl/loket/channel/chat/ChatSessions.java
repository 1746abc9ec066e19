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
import java.util.List;

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

    /**
     * Reads the session's token digest and, when the token is right, keeps the session for a conversation's lifetime:
     * one round trip for a message instead of two.
     */
    private static final String READ_IN_USE = """
            local stored = redis.call('GET', KEYS[1])
            if stored and stored == ARGV[1] then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
            return stored""";

    /** True only for an existing session with exactly this token; the comparison takes constant time. */
    boolean authorised(String sessionId, String token) {
        return authorised(sessionId, token, false);
    }

    /** @param inUse the request brings a message: an authorised session now lives as long as conversations */
    private boolean authorised(String sessionId, String token, boolean inUse) {
        if (sessionId == null || token == null || sessionId.length() > 64 || token.length() > 128) {
            return false;
        }
        String digest = RedisKeys.hashed(token);
        Object stored;
        try (Jedis jedis = pool.getResource()) {
            stored = inUse ? jedis.eval(READ_IN_USE, List.of(key(sessionId)), List.of(digest, Long.toString(lifetime.toSeconds())))
                    : jedis.get(key(sessionId));
        }
        return stored instanceof String value && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                digest.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The session id when the {@code Authorization} header holds its token ({@code Bearer <token>}).
     *
     * @throws ChatTokenMissingException  without a bearer token
     * @throws ChatSessionNotFoundException for an unknown session or another session's token (the same answer)
     */
    String authorisedBy(String sessionId, String authorization) {
        return authorisedBy(sessionId, authorization, false);
    }

    /**
     * {@link #authorisedBy} for a request that brings a message: in the same round trip the session is kept from then
     * on as long as the conversation it belongs to.
     */
    String authorisedToWrite(String sessionId, String authorization) {
        return authorisedBy(sessionId, authorization, true);
    }

    private String authorisedBy(String sessionId, String authorization, boolean inUse) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ChatTokenMissingException();
        }
        if (!authorised(sessionId, authorization.substring(7).trim(), inUse)) {
            throw new ChatSessionNotFoundException();
        }
        return sessionId;
    }

    private String key(String sessionId) {
        return keys.key("chat", "session", sessionId);
    }
}
