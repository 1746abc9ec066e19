package nl.loket.contact.store;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactProperties;
import nl.loket.contact.Message;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.util.Optional;

/**
 * Remembers each provider delivery (Twilio MessageSid/CallSid, transcript callId) so that a retried
 * webhook never makes a second message: {@code SET NX EX} claims it, the finished receipt is stored
 * under the same key so the retry gets the same reply.
 */
@Component
public class Deliveries {

    public static final String PENDING = "pending";

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final ContactProperties properties;

    Deliveries(Pool<Jedis> pool, RedisKeys keys, ContactProperties properties) {
        this.pool = pool;
        this.keys = keys;
        this.properties = properties;
    }

    /**
     * True when this delivery is new and now claimed by the caller. The claim is a lease: a first handling still
     * pending after it waited for its conversation's lock and held it (twice the lock timeout) has died with its
     * instance or with a Redis master that failed over before it could give the claim back, and the provider's
     * retry is handled afresh instead of being told "busy" until the idempotency window ends.
     */
    public boolean claim(String deliveryKey) {
        try (Jedis jedis = pool.getResource()) {
            return "OK".equals(jedis.set(key(deliveryKey), PENDING,
                    SetParams.setParams().nx().px(properties.lockTimeout().multipliedBy(2).toMillis())));
        }
    }

    /** What was stored for an earlier delivery: {@link #PENDING} while it is still being handled. */
    public Optional<String> previous(String deliveryKey) {
        try (Jedis jedis = pool.getResource()) {
            return Optional.ofNullable(jedis.get(key(deliveryKey)));
        }
    }

    /** {@link #complete} as one of the writes that end the step. */
    public void complete(PipeliningBase writes, String deliveryKey, String receiptJson) {
        writes.set(key(deliveryKey), receiptJson, SetParams.setParams().xx().ex(properties.idempotencyWindow().toSeconds()));
    }

    public void complete(String deliveryKey, String receiptJson) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(key(deliveryKey), receiptJson,
                    SetParams.setParams().xx().ex(properties.idempotencyWindow().toSeconds()));
        }
    }

    /** Gives the delivery back after a failure, so the provider's retry is handled afresh. */
    public void release(String deliveryKey) {
        try (Jedis jedis = pool.getResource()) {
            jedis.del(key(deliveryKey));
        } catch (RuntimeException ignored) {
            // Redis itself is failing; the key expires on its own.
        }
    }

    /**
     * The key that says which message a delivery stored, written in one transaction with the message itself
     * ({@link #noteStored}). It outlives a first handling that died after storing (its instance
     * stopped, its master failed over), so the provider's retry reuses that message instead of storing it again.
     */
    public String storedKey(String deliveryKey) {
        return key(deliveryKey) + ":stored";
    }

    /** The message an earlier handling of this delivery stored in this conversation, if any. */
    public Optional<String> storedMessage(String deliveryKey, String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            return storedMessageIn(jedis.get(storedKey(deliveryKey)), conversationId);
        }
    }

    /** The message id in what {@link #storedKey} held (read elsewhere), if it names this conversation. */
    public static Optional<String> storedMessageIn(String stored, String conversationId) {
        if (stored == null || !stored.startsWith(conversationId + " ")) {
            return Optional.empty();
        }
        return Optional.of(stored.substring(conversationId.length() + 1));
    }

    /** Notes which message a delivery stored, as one of the writes that store it ({@link #storedKey}). */
    public void noteStored(PipeliningBase writes, String deliveryKey, Message message) {
        writes.set(storedKey(deliveryKey), message.conversationId() + " " + message.id(),
                SetParams.setParams().ex(window().toSeconds()));
    }

    public Duration window() {
        return properties.idempotencyWindow();
    }

    public static String deliveryKey(Channel channel, String providerId) {
        return channel.name() + ":" + RedisKeys.hashed(providerId);
    }

    /** An agent's reply named by its idempotency key, already scoped by the caller (task, agent, text). */
    public static String agentReplyKey(String scopedKey) {
        return "AGENT_REPLY:" + RedisKeys.hashed(scopedKey);
    }

    private String key(String deliveryKey) {
        return keys.key("delivery", deliveryKey);
    }
}
