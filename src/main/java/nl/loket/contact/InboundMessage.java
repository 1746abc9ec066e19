package nl.loket.contact;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every channel adapter turns a request into: one message from one resident.
 *
 * @param channel     the channel it came in on
 * @param identities  how the resident is known on that channel (at least one)
 * @param text        the resident's words, already cleaned of control characters
 * @param receivedAt  when Loket received it
 * @param providerId  the provider's id (Twilio MessageSid/CallSid, transcript callId) for de-duplication; may be null
 * @param threadKey   the channel's own thread (chat session, call id) that keeps messages in one conversation; may be null
 * @param relay       relay service that carried the contact, e.g. {@code TOLKCONTACT}; may be null
 * @param language    language hint from the channel (ISO 639-1); may be null
 * @param authorRole  who spoke: usually the resident; an interpreter or agent on phone transcripts
 * @param subject     subject given by the resident (web form); may be null
 * @param displayName name given by the resident (web form); may be null
 * @param metadata    minimal channel facts worth keeping (e.g. call times); no copies of personal data
 * @param transcript  every line of a phone transcript, all speakers, for the agent; empty for other channels
 */
public record InboundMessage(
        Channel channel,
        List<Identity> identities,
        String text,
        OffsetDateTime receivedAt,
        String providerId,
        String threadKey,
        String relay,
        String language,
        AuthorRole authorRole,
        String subject,
        String displayName,
        Map<String, String> metadata,
        List<TranscriptLine> transcript) {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
        identities = List.copyOf(identities);
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("an inbound message needs at least one identity");
        }
        authorRole = authorRole == null ? AuthorRole.RESIDENT : authorRole;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }

    /** A plain resident message without subject, name or relay. */
    public static InboundMessage of(Channel channel, Identity identity, String text, OffsetDateTime at,
                                    String providerId, String threadKey) {
        return of(channel, List.of(identity), text, at, providerId, threadKey);
    }

    /** A plain resident message known by several identities (a form: the anonymous sender and what they typed). */
    public static InboundMessage of(Channel channel, List<Identity> identities, String text, OffsetDateTime at,
                                    String providerId, String threadKey) {
        return new InboundMessage(channel, identities, text, at, providerId, threadKey,
                null, null, AuthorRole.RESIDENT, null, null, Map.of(), List.of());
    }

    /** The same message carried by a relay service ({@code TOLKCONTACT}); null: none. */
    public InboundMessage withRelay(String newRelay) {
        return new InboundMessage(channel, identities, text, receivedAt, providerId, threadKey, newRelay, language,
                authorRole, subject, displayName, metadata, transcript);
    }

    /** The same message with the channel's language hint (ISO 639-1); null: none. */
    public InboundMessage withLanguage(String newLanguage) {
        return new InboundMessage(channel, identities, text, receivedAt, providerId, threadKey, relay, newLanguage,
                authorRole, subject, displayName, metadata, transcript);
    }

    /** The same message with the subject and name the resident gave (web form); either may be null. */
    public InboundMessage withSubject(String newSubject, String newDisplayName) {
        return new InboundMessage(channel, identities, text, receivedAt, providerId, threadKey, relay, language,
                authorRole, newSubject, newDisplayName, metadata, transcript);
    }

    /** The same message with a phone transcript's channel facts (call times) and every line of it. */
    public InboundMessage withTranscript(Map<String, String> newMetadata, List<TranscriptLine> lines) {
        return new InboundMessage(channel, identities, text, receivedAt, providerId, threadKey, relay, language,
                authorRole, subject, displayName, newMetadata, lines);
    }
}
