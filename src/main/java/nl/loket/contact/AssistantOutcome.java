package nl.loket.contact;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/** What the responder decided about one resident message, kept on the conversation for agents and insight. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssistantOutcome(
        String messageId,
        Outcome outcome,
        String topic,
        String articleId,
        Double confidence,
        EscalationReason reason,
        String language,
        OffsetDateTime at) {
}
