package nl.loket.contact;

import nl.loket.contact.store.AfterLock;
import nl.loket.contact.store.ConversationBusyException;
import nl.loket.contact.store.ConversationLock;
import nl.loket.contact.store.ConversationStore;
import nl.loket.contact.store.Deliveries;
import nl.loket.contact.store.MessageRedaction;
import nl.loket.contact.store.ResidentStore;
import nl.loket.platform.Ids;
import nl.loket.platform.Json;
import nl.loket.platform.Prompts;
import nl.loket.platform.RedisKeys;
import nl.loket.platform.ReplicatedWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import nl.loket.platform.reactions.Reactions;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The contact module's facade: every channel hands its {@link InboundMessage} to {@link #receive},
 * which finds the resident, finds or opens the conversation, stores the message, and only then
 * asks the {@link Responder} for an answer. A message is stored before anything can fail on it.
 */
@Service
public class ContactService {

    private static final Logger log = LoggerFactory.getLogger(ContactService.class);

    private final ResidentStore residents;
    private final ConversationStore conversations;
    private final Deliveries deliveries;
    private final ConversationLock lock;
    private final ObjectProvider<Responder> responder;
    private final ObjectProvider<OpenChoices> choices;
    private final Prompts prompts;
    private final Json json;
    private final Clock clock;
    private final ContactProperties properties;
    private final RetentionProperties retention;
    private final Reactions events;
    private final MessageRedaction redaction;
    private final CampaignLinks campaignLinks;
    private final ReplicatedWrites replication;

    ContactService(ResidentStore residents, ConversationStore conversations, Deliveries deliveries,
                   ConversationLock lock, ObjectProvider<Responder> responder, Prompts prompts, Json json, Clock clock,
                   ContactProperties properties, RetentionProperties retention, Reactions events,
                   MessageRedaction redaction, CampaignLinks campaignLinks, ReplicatedWrites replication,
                   ObjectProvider<OpenChoices> choices) {
        this.choices = choices;
        this.residents = residents;
        this.conversations = conversations;
        this.deliveries = deliveries;
        this.lock = lock;
        this.responder = responder;
        this.prompts = prompts;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.retention = retention;
        this.events = events;
        this.redaction = redaction;
        this.campaignLinks = campaignLinks;
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
        String thread = threadKey(resident, inbound);
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
     * for everything else, which takes the general way ({@link #findOrOpen}).
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
        Conversation opened = findOrOpen(resident, inbound);
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
                        conversations.linkThread(writes, locked.threadToLink(), conversationId, threadTtl(inbound.channel()));
                    }
                });
        if (earlier.isPresent()) {
            // Stored by a first handling that died (instance stopped, master failed over): answered now, not stored twice.
            log.info("Delivery of message {} in conversation {} handled again after an interrupted first try",
                    message.id(), conversation.id());
        }

        AtomicBoolean backInQueue = new AtomicBoolean();
        Responder.Decision decision = decide(conversation, message, after, backInQueue);
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

    private Optional<Message> storedBefore(String deliveryKey, String conversationId) {
        if (deliveryKey == null) {
            return Optional.empty();
        }
        return deliveries.storedMessage(deliveryKey, conversationId).flatMap(id ->
                conversations.messages(conversationId).stream().filter(m -> m.id().equals(id)).findFirst());
    }

    private Conversation findOrOpen(Resident resident, InboundMessage inbound) {
        String thread = threadKey(resident, inbound);
        Optional<Conversation> existing = existing(resident, thread);
        if (existing.isPresent() || thread == null) {
            return linked(thread, inbound, existing.orElseGet(() -> open(resident, inbound)));
        }
        // The first messages of one thread may arrive at once (on different instances): one opens the conversation.
        return lock.withLock("thread:" + thread, () -> linked(thread, inbound,
                existing(resident, thread).orElseGet(() -> open(resident, inbound))));
    }

