package nl.loket.handoff;

import jakarta.annotation.PreDestroy;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.DeliveryStatus;
import nl.loket.contact.Conversation;
import nl.loket.contact.DeliveryResult;
import nl.loket.contact.Message;
import nl.loket.contact.OutboundChannel;
import nl.loket.contact.Resident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a stored agent reply through the resident's channel, in the background so the agent is not kept
 * waiting on Twilio or a mail server. A failing channel is tried again with growing waits; the result
 * lands on the message's delivery status (SENT, FAILED, CALLBACK), so nothing is dropped unseen.
 * The conversation's own channel goes first; when it cannot reach this resident (a form with only a
 * phone number), SMS is tried.
 */
@Component
class ReplyDelivery {

    private static final Logger log = LoggerFactory.getLogger(ReplyDelivery.class);

    private final List<OutboundChannel> channels;
    private final ContactService contacts;
    private final TaskStore tasks;
    private final HandoffProperties properties;
    private final ScheduledExecutorService executor;
    private final PendingDeliveries pending;

    ReplyDelivery(List<OutboundChannel> channels, ContactService contacts, TaskStore tasks, HandoffProperties properties,
                  PendingDeliveries pending) {
        this.pending = pending;
        this.channels = channels;
        this.contacts = contacts;
        this.tasks = tasks;
        this.properties = properties;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "handoff-delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** True for the one handling of a reply that sends it; a resend of the same reply gets false. */
    boolean claimFirstSend(HandoffTask task, Message message) {
        return pending.claimFirstSend(task.id(), message.id());
    }

    void giveBackFirstSend(HandoffTask task, Message message) {
        pending.giveBackFirstSend(task.id(), message.id());
    }

    void dispatch(HandoffTask task, Message message) {
        lease(task, message, 0, false);
        executor.execute(() -> attempt(task, message, 1, false));
    }

    /**
     * As {@link #dispatch}, for a text the resident must be able to read back (call-back times to pick from, a missed
     * call-back): a phone resident gets it by SMS, else by e-mail, instead of it waiting for a call.
     */
    void dispatchInWriting(HandoffTask task, Message message) {
        lease(task, message, 0, true);
        executor.execute(() -> attempt(task, message, 1, true));
    }

    /** Tells the other instances this reply is being sent, and how (see {@link PendingDeliveries}). */
    private void lease(HandoffTask task, Message message, long waitMillis, boolean inWriting) {
        try {
            pending.lease(task.id(), message.id(), waitMillis, inWriting);
        } catch (RuntimeException e) {
            // Redis is away: the attempt goes on; an earlier lease, if any, still covers it.
        }
    }

    private void attempt(HandoffTask task, Message message, int attempt, boolean inWriting) {
        lease(task, message, 0, inWriting);
        DeliveryResult result;
        try {
            result = send(task, message, inWriting);
        } catch (RuntimeException e) {
            result = DeliveryResult.failed(e.getClass().getSimpleName(), true);
        }
        if (result.status() == DeliveryResult.Status.FAILED && result.retryable() && attempt < properties.deliveryAttempts()) {
            long wait = properties.deliveryBackoff().toMillis() << (attempt - 1);
            lease(task, message, wait, inWriting);
            executor.schedule(() -> attempt(task, message, attempt + 1, inWriting), wait, TimeUnit.MILLISECONDS);
            return;
        }
        if (result.status() == DeliveryResult.Status.FAILED) {
            log.warn("Agent reply {} on task {} not delivered after {} attempt(s): {}", message.id(), task.id(),
                    attempt, result.detail());
        }
        record(task, message, result, 1, inWriting);
    }

    /**
     * Records the final delivery status, again and again while Redis is away (a failover takes seconds): a reply
     * left PENDING when its lease runs out is sent once more by another instance, and the resident would get it twice.
     */
    private void record(HandoffTask task, Message message, DeliveryResult result, int tries, boolean inWriting) {
        try {
            switch (result.status()) {
                case SENT -> contacts.recordDelivery(task.conversationId(), message.id(), DeliveryStatus.SENT);
                case CALLBACK -> {
                    contacts.recordDelivery(task.conversationId(), message.id(), DeliveryStatus.CALLBACK);
                    tasks.update(task.id(), t -> t.callback() ? t : t.needsCallback(), TaskStore.Transition.none());
                }
                case FAILED -> contacts.recordDelivery(task.conversationId(), message.id(), DeliveryStatus.FAILED);
            }
            pending.done(task.id(), message.id());
        } catch (RuntimeException e) {
            if (tries < RECORD_TRIES) {
                long wait = RECORD_RETRY.toMillis() * tries;
                lease(task, message, wait, inWriting);
                executor.schedule(() -> record(task, message, result, tries + 1, inWriting), wait, TimeUnit.MILLISECONDS);
                return;
            }
            log.error("Could not record delivery of agent reply {} on task {}: {}", message.id(), task.id(), e.toString());
        }
    }

    /** Ten tries over about a minute, well inside the lease of {@link PendingDeliveries}. */
    private static final int RECORD_TRIES = 10;
    private static final Duration RECORD_RETRY = Duration.ofSeconds(1);

    private DeliveryResult send(HandoffTask task, Message message, boolean inWriting) {
        Conversation conversation = contacts.conversation(task.conversationId()).orElse(null);
        Resident resident = contacts.resident(task.residentId()).orElse(null);
        if (conversation == null || resident == null) {
            return DeliveryResult.failed("conversation or resident no longer kept", false);
        }
        Optional<OutboundChannel> channel = inWriting && conversation.channel() == Channel.PHONE
                ? reaching(Channel.SMS, conversation, resident).or(() -> reaching(Channel.WEBFORM, conversation, resident))
                : reaching(conversation.channel(), conversation, resident).or(() -> reaching(Channel.SMS, conversation, resident));
        return channel.map(c -> c.deliver(conversation, resident, message))
                .orElseGet(() -> DeliveryResult.failed("no channel reaches this resident", false));
    }

    private Optional<OutboundChannel> reaching(Channel wanted, Conversation conversation, Resident resident) {
        return channels.stream().filter(c -> c.channel() == wanted && c.reaches(conversation, resident)).findFirst();
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
