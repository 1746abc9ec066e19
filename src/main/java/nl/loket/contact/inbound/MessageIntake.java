package nl.loket.contact.inbound;

import nl.loket.contact.AssistantOutcome;
import nl.loket.contact.ContactProperties;
import nl.loket.contact.Conversation;
import nl.loket.contact.ConversationEscalated;
import nl.loket.contact.ConversationState;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.Message;
import nl.loket.contact.MessageHandled;
import nl.loket.contact.MessageTooLongException;
import nl.loket.contact.Receipt;
import nl.loket.contact.Reply;
import nl.loket.contact.Resident;
import nl.loket.contact.Responder;
import nl.loket.contact.store.AfterLock;
import nl.loket.contact.store.ConversationBusyException;
import nl.loket.contact.store.ConversationLock;
import nl.loket.contact.store.ConversationStore;
import nl.loket.contact.store.Deliveries;
import nl.loket.contact.store.MessageRedaction;
import nl.loket.contact.store.ResidentStore;
import nl.loket.platform.Ids;
import nl.loket.platform.Json;
import nl.loket.platform.ReplicatedWrites;
import nl.loket.platform.reactions.Reactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Receiving one resident message: claim the provider delivery (idempotency), find or create the resident, find or
 * open the conversation ({@link ConversationFinder}), take its lock, <b>store the message</b>, and only then ask for
 * an answer ({@link Answers}); the answer, the new state and the delivery's receipt are stored in one transaction.
 */
@Component
public class MessageIntake {

    private static final Logger log = LoggerFactory.getLogger(MessageIntake.class);

    private final ResidentStore residents;
    private final ConversationStore conversations;
    private final Deliveries deliveries;
    private final ConversationLock lock;
    private final ConversationFinder finder;
    private final Answers answers;
    private final Json json;
    private final Clock clock;
    private final ContactProperties properties;
    private final Reactions events;
    private final MessageRedaction redaction;
    private final ReplicatedWrites replication;

    MessageIntake(ResidentStore residents, ConversationStore conversations, Deliveries deliveries,
                  ConversationLock lock, ConversationFinder finder, Answers answers, Json json, Clock clock,
                  ContactProperties properties, Reactions events, MessageRedaction redaction,
                  ReplicatedWrites replication) {
        this.residents = residents;
        this.conversations = conversations;
        this.deliveries = deliveries;
        this.lock = lock;
        this.finder = finder;
        this.answers = answers;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
        this.redaction = redaction;
        this.replication = replication;
    }

    /**
     * Stores one resident message and answers it; a repeated provider delivery gets the first receipt again. The
     * receipt is returned only once a replica has the message, its conversation and, on a hand-off, its task
     * ({@link ReplicatedWrites}); otherwise 503, and the retry gets this receipt.
     */
    public Receipt receive(InboundMessage inbound) {
        if (inbound.text().length() > properties.maxMessageLength()) {
            throw new MessageTooLongException("text", properties.maxMessageLength());
        }
        ReplicatedWrites.Mark writes = replication.begin();
        Receipt receipt = inbound.providerId() == null ? handle(inbound, null) : handleOnce(inbound);
        replication.confirm(writes);
        return receipt;
    }

    private Receipt handleOnce(InboundMessage inbound) {
        String deliveryKey = Deliveries.deliveryKey(inbound.channel(), inbound.providerId());
        if (!deliveries.claim(deliveryKey)) {
            return earlierReceipt(deliveryKey);
        }
        try {
            return handle(inbound, deliveryKey); // its last writes complete the delivery with the receipt
        } catch (RuntimeException e) {
            deliveries.release(deliveryKey);
            throw e;
        }
    }

    /** A conversation under its lock, as read when the lock was taken (or as just opened). */
    private record Locked(ConversationLock.Held held, Conversation conversation, Optional<String> storedMessageId,
                          String threadToLink) { }

    /** @param deliveryKey the provider delivery being handled, or null when the channel has no provider id */
    private Receipt handle(InboundMessage inbound, String deliveryKey) {
        Resident resident = residents.findOrCreate(inbound.identities(), inbound.displayName(), inbound.channel(),
                inbound.language(), inbound.receivedAt());
        String thread = ConversationFinder.threadKey(resident, inbound);
        Locked locked = lockThreadConversation(resident, thread, deliveryKey)
                .orElseGet(() -> lockFoundOrOpened(resident, inbound, deliveryKey));
        AfterLock after = new AfterLock(events);
        Receipt receipt;
        try {
            receipt = handleLocked(locked, resident, inbound, deliveryKey, after);
        } finally {
            lock.release(locked.held());
        }
        return after.publishAfter(receipt);
    }

    /**
     * The usual case in few round trips: the thread already has an open conversation and no other conversation is
     * with a person, so the lock is taken on it at once and the conversation read in the same round trip. Empty
     * for everything else, which takes the general way ({@link ConversationFinder#findOrOpen}).
     */
    private Optional<Locked> lockThreadConversation(Resident resident, String thread, String deliveryKey) {
        if (thread == null) {
            return Optional.empty();
        }
        ConversationStore.Pointers pointers = conversations.pointers(thread, resident.id());
        String id = pointers.thread();
        if (id == null || (pointers.openHandoff() != null && !pointers.openHandoff().equals(id))) {
            return Optional.empty();
        }
        ConversationLock.Held held = lock.acquire(id, readUnderLock(id, deliveryKey));
        Optional<Conversation> found = conversations.parse(held.read(0));
        if (found.isEmpty() || found.get().state() == ConversationState.CLOSED) {
            lock.release(held);
            return Optional.empty();
        }
        return Optional.of(new Locked(held, found.get(), stored(held, id, deliveryKey), thread));
    }

