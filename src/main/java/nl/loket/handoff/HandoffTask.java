package nl.loket.handoff;

import nl.loket.contact.Resolution;
import com.fasterxml.jackson.annotation.JsonInclude;
import nl.loket.contact.Channel;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.Priority;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One conversation waiting for, or with, a person (≈ Klantinteracties InterneTaak). Stored as JSON;
 * every change goes through a compare-and-set on that JSON, so two instances never overwrite each other.
 *
 * @param queue       the queue it waits in: its team's, or the urgent queue every agent works first
 * @param team        the team that owns it ({@code loket.teams[n]}), by its topic, language, relay and reason
 * @param suggestions knowledge topics and article ids the assistant already found, for the agent to start from
 * @param callback    the resident can only be reached by calling back (phone contact)
 * @param notes       internal notes, oldest first: never sent to the resident
 * @param callbackAt  the call-back time the resident picked: the task waits, and is neither offered nor handed out as
 *                    "next", until then
 * @param callbackMisses how often the resident was called back and not reached
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
        String team,
        TaskStatus status,
        String summary,
        List<String> suggestions,
        OffsetDateTime createdAt,
        String claimedBy,
        OffsetDateTime claimedAt,
        OffsetDateTime firstReplyAt,
        OffsetDateTime closedAt,
        Resolution resolution,
        boolean callback,
        List<HandoffNote> notes,
        OffsetDateTime callbackAt,
        int callbackMisses) {

    public HandoffTask {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public boolean claimedBy(String agent) {
        return status == TaskStatus.CLAIMED && agent != null && agent.equals(claimedBy);
    }

    HandoffTask claimed(String agent, OffsetDateTime at) {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, reason, priority,
                queue, team, TaskStatus.CLAIMED, summary, suggestions, createdAt, agent, at, firstReplyAt, closedAt,
                resolution, callback, notes, callbackAt, callbackMisses);
    }

    /** The same task, first in line: a crisis showed while it waited. */
    HandoffTask urgent(String urgentQueue) {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, EscalationReason.CRISIS,
                Priority.URGENT, urgentQueue, team, status, summary, suggestions, createdAt, claimedBy, claimedAt, firstReplyAt,
                closedAt, resolution, callback, notes, callbackAt, callbackMisses);
    }

    HandoffTask withSummary(String newSummary) {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, reason, priority,
                queue, team, status, newSummary, suggestions, createdAt, claimedBy, claimedAt, firstReplyAt, closedAt,
                resolution, callback, notes, callbackAt, callbackMisses);
    }

    HandoffTask released() {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, reason, priority,
                queue, team, TaskStatus.WAITING, summary, suggestions, createdAt, null, null, firstReplyAt, closedAt,
                resolution, callback, notes, callbackAt, callbackMisses);
    }

    HandoffTask replied(OffsetDateTime at) {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, reason, priority,
                queue, team, status, summary, suggestions, createdAt, claimedBy, claimedAt,
                firstReplyAt == null ? at : firstReplyAt, closedAt, resolution, callback, notes, callbackAt, callbackMisses);
    }

    HandoffTask needsCallback() {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, reason, priority,
                queue, team, status, summary, suggestions, createdAt, claimedBy, claimedAt, firstReplyAt, closedAt,
                resolution, true, notes, callbackAt, callbackMisses);
    }

    HandoffTask closed(Resolution how, OffsetDateTime at) {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, reason, priority,
                queue, team, TaskStatus.CLOSED, summary, suggestions, createdAt, claimedBy, claimedAt, firstReplyAt, at,
                how, callback, notes, callbackAt, callbackMisses);
    }

    /** The same task for another team: waiting in that team's queue (an urgent one stays first in line). */
    HandoffTask transferredTo(String newTeam, String newQueue, HandoffNote note) {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, reason, priority,
                newQueue, newTeam, TaskStatus.WAITING, summary, suggestions, createdAt, null, null, firstReplyAt,
                closedAt, resolution, callback, append(note), callbackAt, callbackMisses);
    }

    /** The same task held by a named colleague from now on. */
    HandoffTask transferredToAgent(String agent, OffsetDateTime at, HandoffNote note) {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, reason, priority,
                queue, team, TaskStatus.CLAIMED, summary, suggestions, createdAt, agent, at, firstReplyAt, closedAt,
                resolution, callback, append(note), callbackAt, callbackMisses);
    }

    HandoffTask withNote(HandoffNote note) {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, reason, priority,
                queue, team, status, summary, suggestions, createdAt, claimedBy, claimedAt, firstReplyAt, closedAt,
                resolution, callback, append(note), callbackAt, callbackMisses);
    }

    /**
     * Waits in its team's queue for the call-back at {@code at}: nobody holds it, and it is offered or handed out only
     * from then on. {@code missed}: the resident was not reached at the previous time.
     */
    HandoffTask callbackPlanned(OffsetDateTime at, boolean missed, HandoffNote note) {
        return new HandoffTask(id, conversationId, reference, residentId, channel, relay, language, reason, priority,
                queue, team, TaskStatus.WAITING, summary, suggestions, createdAt, null, null, firstReplyAt, closedAt,
                resolution, true, append(note), at, missed ? callbackMisses + 1 : callbackMisses);
    }

    /** Whether the task may be offered or handed out at {@code now}: no call-back is planned after it. */
    public boolean dueAt(Instant now) {
        return callbackAt == null || !callbackAt.toInstant().isAfter(now);
    }

    private List<HandoffNote> append(HandoffNote note) {
        List<HandoffNote> all = new java.util.ArrayList<>(notes);
        all.add(note);
        return all;
    }

    /** Whether a colleague (or one of their teams) was asked about this open task and may read it to answer. */
    public boolean consulted(String agent, java.util.Set<String> teams) {
        return status != TaskStatus.CLOSED && notes.stream().anyMatch(n -> n.kind() == HandoffNote.Kind.CONSULT
                && (n.to().equals(agent) || teams.contains(n.to())));
    }
}
