package nl.loket.agent;

import nl.loket.contact.Resolution;
import com.fasterxml.jackson.annotation.JsonInclude;
import nl.loket.contact.AuthorRole;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactSummary;
import nl.loket.contact.DeliveryStatus;
import nl.loket.contact.Direction;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.Identity;
import nl.loket.contact.Message;
import nl.loket.contact.PossibleMatch;
import nl.loket.contact.Priority;
import nl.loket.handoff.HandoffCase;
import nl.loket.handoff.HandoffNote;
import nl.loket.handoff.HandoffTask;
import nl.loket.handoff.TaskStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One task as the agent API shows it (the API tables in README.md). Transcript, history and contact details only
 * when the task is read with its case, which is audited.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TaskView(
        String id, String reference, String conversationId, String residentId, Channel channel, String relay,
        String language, EscalationReason reason, Priority priority, String queue, String team, TaskStatus status, String summary,
        OffsetDateTime createdAt, String claimedBy, OffsetDateTime claimedAt, OffsetDateTime firstReplyAt,
        OffsetDateTime closedAt, Resolution resolution, Boolean callback, List<String> contact,
        List<Line> transcript, List<ContactSummary> history, List<String> suggestions,
        List<PossibleMatch> possibleMatches, List<HandoffNote> notes, OffsetDateTime callbackAt, Integer callbackMisses) {

    /** One message: who, which way, what, when, and for agent replies whether it went out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(String id, Direction direction, String author, Channel channel, String text, OffsetDateTime at,
                DeliveryStatus deliveryStatus, List<Spoken> lines) { }

    /** One line of a phone transcript. */
    record Spoken(String speaker, String text, OffsetDateTime at) { }

    static TaskView of(HandoffTask t) {
        return new TaskView(t.id(), t.reference(), t.conversationId(), t.residentId(), t.channel(), t.relay(),
                t.language(), t.reason(), t.priority(), t.queue(), t.team(), t.status(), t.summary(), t.createdAt(), t.claimedBy(),
                t.claimedAt(), t.firstReplyAt(), t.closedAt(), t.resolution(), t.callback(), null, null, null,
                t.suggestions(), null, t.notes(), t.callbackAt(), misses(t));
    }

    static TaskView of(HandoffCase c, UnaryOperator<String> mask) {
        HandoffTask t = c.task();
        List<String> contact = c.resident() == null ? List.of() : c.resident().identities().stream()
                .filter(i -> i.kind() == Identity.Kind.PHONE || i.kind() == Identity.Kind.EMAIL)
                .map(i -> i.kind().name().toLowerCase(Locale.ROOT) + (i.verified() ? ": " : " (typed, not verified): ")
                        + i.value())
                .toList();
        List<Line> transcript = c.transcript().stream().map(m -> line(m, mask)).toList();
        return new TaskView(t.id(), t.reference(), t.conversationId(), t.residentId(), t.channel(), t.relay(),
                t.language(), t.reason(), t.priority(), t.queue(), t.team(), t.status(), t.summary(), t.createdAt(), t.claimedBy(),
                t.claimedAt(), t.firstReplyAt(), t.closedAt(), t.resolution(), t.callback(), contact, transcript,
                c.history().stream().map(h -> h.withSubject(mask)).toList(), t.suggestions(), c.possibleMatches(),
                t.notes().stream().map(n -> new HandoffNote(n.author(), n.at(), n.kind(), n.to(), mask.apply(n.text()))).toList(),
                t.callbackAt(), misses(t));
    }

    /** Only on a task with a planned call-back, so other tasks' JSON stays as it was. */
    private static Integer misses(HandoffTask t) {
        return t.callbackAt() == null ? null : t.callbackMisses();
    }

    static Line line(Message m, UnaryOperator<String> mask) {
        List<Spoken> lines = m.transcript() == null ? null : m.transcript().stream()
                .map(l -> new Spoken(author(l.speaker()), mask.apply(l.text()), l.at())).toList();
        return new Line(m.id(), m.direction(), m.direction() == Direction.IN && m.authorRole() == AuthorRole.RESIDENT
                ? "resident" : author(m.authorRole()), m.channel(), mask.apply(m.text()), m.at(), m.deliveryStatus(), lines);
    }

    private static String author(AuthorRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
