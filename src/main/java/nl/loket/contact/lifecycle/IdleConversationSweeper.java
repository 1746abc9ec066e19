package nl.loket.contact.lifecycle;

import nl.loket.contact.ContactProperties;
import nl.loket.contact.store.ConversationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Closes conversations the assistant handled alone once the resident has gone quiet, so they are
 * counted in the indicators and registered in the Klantinteracties API like those a person closed.
 * Every instance sweeps; taking a conversation off the idle list in Redis decides which one closes it.
 */
@Component
class IdleConversationSweeper {

    private static final Logger log = LoggerFactory.getLogger(IdleConversationSweeper.class);
    private static final int BATCH = 200;

    private final ConversationStore conversations;
    private final ConversationLifecycle lifecycle;
    private final ContactProperties properties;
    private final Clock clock;

    IdleConversationSweeper(ConversationStore conversations, ConversationLifecycle lifecycle,
                            ContactProperties properties, Clock clock) {
        this.conversations = conversations;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${loket.contact.idle-sweep-interval:60s}",
            initialDelayString = "${loket.contact.idle-sweep-interval:60s}")
    void sweep() {
        try {
            closeIdle();
        } catch (RuntimeException e) {
            // Redis away or a conversation busy: the next sweep tries again, nothing is lost meanwhile.
            log.warn("Closing idle conversations failed: {}", e.toString());
        }
    }

    /** Closes what has been quiet long enough; returns how many conversations closed. */
    int closeIdle() {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(properties.idleClose());
        int closed = 0;
        for (String id : conversations.idleSince(before, BATCH)) {
            if (conversations.takeIdle(id) && lifecycle.closeIdle(id).isPresent()) {
                closed++;
            }
        }
        if (closed > 0) {
            log.info("Closed {} conversations the assistant handled alone after {} without a message",
                    closed, properties.idleClose());
        }
        return closed;
    }
}
