package nl.loket.contact;

import nl.loket.platform.Broadcast;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * "Medewerker typt…": the agent holding a conversation is typing a reply. A short-lived mark in Redis (a few seconds,
 * renewed while they type), so every instance's chat can show it; nothing is stored for longer, and a failure only
 * means the resident does not see the hint. Going on and off is announced ({@link ResidentNotices}), so an open chat
 * page shows it at once instead of at its next look.
 */
@Component
public class AgentTyping {

    /** How long one keystroke keeps the hint on. */
    static final long SHOWN_MILLIS = 6_000;

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Broadcast broadcast;

    AgentTyping(Pool<Jedis> pool, RedisKeys keys, Broadcast broadcast) {
        this.pool = pool;
        this.keys = keys;
        this.broadcast = broadcast;
    }

    public void typing(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            if (jedis.set(key(conversationId), "1", SetParams.setParams().nx().px(SHOWN_MILLIS)) != null) {
                broadcast.publish(ResidentNotices.TOPIC, conversationId);
            } else {
                jedis.pexpire(key(conversationId), SHOWN_MILLIS);
            }
        } catch (JedisException e) {
            // only a hint: the reply itself is what counts
        }
    }

    public boolean isTyping(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.exists(key(conversationId));
        } catch (JedisException e) {
            return false;
        }
    }

    /** Sent: the hint goes off at once. */
    public void stopped(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            if (jedis.del(key(conversationId)) > 0) {
                broadcast.publish(ResidentNotices.TOPIC, conversationId);
            }
        } catch (JedisException e) {
            // it expires by itself
        }
    }

    private String key(String conversationId) {
        return keys.key("conversation", conversationId, "agent-typing");
    }
}