    private Optional<Conversation> existing(Resident resident, String thread) {
        Optional<Conversation> existing = thread == null ? Optional.empty() : conversations.thread(thread)
                .flatMap(conversations::find)
                .filter(c -> c.state() != ConversationState.CLOSED);
        // While a person handles this resident, a message on any other channel joins that conversation,
        // so the agent sees it and the assistant does not answer beside them.
        if (existing.isEmpty() || !existing.get().state().ownedByHuman()) {
            Optional<Conversation> handoff = conversations.openHandoff(resident.id());
            if (handoff.isPresent()) {
                existing = handoff;
            }
        }
        return existing;
    }

    private Conversation open(Resident resident, InboundMessage inbound) {
        // A reply to a campaign message says so in its subject, so the agent sees what it answers.
        String subject = inbound.subject() != null ? inbound.subject()
                : campaignLinks.subjectFor(inbound.identities()).orElse(null);
        return conversations.open(resident.id(), inbound.channel(), inbound.relay(), inbound.language(),
                subject, inbound.receivedAt());
    }

    private Conversation linked(String thread, InboundMessage inbound, Conversation conversation) {
        if (thread != null) {
            conversations.linkThread(thread, conversation.id(), threadTtl(inbound.channel()));
        }
        return conversation;
    }

    /** Chat sessions and calls carry their own thread; SMS continues while messages keep coming; each form is new. */
    private static String threadKey(Resident resident, InboundMessage inbound) {
        if (inbound.threadKey() != null) {
            return channelThread(inbound.channel(), inbound.threadKey());
        }
        return inbound.channel() == Channel.SMS ? "SMS:resident:" + resident.id() : null;
    }

    /** A channel's own thread (chat session, call id); the id is hashed because it can identify a resident. */
    private static String channelThread(Channel channel, String threadKey) {
        return channel.name() + ":" + RedisKeys.hashed(threadKey);
    }

    private Duration threadTtl(Channel channel) {
        return channel == Channel.SMS ? properties.smsThreadIdle() : Duration.ofDays(retention.daysFor(channel));
    }

    /** @param backInQueue set when the message answered a choice that put the conversation back in a queue */
    private Responder.Decision decide(Conversation conversation, Message message, AfterLock after, AtomicBoolean backInQueue) {
        String language = conversation.language() == null ? "nl" : conversation.language();
        if (conversation.state().ownedByHuman()) {
            Responder available = responder.getIfAvailable();
            Optional<Reply> urgent = available == null ? Optional.empty()
                    : available.urgentWhileWithPerson(conversation, message);
            if (urgent.isPresent()) {
                after.add(new CrisisDuringHandoff(conversation.id(), message.id()));
                return new Responder.Decision(urgent.get(), null);
            }
            OpenChoices open = choices.getIfAvailable();
            Optional<OpenChoices.Answer> answered = open == null ? Optional.empty() : open.answer(conversation, message);
            if (answered.isPresent()) {
                backInQueue.set(answered.get().backInQueue());
                return new Responder.Decision(new Reply(answered.get().text(), Outcome.ESCALATED, language, conversation.topic(),
                        null, List.of(), new Reply.Escalation(lastReason(conversation), null, conversation.reference(), null)), null);
            }
            return new Responder.Decision(new Reply(prompts.text("message-forwarded", language, Map.of("reference", conversation.reference())),
                    Outcome.ESCALATED, language, conversation.topic(), null, List.of(),
                    new Reply.Escalation(lastReason(conversation), null, conversation.reference(), null)), null);
        }
        Responder available = responder.getIfAvailable();
        if (available == null) {
            return new Responder.Decision(receivedReply(conversation, language), null);
        }
        try {
            return available.respond(conversation, message);
        } catch (RuntimeException e) {
            // The message is stored; a person takes it further. The log names the failure, never the text.
            log.error("Responder failed on message {} of conversation {}: {}", message.id(), conversation.id(), e.toString());
            return new Responder.Decision(receivedReply(conversation, language), null);
        }
    }

