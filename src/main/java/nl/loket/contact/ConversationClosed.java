package nl.loket.contact;

import java.time.OffsetDateTime;

/**
 * Published once when a person closes a conversation with a resolution code, after it is stored.
 * Insight counts it; the registry registers it in the Klantinteracties API. Carries ids only;
 * listeners read the conversation and its messages through {@link ContactService}.
 */
public record ConversationClosed(String conversationId, String residentId, Resolution resolution, OffsetDateTime closedAt) {
}
