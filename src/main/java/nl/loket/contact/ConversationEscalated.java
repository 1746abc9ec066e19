package nl.loket.contact;

import java.time.OffsetDateTime;

/**
 * Published when a conversation moves from the assistant to people, so the hand-off module can
 * put a task on the queue. Carries ids and the escalation (reason, priority,
 * reference) and its moment only, never text: it is stored in the reactions outbox; readers fetch what else they need.
 */
public record ConversationEscalated(String conversationId, String residentId, String messageId,
                                    Reply.Escalation escalation, OffsetDateTime escalatedAt) {
}