    private Locked lockFoundOrOpened(Resident resident, InboundMessage inbound, String deliveryKey) {
        Conversation opened = finder.findOrOpen(resident, inbound);
        ConversationLock.Held held = lock.acquire(opened.id(), readUnderLock(opened.id(), deliveryKey));
        return new Locked(held, conversations.parse(held.read(0)).orElse(opened), stored(held, opened.id(), deliveryKey),
                null);
    }

    /** The conversation, and for a provider delivery the note of a message an earlier try stored. */
    private List<String> readUnderLock(String conversationId, String deliveryKey) {
        return deliveryKey == null ? List.of(conversations.conversationKeyOf(conversationId))
                : List.of(conversations.conversationKeyOf(conversationId), deliveries.storedKey(deliveryKey));
    }

    private static Optional<String> stored(ConversationLock.Held held, String conversationId, String deliveryKey) {
        return deliveryKey == null ? Optional.empty() : Deliveries.storedMessageIn(held.read(1), conversationId);
    }

    private Receipt handleLocked(Locked locked, Resident resident, InboundMessage inbound, String deliveryKey,
                                 AfterLock after) {
        Conversation conversation = locked.conversation();
        String conversationId = conversation.id();
        if (inbound.relay() != null && conversation.relay() == null) {
            conversation = conversation.withRelay(inbound.relay());
        }
        Optional<Message> earlier = locked.storedMessageId().flatMap(id ->
                conversations.messages(conversationId).stream().filter(m -> m.id().equals(id)).findFirst());
        Message message = earlier.orElseGet(() -> Message.received(Ids.newId(), conversationId, inbound,
                redaction.redact(inbound.text())));
        // The message, its conversation and the note of its delivery in one transaction, before anything else.
        conversation = conversations.saveWith(conversation.touched(inbound.receivedAt()),
                earlier.isPresent() ? List.of() : List.of(message), (writes, kept) -> {
                    if (earlier.isEmpty() && deliveryKey != null) {
                        deliveries.noteStored(writes, deliveryKey, message);
                    }
                    if (locked.threadToLink() != null) {
                        conversations.linkThread(writes, locked.threadToLink(), conversationId,
                                finder.threadTtl(inbound.channel()));
                    }
                });
        if (earlier.isPresent()) {
            // Stored by a first handling that died (instance stopped, master failed over): answered now, not stored twice.
            log.info("Delivery of message {} in conversation {} handled again after an interrupted first try",
                    message.id(), conversation.id());
        }

        AtomicBoolean backInQueue = new AtomicBoolean();
        Responder.Decision decision = answers.decide(conversation, message, after, backInQueue);
        Reply reply = decision.reply();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (backInQueue.get() && conversation.state() == ConversationState.WITH_AGENT) {
            conversation = conversation.withState(ConversationState.WAITING, now);
        }
        List<Message> replies = reply.text() == null || reply.text().isBlank() ? List.of()
                : List.of(Message.assistantReply(Ids.newId(), conversation, reply.text(), redaction.redact(reply.text()), now));
        boolean newlyEscalated = reply.escalated() && !conversation.state().ownedByHuman();
        if (!conversation.state().ownedByHuman()) {
            conversation = conversation.withOutcome(new AssistantOutcome(message.id(), reply.outcome(),
                    reply.topic(), reply.articleId(), decision.confidence(),
                    reply.escalation() == null ? null : reply.escalation().reason(), reply.language(), now), now);
        }
        if (newlyEscalated) {
            conversation = conversation.withState(ConversationState.WAITING, now);
        }
        if (newlyEscalated) {
            after.add(new ConversationEscalated(conversation.id(), resident.id(), message.id(), reply.escalation(), now));
        }
        after.add(new MessageHandled(conversation.id(), message.id(), conversation.channel(),
                conversation.relay(), reply.language(), !newlyEscalated && conversation.state().ownedByHuman(),
                reply.outcome(), reply.escalation() == null ? null : reply.escalation().reason(), reply.topic(),
                reply.articleId(), message.at(), now));
        // The answer, the new state and the delivery's receipt in one transaction; right after it, in the same round
        // trip, the events into the outbox and the lock's release.
        conversation = conversations.saveWith(conversation, replies, (writes, kept) -> {
            if (newlyEscalated) {
                conversations.markOpenHandoff(writes, resident.id(), kept.id(), kept.retentionUntil());
            }
            if (deliveryKey != null) {
                deliveries.complete(writes, deliveryKey,
                        json.write(new StoredReceipt(resident.id(), kept.id(), message.id(), reply)));
            }
        }, (writes, kept) -> {
            after.appendWith(writes);
            lock.releaseWith(writes, locked.held());
        });
        lock.released(locked.held());
        return new Receipt(resident.id(), conversation, message.id(), reply, false);
    }

    private Receipt earlierReceipt(String deliveryKey) {
        long deadline = System.nanoTime() + properties.lockTimeout().toNanos();
        while (true) {
            Optional<String> stored = deliveries.previous(deliveryKey);
            if (stored.isPresent() && !Deliveries.PENDING.equals(stored.get())) {
                StoredReceipt earlier = json.read(stored.get(), StoredReceipt.class);
                Conversation conversation = conversations.find(earlier.conversationId())
                        .orElseThrow(() -> new IllegalStateException("conversation of an earlier delivery is gone"));
                return new Receipt(earlier.residentId(), conversation, earlier.messageId(), earlier.reply(), true);
            }
            if (stored.isEmpty() || System.nanoTime() > deadline) {
                // The first delivery failed and was released, or is still running: the provider retries later.
                throw new ConversationBusyException();
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** What a repeated delivery needs to give the same answer again. */
    record StoredReceipt(String residentId, String conversationId, String messageId, Reply reply) { }
}
