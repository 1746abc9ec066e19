package nl.loket.handoff;

import nl.loket.contact.Resolution;
import com.fasterxml.jackson.annotation.JsonInclude;
import nl.loket.contact.Channel;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.Priority;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One conversation waiting for, or with, a person (≈ Klantinteracties InterneTaak). Stored as JSON;
 * every change goes through a compare-and-set on that JSON, so two instances never overwrite each other.
 *
 * @param queue       the team queue it belongs to (one per task)
 * @param suggestions knowledge topics and article ids the assistant already found, for the agent to start from
 * @param callback    the resident can only be reached by calling back (phone contact)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HandoffTask(
        String id,
        String conversationId,
        String reference,
        String residentId,
        Channel channel,
        String relay,
        String language,
        EscalationReason reason,
        Priority priority,
        String queue,
        TaskStatus status,
        String summary,
        List<String> suggestions,
        OffsetDateTime createdAt,
        String claimedBy,
        OffsetDateTime claimedAt,
        OffsetDateTime firstReplyAt,
        OffsetDateTime closedAt,
        Resolution resolution,
        boolean callback) {

    public HandoffTask {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    public boolean claimedBy(String agent) {
        return status == TaskStatus.CLAIMED && agent != null && agent.equals(claimedBy);
    }

    HandoffTask claimed(String agent, OffsetDateTime at) {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, reason, priority,
                queue, TaskStatus.CLAIMED, summary, suggestions, createdAt, agent, at, firstReplyAt, closedAt,
                resolution, callback);
    }

    /** The same task, first in line: a crisis showed while it waited. */
    HandoffTask urgent(String urgentQueue) {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, EscalationReason.CRISIS,
                Priority.URGENT, urgentQueue, status, summary, suggestions, createdAt, claimedBy, claimedAt, firstReplyAt,
                closedAt, resolution, callback);
    }

    HandoffTask withSummary(String newSummary) {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, reason, priority,
                queue, status, newSummary, suggestions, createdAt, claimedBy, claimedAt, firstReplyAt, closedAt,
                resolution, callback);
    }

    HandoffTask released() {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, reason, priority,
                queue, TaskStatus.WAITING, summary, suggestions, createdAt, null, null, firstReplyAt, closedAt,
                resolution, callback);
    }

    HandoffTask replied(OffsetDateTime at) {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, reason, priority,
                queue, status, summary, suggestions, createdAt, claimedBy, claimedAt,
                firstReplyAt == null ? at : firstReplyAt, closedAt, resolution, callback);
    }

    HandoffTask needsCallback() {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, reason, priority,
                queue, status, summary, suggestions, createdAt, claimedBy, claimedAt, firstReplyAt, closedAt,
                resolution, true);
    }

    HandoffTask closed(Resolution how, OffsetDateTime at) {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, reason, priority,
                queue, TaskStatus.CLOSED, summary, suggestions, createdAt, claimedBy, claimedAt, firstReplyAt, at,
                how, callback);
    }
}
