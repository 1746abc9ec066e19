package nl.loket.contact.lifecycle;

import nl.loket.contact.ContactProperties;
import nl.loket.contact.Conversation;
import nl.loket.contact.DeliveryStatus;
import nl.loket.contact.Message;
import nl.loket.contact.MessageTooLongException;
import nl.loket.contact.store.ConversationLock;
import nl.loket.contact.store.ConversationStore;
import nl.loket.contact.store.Deliveries;
import nl.loket.contact.store.MessageRedaction;
import nl.loket.platform.Ids;
import nl.loket.platform.ReplicatedWrites;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * An agent's replies in a conversation a person holds: stored before anything tries to send them (delivery status
 * PENDING), at most once per idempotency key, and then how sending each went (SENT, FAILED, CALLBACK, …).
 */
@Component
public class AgentReplies {

    private final ConversationStore conversations;
    private final Deliveries deliveries;
    private final ConversationLock lock;
    private final Clock clock;
    private final ContactProperties properties;
    private final MessageRedaction redaction;
    private final ReplicatedWrites replication;

    AgentReplies(ConversationStore conversations, Deliveries deliveries, ConversationLock lock, Clock clock,
                 ContactProperties properties, MessageRedaction redaction, ReplicatedWrites replication) {
        this.conversations = conversations;
        this.deliveries = deliveries;
        this.lock = lock;
        this.clock = clock;
        this.properties = properties;
        this.redaction = redaction;
        this.replication = replication;
    }

    /**
     * Stores an agent's reply on the conversation, before anything tries to send it (delivery status PENDING), and
     * returns once a replica has it: a reply the agent saw accepted survives a failover. A resend with the same
     * {@code idempotencyKey} (the first try answered 503, e.g. no replica confirmed in time) returns the reply the first
     * try stored, as it is now, instead of storing a second copy.
     *
     * @param idempotencyKey the reply's name, scoped by the caller so no other task or agent can collide; null: none
     */
    public Message appendAgentMessage(String conversationId, String text, String idempotencyKey) {
        if (text.length() > properties.maxMessageLength()) {
            throw new MessageTooLongException("text", properties.maxMessageLength());
        }
        String deliveryKey = idempotencyKey == null ? null : Deliveries.agentReplyKey(idempotencyKey);
        ReplicatedWrites.Mark writes = replication.begin();
        Message stored = lock.withLock(conversationId, () -> {
            Conversation conversation = existing(conversationId);
            Optional<Message> earlier = storedBefore(deliveryKey, conversationId);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            Message message = Message.agentReply(Ids.newId(), conversation, text, redaction.redact(text), now);
            conversation = conversations.save(conversation.touched(now));
            if (deliveryKey == null) {
                conversations.append(message, conversation.retentionUntil());
            } else {
                // the message and the note of its key in one transaction: a resend finds both or neither
                conversations.appendOnce(message, conversation.retentionUntil(), deliveries.storedKey(deliveryKey),
                        deliveries.window());
            }
            return message;
        });
        replication.confirm(writes);
        return stored;
    }

    /** Records how sending a stored message went (SENT, FAILED, CALLBACK), so the agent sees it. */
    public Optional<Message> recordDelivery(String conversationId, String messageId, DeliveryStatus status) {
        return lock.withLock(conversationId, () -> conversations.messages(conversationId).stream()
                .filter(m -> m.id().equals(messageId)).findFirst()
                .flatMap(m -> conversations.replace(m.withDeliveryStatus(status))));
    }

    private Optional<Message> storedBefore(String deliveryKey, String conversationId) {
        if (deliveryKey == null) {
            return Optional.empty();
        }
        return deliveries.storedMessage(deliveryKey, conversationId).flatMap(id ->
                conversations.messages(conversationId).stream().filter(m -> m.id().equals(id)).findFirst());
    }

    private Conversation existing(String conversationId) {
        return conversations.find(conversationId)
                .orElseThrow(() -> new IllegalStateException("conversation " + conversationId + " is gone"));
    }
}
