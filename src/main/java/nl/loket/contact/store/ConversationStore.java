package nl.loket.contact.store;

import nl.loket.contact.Channel;
import nl.loket.contact.Conversation;
import nl.loket.contact.ConversationState;
import nl.loket.contact.Message;
import nl.loket.contact.RetentionProperties;
import nl.loket.platform.Ids;
import nl.loket.platform.Json;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Conversations, their messages and the ways to find them again: by reference, by the channel's
 * thread (chat session, call id, an SMS exchange) and by resident. Every key expires at the
 * conversation's retention deadline.
 */
@Component
public class ConversationStore {

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Json json;
    private final RetentionProperties retention;

    ConversationStore(Pool<Jedis> pool, RedisKeys keys, Json json, RetentionProperties retention) {
        this.pool = pool;
        this.keys = keys;
        this.json = json;
        this.retention = retention;
    }

    /** Opens a new conversation with a fresh, unique reference. */
    public Conversation open(String residentId, Channel channel, String relay, String language, String subject,
                             OffsetDateTime at) {
        OffsetDateTime until = at.plusDays(retention.daysFor(channel));
        String id = Ids.newId();
        try (Jedis jedis = pool.getResource()) {
            String reference;
            do {
                reference = Ids.newReference();
            } while (!"OK".equals(jedis.set(keys.key("reference", reference), id,
                    SetParams.setParams().nx().exAt(until.toEpochSecond()))));
            Conversation conversation = Conversation.opened(id, reference, residentId, channel, relay, language, subject,
                    at, until);
            Pipeline p = jedis.pipelined();
            p.set(conversationKey(id), json.write(conversation), SetParams.setParams().exAt(until.toEpochSecond()));
            p.zadd(residentConversationsKey(residentId), at.toInstant().toEpochMilli(), id);
            p.expire(residentConversationsKey(residentId), Duration.ofDays(retention.residentDays()).toSeconds());
            p.sync();
            return conversation;
        }
    }

