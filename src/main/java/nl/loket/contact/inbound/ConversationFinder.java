package nl.loket.contact.inbound;

import nl.loket.contact.CampaignLinks;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactProperties;
import nl.loket.contact.Conversation;
import nl.loket.contact.ConversationState;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.Resident;
import nl.loket.contact.RetentionProperties;
import nl.loket.contact.store.ConversationLock;
import nl.loket.contact.store.ConversationStore;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Which conversation a resident's message belongs to: the one of its channel thread (chat session, call, a running SMS
 * exchange), the one a person is handling for this resident on any channel, or a new one.
 */
@Component
public class ConversationFinder {

    private final ConversationStore conversations;
    private final ConversationLock lock;
    private final CampaignLinks campaignLinks;
    private final ContactProperties properties;
    private final RetentionProperties retention;

    ConversationFinder(ConversationStore conversations, ConversationLock lock, CampaignLinks campaignLinks,
                       ContactProperties properties, RetentionProperties retention) {
        this.conversations = conversations;
        this.lock = lock;
        this.campaignLinks = campaignLinks;
        this.properties = properties;
        this.retention = retention;
    }

    /** The conversation a channel thread (chat session, call) belongs to, if any message was stored yet. */
    public Optional<Conversation> conversationOfThread(Channel channel, String threadKey) {
        return conversations.thread(channelThread(channel, threadKey))
                .flatMap(conversations::find);
    }

    Conversation findOrOpen(Resident resident, InboundMessage inbound) {
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
    static String threadKey(Resident resident, InboundMessage inbound) {
        if (inbound.threadKey() != null) {
            return channelThread(inbound.channel(), inbound.threadKey());
        }
        return inbound.channel() == Channel.SMS ? "SMS:resident:" + resident.id() : null;
    }

    /** A channel's own thread (chat session, call id); the id is hashed because it can identify a resident. */
    private static String channelThread(Channel channel, String threadKey) {
        return channel.name() + ":" + RedisKeys.hashed(threadKey);
    }

    /** How long a thread keeps pointing at its conversation. */
    Duration threadTtl(Channel channel) {
        return channel == Channel.SMS ? properties.smsThreadIdle() : Duration.ofDays(retention.daysFor(channel));
    }
}
