package nl.loket.contact;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/** One line of a resident's contact history across channels. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactSummary(
        String conversationId,
        String reference,
        Channel channel,
        String relay,
        OffsetDateTime startedAt,
        String topic,
        Outcome outcome,
        ConversationState state,
        String subject) {

    /** The same line with its subject passed through {@code mask} (a BSN typed in a form's subject is masked like text). */
    public ContactSummary withSubject(java.util.function.UnaryOperator<String> mask) {
        return subject == null ? this : new ContactSummary(conversationId, reference, channel, relay, startedAt, topic,
                outcome, state, mask.apply(subject));
    }

    static ContactSummary of(Conversation c) {
        AssistantOutcome last = c.lastOutcome();
        return new ContactSummary(c.id(), c.reference(), c.channel(), c.relay(), c.startedAt(), c.topic(),
                last == null ? null : last.outcome(), c.state(), c.subject());
    }
}