    private static EscalationReason lastReason(Conversation conversation) {
        return conversation.outcomes().stream()
                .map(AssistantOutcome::reason).filter(r -> r != null)
                .reduce((a, b) -> b).orElse(EscalationReason.NO_ANSWER);
    }

    /** The safe answer when nothing better can be said: stored, a colleague takes it further, here is your reference. */
    Reply receivedReply(Conversation conversation, String language) {
        String text = prompts.text("received", language, Map.of("reference", conversation.reference()));
        return new Reply(text, Outcome.ESCALATED, language, null, null, List.of(),
                new Reply.Escalation(EscalationReason.NO_ANSWER, EscalationReason.NO_ANSWER.defaultPriority(),
                        conversation.reference(), null));
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

    // ---- people taking over: used by the hand-off module, always store first ----

    /** An agent took the conversation. */
    public Conversation assign(String conversationId) {
        return changeState(conversationId, ConversationState.WITH_AGENT);
    }

    /** The agent gave the conversation back (or went silent): it waits for the next agent. */
    public Conversation requeue(String conversationId) {
        return changeState(conversationId, ConversationState.WAITING);
    }

    /** A person closed the conversation with a resolution code; the resident's next message opens a new one. */
    public Conversation close(String conversationId, Resolution resolution) {
        AfterLock after = new AfterLock(events);
        return after.publishAfter(lock.withLock(conversationId, () -> {
            Conversation conversation = existing(conversationId);
            if (conversation.state() == ConversationState.CLOSED) {
                return conversation;
            }
            Conversation closed = conversations.save(conversation.closedWith(resolution, OffsetDateTime.now(clock)));
            conversations.clearOpenHandoff(closed.residentId(), closed.id());
            after.add(new ConversationClosed(closed.id(), closed.residentId(), resolution, closed.closedAt()));
            return closed;
        }));
    }

    /**
     * Closes a conversation only the assistant took part in, once it has been quiet for
     * {@code loket.contact.idle-close}; a message that came in meanwhile keeps it open.
     * Returns the closed conversation, or empty when there was nothing to close.
     */
    Optional<Conversation> closeIdle(String conversationId) {
        AfterLock after = new AfterLock(events);
        return after.publishAfter(lock.withLock(conversationId, () -> {
            Optional<Conversation> found = conversations.find(conversationId);
            if (found.isEmpty() || found.get().state() != ConversationState.BOT) {
                return Optional.<Conversation>empty();
            }
            Conversation conversation = found.get();
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (conversation.updatedAt().isAfter(now.minus(properties.idleClose()))) {
                conversations.save(conversation);  // active again: back on the idle list with its new time
                return Optional.<Conversation>empty();
            }
            boolean answered = conversation.outcomes().stream().anyMatch(o -> o.outcome() == Outcome.ANSWERED);
            Resolution resolution = answered ? Resolution.ASSISTANT_ANSWERED : Resolution.ASSISTANT_NO_ANSWER;
            Conversation closed = conversations.save(conversation.closedWith(resolution, now));
            after.add(new ConversationClosed(closed.id(), closed.residentId(), resolution, closed.closedAt()));
            return Optional.of(closed);
        }));
    }

    /**
     * Stores an agent's reply on the conversation, before anything tries to send it (delivery status PENDING), and
     * returns once a replica has it: a reply the agent saw accepted survives a failover.
     */
    public Message appendAgentMessage(String conversationId, String text) {
        return appendAgentMessage(conversationId, text, null);
    }

    /**
     * Like {@link #appendAgentMessage(String, String)}; a resend with the same {@code idempotencyKey} (the first try
     * answered 503, e.g. no replica confirmed in time) returns the reply the first try stored, as it is now, instead
     * of storing a second copy.
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

    private Conversation changeState(String conversationId, ConversationState state) {
        return lock.withLock(conversationId, () -> {
            Conversation conversation = existing(conversationId);
            if (conversation.state() == state || conversation.state() == ConversationState.CLOSED) {
                return conversation;
            }
            return conversations.save(conversation.withState(state, OffsetDateTime.now(clock)));
        });
    }

    private Conversation existing(String conversationId) {
        return conversations.find(conversationId)
                .orElseThrow(() -> new IllegalStateException("conversation " + conversationId + " is gone"));
    }

    // ---- reading, for channels and agents ----

    /**
     * Conversations waiting for a person since before {@code before} (oldest first), for the hand-off
     * module to check that each has its task. Ids of conversations gone with retention are dropped.
     */
    public List<Conversation> waitingSince(OffsetDateTime before, int limit) {
        List<Conversation> waiting = new java.util.ArrayList<>();
        for (String id : conversations.waitingSince(before, limit)) {
            Optional<Conversation> found = conversations.find(id);
            if (found.isEmpty()) {
                conversations.forgetWaiting(id);
            } else if (found.get().state() == ConversationState.WAITING) {
                waiting.add(found.get());
            }
        }
        return waiting;
    }

    /** The hand-off module confirmed this waiting conversation has its task: no need to check it again. */
    public void waitingHasTask(String conversationId) {
        conversations.forgetWaiting(conversationId);
    }

    /** The choice a person put to the resident that is still open in this conversation (call-back times), if any. */
    public Optional<OpenChoices.Choice> openChoice(String conversationId) {
        OpenChoices open = choices.getIfAvailable();
        return open == null ? Optional.empty() : open.open(conversationId);
    }

    public Optional<Conversation> conversation(String conversationId) {
        return conversations.find(conversationId);
    }

    public Optional<Conversation> conversationByReference(String reference) {
        return conversations.findByReference(reference);
    }

    /** The conversation a channel thread (chat session, call) belongs to, if any message was stored yet. */
    public Optional<Conversation> conversationOfThread(Channel channel, String threadKey) {
        return conversations.thread(channelThread(channel, threadKey))
                .flatMap(conversations::find);
    }

    public List<Message> messages(String conversationId) {
        return conversations.messages(conversationId);
    }

    public Optional<Resident> resident(String residentId) {
        return residents.find(residentId);
    }

    public Optional<String> residentIdOf(Identity identity) {
        return residents.findIdByIdentity(identity);
    }

    /** A resident's contacts across every channel, newest first, with those of residents an agent confirmed as the same person. */
    public List<ContactSummary> history(String residentId) {
        java.util.stream.Stream<Conversation> own = conversations.ofResident(residentId).stream();
        java.util.stream.Stream<Conversation> confirmed = residents.confirmedMatches(residentId).stream()
                .flatMap(other -> conversations.ofResident(other).stream());
        return java.util.stream.Stream.concat(own, confirmed)
                .sorted(java.util.Comparator.comparing(Conversation::startedAt).reversed())
                .map(c -> ContactSummary.of(c, conversations.messages(c.id()))).toList();
    }

    /** Residents who may be this resident (same typed phone number or e-mail address), for an agent to decide on. */
    public List<PossibleMatch> possibleMatches(String residentId) {
        return residents.possibleMatches(residentId).stream().sorted()
                .flatMap(other -> residents.find(other).stream())
                .map(other -> new PossibleMatch(other.id(), conversations.ofResident(other.id()).size(),
                        other.lastContactAt()))
                .toList();
    }

    /**
     * An agent decided whether a possible match is the same person: confirmed, the histories show together;
     * rejected, it is not proposed again. False when the pair was not (or no longer) a possible match.
     */
    public boolean decideMatch(String residentId, String otherResidentId, boolean samePerson) {
        return residents.decideMatch(residentId, otherResidentId, samePerson);
    }
}
