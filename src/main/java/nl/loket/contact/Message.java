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

    /** What a resident (or the relay interpreter for them) sent, as it arrived; redacted beside it. */
    public static Message received(String id, String conversationId, InboundMessage inbound, String redactedText) {
        return new Message(id, conversationId, Direction.IN, inbound.authorRole(), inbound.channel(), inbound.text(),
                redactedText, inbound.receivedAt(), inbound.providerId(), null, inbound.transcript());
    }

    /** The assistant's reply in the conversation's channel. */
    public static Message assistantReply(String id, Conversation conversation, String text, String redactedText,
                                         OffsetDateTime at) {
        return new Message(id, conversation.id(), Direction.OUT, AuthorRole.ASSISTANT, conversation.channel(), text,
                redactedText, at, null, null, null);
    }

    /** An agent's reply, stored before it is sent: {@link DeliveryStatus#PENDING} until the channel reports. */
    public static Message agentReply(String id, Conversation conversation, String text, String redactedText,
                                     OffsetDateTime at) {
        return new Message(id, conversation.id(), Direction.OUT, AuthorRole.AGENT, conversation.channel(), text,
                redactedText, at, null, DeliveryStatus.PENDING, null);
    }

    public Message withDeliveryStatus(DeliveryStatus status) {
        return new Message(id, conversationId, direction, authorRole, channel, text, redactedText, at, providerId,
                status, transcript);
    }
}
