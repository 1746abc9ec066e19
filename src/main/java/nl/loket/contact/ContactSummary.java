package nl.loket.contact;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One line of a resident's contact history across channels.
 *
 * @param channel  the channel the conversation started on
 * @param channels every channel the resident used in it, in the order of first use (a phone transcript that joined
 *                 an SMS hand-off is SMS, PHONE)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactSummary(
        String conversationId,
        String reference,
        Channel channel,
        List<Channel> channels,
        String relay,
        OffsetDateTime startedAt,
        String topic,
        Outcome outcome,
        ConversationState state,
        String subject) {

    public ContactSummary {
        channels = channels == null || channels.isEmpty() ? List.of(channel) : List.copyOf(channels);
    }

    /** The same line with its subject passed through {@code mask} (a BSN typed in a form's subject is masked like text). */
    public ContactSummary withSubject(java.util.function.UnaryOperator<String> mask) {
        return subject == null ? this : new ContactSummary(conversationId, reference, channel, channels, relay, startedAt,
                topic, outcome, state, mask.apply(subject));
    }

    static ContactSummary of(Conversation c, List<Message> messages) {
        AssistantOutcome last = c.lastOutcome();
        Set<Channel> used = new LinkedHashSet<>();
        used.add(c.channel());
        messages.stream().filter(m -> m.direction() == Direction.IN && m.channel() != null).map(Message::channel)
                .forEach(used::add);
        return new ContactSummary(c.id(), c.reference(), c.channel(), List.copyOf(used), c.relay(), c.startedAt(),
                c.topic(), last == null ? null : last.outcome(), c.state(), c.subject());
    }
}
