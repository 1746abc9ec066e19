package nl.loket.contact;

/**
 * Published when a resident whose conversation already waits for (or is with) a person writes
 * something that signals a crisis: the hand-off must move to the front of the line. Ids only.
 */
public record CrisisDuringHandoff(String conversationId, String messageId) {
}
