package nl.loket.handoff;

import nl.loket.contact.Channel;

import java.time.OffsetDateTime;

/**
 * Published when an agent's reply on a task is stored. {@code first} is true for the task's first reply,
 * the moment that counts for response-time targets. Ids and times only, never the text.
 */
public record AgentReplied(String taskId, String conversationId, Channel channel, String relay,
                           OffsetDateTime createdAt, OffsetDateTime repliedAt, boolean first) {
}
