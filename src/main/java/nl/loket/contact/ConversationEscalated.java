package nl.loket.contact;

/**
 * Published when a conversation moves from the assistant to people, so the hand-off module can
 * put a task on the queue. Carries ids only; listeners read what they need.
 */
public record ConversationEscalated(String conversationId, String residentId, String messageId, Reply reply) {
}
