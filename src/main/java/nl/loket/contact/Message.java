package nl.loket.contact;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One stored message. {@code text} is what was said, for the resident and the agents who may see it;
 * {@code redactedText} has personal data replaced and is the only form logs, metrics and any
 * language model ever see.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Message(
        String id,
        String conversationId,
        Direction direction,
        AuthorRole authorRole,
        Channel channel,
        String text,
        String redactedText,
        OffsetDateTime at,
        String providerId,
        DeliveryStatus deliveryStatus,
        List<TranscriptLine> transcript) {

    public Message {
        transcript = transcript == null || transcript.isEmpty() ? null : List.copyOf(transcript);
    }

    public Message withDeliveryStatus(DeliveryStatus status) {
        return new Message(id, conversationId, direction, authorRole, channel, text, redactedText, at, providerId,
                status, transcript);
    }
}
