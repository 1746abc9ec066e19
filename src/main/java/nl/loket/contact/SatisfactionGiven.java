package nl.loket.contact;

import java.time.OffsetDateTime;

/**
 * Published when a resident rates a conversation (1–5), after it is stored. {@code previousScore} is the
 * score it replaces (a resident may change their answer), or null. Carries no remark.
 */
public record SatisfactionGiven(String conversationId, Channel channel, int score, Integer previousScore,
                                OffsetDateTime at) {
}
