package nl.loket.handoff;

import nl.loket.contact.Channel;

import java.time.OffsetDateTime;

/** Published when an agent takes a waiting task (not when they claim their own again). Ids and times only. */
public record TaskClaimed(String taskId, String conversationId, Channel channel, String relay,
                          OffsetDateTime createdAt, OffsetDateTime claimedAt) {
}
