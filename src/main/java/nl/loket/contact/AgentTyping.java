package nl.loket.contact;

import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * "Medewerker typt…": the agent holding a conversation is typing a reply. A short-lived mark in Redis (a few seconds,
 * renewed while they type), so every instance's chat can show it; nothing is stored for longer, and a failure only
 * means the resident does not see the hint.
 */
@Component
public class AgentTyping {

    /** How long one keystroke keeps the hint on. */
    static final long SHOWN_MILLIS = 6_000;

    private final JedisPool pool;
    private final RedisKeys keys;

    AgentTyping(JedisPool pool, RedisKeys keys) {
        this.pool = pool;
        this.keys = keys;
    }

    public void typing(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(key(conversationId), "1", SetParams.setParams().px(SHOWN_MILLIS));
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
            jedis.del(key(conversationId));
        } catch (JedisException e) {
            // it expires by itself
        }
    }

    private String key(String conversationId) {
        return keys.key("conversation", conversationId, "agent-typing");
    }
}
