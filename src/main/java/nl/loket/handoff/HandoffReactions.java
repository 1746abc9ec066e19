package nl.loket.handoff;

import nl.loket.contact.ConversationEscalated;
import nl.loket.contact.CrisisDuringHandoff;
import nl.loket.platform.reactions.Reaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How hand-off reacts to the contact module. The task opens at once (the publishing request tries it before
 * the resident is told a person will help; the outbox retries it), and a crisis while waiting moves the
 * task to the front at once too. The model's summary comes later in its own group.
 */
@Configuration(proxyBeanMethods = false)
class HandoffReactions {

    private static final Logger log = LoggerFactory.getLogger(HandoffReactions.class);

    /** Opens the task, then ties call-back times the assistant offered in its reply to it (before the resident can pick). */
    @Bean
    Reaction<ConversationEscalated> openTask(HandoffService handoff, Callbacks callbacks) {
        return Reaction.atOnce("handoff", ConversationEscalated.class, event ->
                callbacks.linkAssistantOffer(handoff.open(event), event.messageId()));
    }

    @Bean
    Reaction<CrisisDuringHandoff> raiseToUrgent(HandoffService handoff) {
        return Reaction.atOnce("handoff", CrisisDuringHandoff.class, event ->
                handoff.raiseToUrgent(event.conversationId()).ifPresent(task -> log.warn(
                        "Hand-off task {} raised to URGENT: crisis signal in message {}", task.id(), event.messageId())));
    }

    @Bean
    Reaction<ConversationEscalated> addWrittenSummary(WrittenSummaryReaction written) {
        return Reaction.later("handoff-summary", ConversationEscalated.class, written::add);
    }
}
