package nl.loket.contact;

import java.time.OffsetDateTime;

/**
 * Published once for every resident message after it and its answer are stored: what happened to it, in
 * small facts only (no text, no identity), so service indicators can be counted at the moment things
 * happen and outlive the conversation's retention.
 *
 * @param withPerson true when a person held the conversation, so the assistant stayed silent
 * @param outcome    the assistant's outcome (for a message to a person: ESCALATED)
 * @param reason     the hand-off reason, when escalated
 * @param receivedAt when the message arrived
 * @param repliedAt  when the answer (or acknowledgement) was stored
 */
public record MessageHandled(String conversationId, String messageId, Channel channel, String relay, String language,
                             boolean withPerson, Outcome outcome, EscalationReason reason, String topic,
                             String articleId, OffsetDateTime receivedAt, OffsetDateTime repliedAt) {
}
