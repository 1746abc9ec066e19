package nl.loket.handoff;

import nl.loket.contact.ConversationEscalated;
import nl.loket.contact.CrisisDuringHandoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns every escalation into a task, and moves a task to the front when a crisis shows while it waits. Runs
 * after the contact module released the conversation's lock (the events are published once the step is done),
 * before the resident's request is answered.
 */
@Component
class EscalationListener {

    private static final Logger log = LoggerFactory.getLogger(EscalationListener.class);

    private final HandoffService handoff;

    EscalationListener(HandoffService handoff) {
        this.handoff = handoff;
    }

    @EventListener
    void on(ConversationEscalated event) {
        try {
            handoff.open(event);
        } catch (RuntimeException e) {
            // The resident's message is stored and they got their reference; failing their request now
            // would not bring the task back. Loud log, ids only.
            log.error("Could not open a hand-off task for conversation {}: {}", event.conversationId(), e.toString());
        }
    }

    @EventListener
    void on(CrisisDuringHandoff event) {
        try {
            handoff.raiseToUrgent(event.conversationId()).ifPresent(task ->
                    log.warn("Hand-off task {} raised to URGENT: crisis signal in message {}", task.id(), event.messageId()));
        } catch (RuntimeException e) {
            log.error("Could not raise the hand-off task of conversation {}: {}", event.conversationId(), e.toString());
        }
    }
}
