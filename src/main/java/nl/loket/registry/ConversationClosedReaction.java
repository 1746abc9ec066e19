package nl.loket.registry;

import nl.loket.contact.ConversationClosed;
import nl.loket.platform.reactions.Reaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Durable first: a closed conversation becomes a job in the registry's Redis outbox before anything is sent,
 * so a stopped process or an unreachable API loses nothing. The route {@code registry-outbox} does the
 * sending. Queued by the {@code registry} reaction group, in the background; queueing twice is harmless.
 */
@Configuration(proxyBeanMethods = false)
class ConversationClosedReaction {

    private static final Logger log = LoggerFactory.getLogger(ConversationClosedReaction.class);

    @Bean
    Reaction<ConversationClosed> queueRegistration(KlantinteractiesProperties properties, RegistrationJobs jobs) {
        return Reaction.later("registry", ConversationClosed.class, closed -> {
            if (properties.enabled() && jobs.enqueue(closed.conversationId())) {
                log.info("Conversation {} queued for registration in the Klantinteracties API", closed.conversationId());
            }
        });
    }
}