    /** Saves the conversation and moves its retention deadline to {@code days} after its last activity. */
    public Conversation save(Conversation conversation) {
        Conversation kept = kept(conversation);
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined();
            queueSave(p, kept);
            p.sync();
        }
        return kept;
    }

    /**
     * Appends the messages and saves the conversation in one transaction (all or nothing), with the caller's other
     * writes of the same step: {@code inTransaction} inside it, {@code after} right after it. All in one round trip:
     * MULTI and EXEC go in the pipeline (Jedis's own transaction waits for the queued replies before EXEC, a second
     * round trip). A message is never stored without its conversation.
     */
    public Conversation saveWith(Conversation conversation, List<Message> appended,
                                 BiConsumer<PipeliningBase, Conversation> inTransaction,
                                 BiConsumer<PipeliningBase, Conversation> after) {
        Conversation kept = kept(conversation);
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined();
            p.sendCommand(Protocol.Command.MULTI, new String[0]);
            for (Message message : appended) {
                p.rpush(messagesKey(message.conversationId()), json.write(message));
            }
            queueSave(p, kept);
            inTransaction.accept(p, kept);
            Response<Object> exec = p.sendCommand(Protocol.Command.EXEC, new String[0]);
            after.accept(p, kept);
            p.sync();
            exec.get(); // throws when Redis refused the transaction
        }
        return kept;
    }

    public Conversation saveWith(Conversation conversation, List<Message> appended,
                                 BiConsumer<PipeliningBase, Conversation> inTransaction) {
        return saveWith(conversation, appended, inTransaction, (p, kept) -> { });
    }

    /** The conversation with its retention deadline {@code days} after its last activity. */
    private Conversation kept(Conversation conversation) {
        return conversation.keptUntil(conversation.updatedAt().plusDays(retention.daysFor(conversation.channel())));
    }

    private void queueSave(PipeliningBase p, Conversation kept) {
        long at = kept.retentionUntil().toEpochSecond();
        p.set(conversationKey(kept.id()), json.write(kept), SetParams.setParams().exAt(at));
        p.expireAt(messagesKey(kept.id()), at);
        p.expireAt(keys.key("reference", kept.reference()), at);
        if (kept.state() == ConversationState.BOT) {
            p.zadd(idleKey(), kept.updatedAt().toInstant().toEpochMilli(), kept.id());
        } else {
            p.zrem(idleKey(), kept.id());
        }
        if (kept.state() == ConversationState.WAITING) {
            p.zadd(waitingKey(), kept.updatedAt().toInstant().toEpochMilli(), kept.id());
        } else {
            p.zrem(waitingKey(), kept.id());
        }
    }

    /** Conversations only the assistant has taken part in, last active before {@code before}, oldest first. */
    public List<String> idleSince(OffsetDateTime before, int limit) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.zrangeByScore(idleKey(), 0, before.toInstant().toEpochMilli(), 0, limit);
        }
    }

    /** Takes a conversation off the idle list; true for the one instance that took it. */
    public boolean takeIdle(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.zrem(idleKey(), conversationId) == 1;
        }
    }

    /** Conversations waiting for a person whose state last changed before {@code before}, oldest first. */
    public List<String> waitingSince(OffsetDateTime before, int limit) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.zrangeByScore(waitingKey(), 0, before.toInstant().toEpochMilli(), 0, limit);
        }
    }

    /** Forgets a waiting conversation that no longer exists (expired with retention). */
    public void forgetWaiting(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            jedis.zrem(waitingKey(), conversationId);
        }
    }

    private String waitingKey() {
        return keys.key("conversations", "waiting");
    }

    private String idleKey() {
        return keys.key("conversations", "idle-bot");
    }

    public void append(Message message, OffsetDateTime retentionUntil) {
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined();
            p.rpush(messagesKey(message.conversationId()), json.write(message));
            p.expireAt(messagesKey(message.conversationId()), retentionUntil.toEpochSecond());
            p.sync();
        }
    }

    /**
     * Appends a resident's message and, in the same transaction, notes under {@code storedKey} which message this is,
     * so a retry of the same provider delivery finds it: either both are on a replica or neither is.
     */
    public void appendOnce(Message message, OffsetDateTime retentionUntil, String storedKey, Duration remember) {
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined(); // MULTI/EXEC in a pipeline: one round trip (see saveWith)
            p.sendCommand(Protocol.Command.MULTI, new String[0]);
            p.rpush(messagesKey(message.conversationId()), json.write(message));
            p.expireAt(messagesKey(message.conversationId()), retentionUntil.toEpochSecond());
            p.set(storedKey, message.conversationId() + " " + message.id(), SetParams.setParams().ex(remember.toSeconds()));
            Response<Object> exec = p.sendCommand(Protocol.Command.EXEC, new String[0]);
            p.sync();
            exec.get(); // throws when Redis refused the transaction
        }
    }

    /** Replaces one stored message (same id) in place, e.g. to record its delivery status. */
    public Optional<Message> replace(Message message) {
        String key = messagesKey(message.conversationId());
        try (Jedis jedis = pool.getResource()) {
            List<String> all = jedis.lrange(key, 0, -1);
            for (int i = 0; i < all.size(); i++) {
                if (json.read(all.get(i), Message.class).id().equals(message.id())) {
                    jedis.lset(key, i, json.write(message));
                    return Optional.of(message);
                }
            }
            return Optional.empty();
        }
    }

    /** Points the resident at the conversation a person is handling, so other channels can join it. */
    public void markOpenHandoff(String residentId, String conversationId, OffsetDateTime retentionUntil) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(openHandoffKey(residentId), conversationId, SetParams.setParams().exAt(retentionUntil.toEpochSecond()));
        }
    }

    public void markOpenHandoff(PipeliningBase writes, String residentId, String conversationId, OffsetDateTime retentionUntil) {
        writes.set(openHandoffKey(residentId), conversationId, SetParams.setParams().exAt(retentionUntil.toEpochSecond()));
    }

    /** Where a resident's message may belong: the conversation of its thread and the one a person handles, if any. */
    public record Pointers(String thread, String openHandoff) { }

    /** Both pointers in one round trip. */
    public Pointers pointers(String threadKey, String residentId) {
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined();
            Response<String> thread = p.get(keys.key("thread", threadKey));
            Response<String> handoff = p.get(openHandoffKey(residentId));
            p.sync();
            return new Pointers(thread.get(), handoff.get());
        }
    }

    /** The key a conversation is stored under, for reading it in the same round trip as taking its lock. */
    public String conversationKeyOf(String conversationId) {
        return conversationKey(conversationId);
    }

    /** A conversation as stored under {@link #conversationKeyOf}; empty for null. */
    public Optional<Conversation> parse(String stored) {
        return stored == null ? Optional.empty() : Optional.of(json.read(stored, Conversation.class));
    }

    /** The conversation the pointer names, only while a person still owns it (the pointer may be stale). */
    public Optional<Conversation> openHandoff(String residentId) {
        String id;
        try (Jedis jedis = pool.getResource()) {
            id = jedis.get(openHandoffKey(residentId));
        }
        return id == null ? Optional.empty() : find(id).filter(c -> c.state().ownedByHuman());
    }

    public void clearOpenHandoff(String residentId, String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            jedis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
                    List.of(openHandoffKey(residentId)), List.of(conversationId));
        }
    }

    public Optional<Conversation> find(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            String value = jedis.get(conversationKey(conversationId));
            return value == null ? Optional.empty() : Optional.of(json.read(value, Conversation.class));
        }
    }

    public Optional<Conversation> findByReference(String reference) {
        try (Jedis jedis = pool.getResource()) {
            String id = jedis.get(keys.key("reference", reference));
            return id == null ? Optional.empty() : find(id);
        }
    }

    public List<Message> messages(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            List<Message> out = new ArrayList<>();
            for (String value : jedis.lrange(messagesKey(conversationId), 0, -1)) {
                out.add(json.read(value, Message.class));
            }
            return out;
        }
    }

    /** Conversations of a resident, newest first; ones past retention have already gone. */
    public List<Conversation> ofResident(String residentId) {
        List<String> ids;
        try (Jedis jedis = pool.getResource()) {
            ids = jedis.zrevrange(residentConversationsKey(residentId), 0, 199);
        }
        List<Conversation> out = new ArrayList<>();
        for (String id : ids) {
            find(id).ifPresent(out::add);
        }
        return out;
    }

    /** The conversation a channel thread points at, if it is still there. */
    public Optional<String> thread(String threadKey) {
        try (Jedis jedis = pool.getResource()) {
            return Optional.ofNullable(jedis.get(keys.key("thread", threadKey)));
        }
    }

    public void linkThread(String threadKey, String conversationId, Duration ttl) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(keys.key("thread", threadKey), conversationId, SetParams.setParams().ex(ttl.toSeconds()));
        }
    }

    public void linkThread(PipeliningBase writes, String threadKey, String conversationId, Duration ttl) {
        writes.set(keys.key("thread", threadKey), conversationId, SetParams.setParams().ex(ttl.toSeconds()));
    }

    private String conversationKey(String id) {
        return keys.key("conversation", id);
    }

    private String messagesKey(String id) {
        return keys.key("conversation", id, "messages");
    }

    private String openHandoffKey(String residentId) {
        return keys.key("resident", residentId, "handoff");
    }

    private String residentConversationsKey(String residentId) {
        return keys.key("resident", residentId, "conversations");
    }
}
