package nl.loket.handoff;

import nl.loket.contact.AssistantOutcome;
import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.ConversationEscalated;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Gives every conversation that waits for a person its task. The task is normally opened the moment the
 * conversation escalates; if that failed (Redis gone for a moment between storing the conversation and
 * the task), the resident already has their reference, so the task must appear later rather than never.
 * Every instance runs this; opening is idempotent per conversation.
 */
@Component
class MissingTaskRepair {

    private static final Logger log = LoggerFactory.getLogger(MissingTaskRepair.class);
    private static final int BATCH = 500;

    private final ContactService contacts;
    private final HandoffService handoff;
    private final Clock clock;
    private final Duration grace;

    MissingTaskRepair(ContactService contacts, HandoffService handoff, Clock clock,
                      @Value("${loket.handoff.repair-grace:1m}") Duration grace) {
        this.contacts = contacts;
        this.handoff = handoff;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${loket.handoff.repair-interval:60s}",
            initialDelayString = "${loket.handoff.repair-interval:60s}")
    void repairMissingTasks() {
        try {
            repair();
        } catch (RuntimeException e) {
            log.warn("Checking waiting conversations for their tasks failed: {}", e.toString());
        }
    }

    /** Opens the task of every conversation waiting longer than the grace period without one; returns how many. */
    int repair() {
        int opened = 0;
        for (Conversation conversation : contacts.waitingSince(OffsetDateTime.now(clock).minus(grace), BATCH)) {
            if (handoff.taskOfConversation(conversation.id()).isEmpty()) {
                handoff.open(new ConversationEscalated(conversation.id(), conversation.residentId(), null,
                        escalationOf(conversation), OffsetDateTime.now(clock)));
                log.warn("Conversation {} waited without a hand-off task; task opened now", conversation.id());
                opened++;
            }
            contacts.waitingHasTask(conversation.id());
        }
        return opened;
    }

    /** The reason the assistant gave last, so the task lands in the same queue with the same priority. */
    private static Reply.Escalation escalationOf(Conversation conversation) {
        List<AssistantOutcome> outcomes = conversation.outcomes();
        EscalationReason reason = outcomes.stream().map(AssistantOutcome::reason).filter(Objects::nonNull)
                .reduce((a, b) -> b).orElse(EscalationReason.NO_ANSWER);
        return new Reply.Escalation(reason, reason.defaultPriority(), conversation.reference(), null);
    }
}
