package nl.loket.contact.lifecycle;

import nl.loket.contact.ContactProperties;
import nl.loket.contact.Conversation;
import nl.loket.contact.ConversationClosed;
import nl.loket.contact.ConversationState;
import nl.loket.contact.Outcome;
import nl.loket.contact.Resolution;
import nl.loket.contact.store.AfterLock;
import nl.loket.contact.store.ConversationLock;
import nl.loket.contact.store.ConversationStore;
import nl.loket.platform.reactions.Reactions;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A conversation's states after the assistant: waiting for a person, with an agent, back in the queue, closed by a
 * person with a resolution, or closed when only the assistant took part and the resident went quiet. Every change is
 * stored under the conversation's lock; a close is announced ({@link ConversationClosed}) once the lock is released.
 */
@Component
public class ConversationLifecycle {

    private final ConversationStore conversations;
    private final ConversationLock lock;
    private final Clock clock;
    private final ContactProperties properties;
    private final Reactions events;

    ConversationLifecycle(ConversationStore conversations, ConversationLock lock, Clock clock,
                          ContactProperties properties, Reactions events) {
        this.conversations = conversations;
        this.lock = lock;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
    }

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
     * Conversations waiting for a person since before {@code before} (oldest first), for the hand-off
     * module to check that each has its task. Ids of conversations gone with retention are dropped.
     */
    public List<Conversation> waitingSince(OffsetDateTime before, int limit) {
        List<Conversation> waiting = new ArrayList<>();
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
}
