package nl.loket.registry;

import nl.loket.contact.ConversationClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Durable first: a closed conversation becomes a job in the Redis outbox before anything is sent, so a
 * stopped process or an unreachable API loses nothing. The route {@code registry-outbox} does the sending.
 */
@Component
class ConversationClosedListener {

    private static final Logger log = LoggerFactory.getLogger(ConversationClosedListener.class);

    private final KlantinteractiesProperties properties;
    private final RegistrationJobs jobs;

    ConversationClosedListener(KlantinteractiesProperties properties, RegistrationJobs jobs) {
        this.properties = properties;
        this.jobs = jobs;
    }

    @EventListener
    void on(ConversationClosed closed) {
        if (!properties.enabled()) {
            return;
        }
        if (jobs.enqueue(closed.conversationId())) {
            log.info("Conversation {} queued for registration in the Klantinteracties API", closed.conversationId());
        }
    }
}
