package nl.loket.contact;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One contact between a resident and the municipality (≈ Klantinteracties Klantcontact in the making).
 * Messages are stored beside it, not inside, so appending stays cheap.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Conversation(
        String id,
        String reference,
        String residentId,
        Channel channel,
        String relay,
        String language,
        String topic,
        String subject,
        ConversationState state,
        OffsetDateTime startedAt,
        OffsetDateTime updatedAt,
        OffsetDateTime closedAt,
        boolean confidential,
        OffsetDateTime retentionUntil,
        List<AssistantOutcome> outcomes,
        Resolution resolution,
        Integer satisfaction,
        String satisfactionRemark) {

    public Conversation {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    /** A new conversation with the assistant, kept until {@code retentionUntil}. */
    public static Conversation opened(String id, String reference, String residentId, Channel channel, String relay,
                                      String language, String subject, OffsetDateTime at, OffsetDateTime retentionUntil) {
        return new Conversation(id, reference, residentId, channel, relay, language, null, subject, ConversationState.BOT,
                at, at, null, false, retentionUntil, List.of(), null, null, null);
    }

    /** The same conversation kept until {@code until} (its retention deadline moves with its last activity). */
    public Conversation keptUntil(OffsetDateTime until) {
        return new Conversation(id, reference, residentId, channel, relay, language, topic, subject, state,
                startedAt, updatedAt, closedAt, confidential, until, outcomes, resolution, satisfaction,
                satisfactionRemark);
    }

    public Conversation withState(ConversationState newState, OffsetDateTime at) {
        return new Conversation(id, reference, residentId, channel, relay, language, topic, subject, newState,
                startedAt, at, newState == ConversationState.CLOSED ? at : closedAt, confidential, retentionUntil,
                outcomes, resolution, satisfaction, satisfactionRemark);
    }

    public Conversation withOutcome(AssistantOutcome outcome, OffsetDateTime at) {
        List<AssistantOutcome> all = new ArrayList<>(outcomes);
        all.add(outcome);
        String newTopic = outcome.topic() != null ? outcome.topic() : topic;
        String newLanguage = outcome.language() != null ? outcome.language() : language;
        return new Conversation(id, reference, residentId, channel, relay, newLanguage, newTopic, subject, state,
                startedAt, at, closedAt, confidential, retentionUntil, all, resolution, satisfaction, satisfactionRemark);
    }

    /** Closed by a person, with the resolution code they chose. */
    public Conversation closedWith(Resolution newResolution, OffsetDateTime at) {
        return new Conversation(id, reference, residentId, channel, relay, language, topic, subject,
                ConversationState.CLOSED, startedAt, at, at, confidential, retentionUntil, outcomes, newResolution,
                satisfaction, satisfactionRemark);
    }

    public Conversation withRelay(String newRelay) {
        return new Conversation(id, reference, residentId, channel, newRelay, language, topic, subject, state,
                startedAt, updatedAt, closedAt, confidential, retentionUntil, outcomes, resolution, satisfaction,
                satisfactionRemark);
    }

    public Conversation touched(OffsetDateTime at) {
        return new Conversation(id, reference, residentId, channel, relay, language, topic, subject, state,
                startedAt, at, closedAt, confidential, retentionUntil, outcomes, resolution, satisfaction,
                satisfactionRemark);
    }

    /** The last outcome the responder gave, if any. */
    public AssistantOutcome lastOutcome() {
        return outcomes.isEmpty() ? null : outcomes.get(outcomes.size() - 1);
    }

    /** The resident's answer to "how satisfied are you?" (1–5) with an optional remark. */
    public Conversation withSatisfaction(int score, String remark, OffsetDateTime at) {
        return new Conversation(id, reference, residentId, channel, relay, language, topic, subject, state,
                startedAt, at, closedAt, confidential, retentionUntil, outcomes, resolution, score, remark);
    }
}
