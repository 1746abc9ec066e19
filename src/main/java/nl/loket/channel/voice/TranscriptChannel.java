package nl.loket.channel.voice;

import nl.loket.contact.AuthorRole;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactProperties;
import nl.loket.contact.Identity;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.InboundText;
import nl.loket.contact.MessageTooLongException;
import nl.loket.contact.PhoneNumbers;
import nl.loket.contact.Receipt;
import nl.loket.contact.RelayProperties;
import nl.loket.contact.Reply;
import nl.loket.contact.TranscriptLine;
import nl.loket.platform.HttpReply;
import nl.loket.platform.HttpResponses;
import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.Json;
import nl.loket.platform.RequestBodies;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Phone transcripts ({@code routes/transcripts.yaml}): every line of the call is kept for the agent;
 * what the resident said (directly or through an interpreter) is the message the assistant reads.
 */
@Component("transcriptChannel")
class TranscriptChannel {

    private static final Logger log = LoggerFactory.getLogger(TranscriptChannel.class);
    private static final int MAX_SEGMENTS = 2_000;

    record Accepted(String reference, Reply reply) { }

    private final Json json;
    private final HttpResponses responses;
    private final RelayProperties relays;
    private final ContactProperties properties;
    private final Clock clock;
    private final TranscriptProperties transcripts;

    TranscriptChannel(Json json, HttpResponses responses, RelayProperties relays, ContactProperties properties, Clock clock,
                      TranscriptProperties transcripts) {
        this.transcripts = transcripts;
        this.json = json;
        this.responses = responses;
        this.relays = relays;
        this.properties = properties;
        this.clock = clock;
    }

    /** A transcript over HTTP: only when signed with the shared secret, else 401 and nothing stored. */
    public InboundMessage toInbound(@Header(TranscriptSignature.HEADER) String signature,
                                    @Header(Exchange.CONTENT_LENGTH) Long contentLength, @Body String requestBody) {
        String body = java.util.Objects.requireNonNullElse(RequestBodies.text(contentLength, requestBody), "");
        TranscriptSignature.verify(transcripts.secret(), body.getBytes(java.nio.charset.StandardCharsets.UTF_8), signature);
        return parse(body);
    }

    /**
     * A file in the inbox is refused (moved to {@code .failed}) when it is a symbolic link or larger than what
     * HTTP accepts, before it is read.
     */
    public void checkFile(@Header(Exchange.FILE_PATH) String path, @Header(Exchange.FILE_LENGTH) Long length,
                          @Header(Exchange.FILE_NAME) String name) throws java.io.IOException {
        if (path != null && java.nio.file.Files.isSymbolicLink(java.nio.file.Path.of(path))) {
            throw new java.io.IOException("transcript file is a symbolic link: " + name);
        }
        if (length != null && length > RequestBodies.MAX_BYTES) {
            throw new java.io.IOException("transcript file is larger than " + RequestBodies.MAX_BYTES + " bytes: " + name);
        }
    }

    public InboundMessage fromFile(@Body String body) {
        return parse(body);
    }

    public HttpReply reply(@Body Receipt receipt) {
        return responses.json(202, new Accepted(receipt.reference(), receipt.reply()));
    }

    public void logFileReceipt(@Body Receipt receipt, @Header(Exchange.FILE_NAME) String name) {
        log.info("Transcript file {} stored as conversation {}{}", name,
                receipt.reference(), receipt.duplicate() ? " (already received before)" : "");
    }

    InboundMessage parse(String body) {
        JsonNode root = json.parseRequest(body);
        String callId = InboundText.optional(root.path("callId").asString(""), "callId", 128);
        if (callId == null) {
            throw new InvalidRequestException("callId", "'callId' is required.");
        }
        String fromRaw = root.path("from").asString("");
        String from = PhoneNumbers.toE164(fromRaw).orElse(null);
        if (from == null && !fromRaw.isBlank() && !fromRaw.equalsIgnoreCase("anonymous")) {
            throw new InvalidRequestException("from", "'from' is not a valid phone number (or 'anonymous').");
        }
        OffsetDateTime startedAt = time(root, "startedAt");
        OffsetDateTime endedAt = time(root, "endedAt");
        String relay = relay(root, from);
        String language = root.path("language").asString(null);
        if (language != null && !language.matches("[a-z]{2}")) {
            throw new InvalidRequestException("language", "'language' must be a two-letter code such as 'nl'.");
        }
        List<TranscriptLine> lines = segments(root, startedAt);
        String residentWords = lines.stream()
                .filter(l -> l.speaker() == AuthorRole.RESIDENT || l.speaker() == AuthorRole.INTERPRETER)
                .map(TranscriptLine::text)
                .collect(Collectors.joining("\n"));
        if (residentWords.length() > properties.maxMessageLength()) {
            throw new MessageTooLongException("segments", properties.maxMessageLength());
        }
        Identity identity = Callers.of(from, callId);
        Map<String, String> metadata = new LinkedHashMap<>();
        if (startedAt != null) {
            metadata.put("startedAt", startedAt.toString());
        }
        if (endedAt != null) {
            metadata.put("endedAt", endedAt.toString());
        }
        return InboundMessage.of(Channel.PHONE, identity, residentWords,
                        startedAt != null ? startedAt : OffsetDateTime.now(clock), "transcript:" + callId, callId)
                .withRelay(relay).withLanguage(language).withTranscript(metadata, lines);
    }

    private String relay(JsonNode root, String from) {
        String declared = root.path("relay").asString(null);
        if (declared != null && !declared.isBlank()) {
            String relay = declared.trim().toUpperCase(Locale.ROOT);
            if (!relay.matches("[A-Z][A-Z0-9_]{1,39}")) {
                throw new InvalidRequestException("relay", "'relay' must be a service name such as 'TOLKCONTACT'.");
            }
            return relay;
        }
        return relays.relayOf(from).orElse(null);
    }

    private List<TranscriptLine> segments(JsonNode root, OffsetDateTime startedAt) {
        JsonNode segments = root.get("segments");
        if (segments == null || !segments.isArray() || segments.isEmpty()) {
            throw new InvalidRequestException("segments", "'segments' must be a non-empty list.");
        }
        if (segments.size() > MAX_SEGMENTS) {
            throw new InvalidRequestException("segments", "A transcript may have at most " + MAX_SEGMENTS + " segments.");
        }
        List<TranscriptLine> lines = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            JsonNode segment = segments.get(i);
            String field = "segments[" + i + "]";
            AuthorRole speaker = switch (segment.path("speaker").asString("").toUpperCase(Locale.ROOT)) {
                case "RESIDENT" -> AuthorRole.RESIDENT;
                case "AGENT" -> AuthorRole.AGENT;
                case "INTERPRETER" -> AuthorRole.INTERPRETER;
                default -> throw new InvalidRequestException(field + ".speaker",
                        "'speaker' must be RESIDENT, AGENT or INTERPRETER.");
            };
            String text = InboundText.clean(segment.path("text").asString(""));
            if (text.isEmpty()) {
                continue;
            }
            OffsetDateTime at = segment.hasNonNull("at") ? parseTime(scalar(segment.get("at"), field + ".at"), field + ".at") : startedAt;
            lines.add(new TranscriptLine(speaker, text, at));
        }
        if (lines.isEmpty()) {
            throw new InvalidRequestException("segments", "The transcript has no spoken text.");
        }
        return lines;
    }

    private static OffsetDateTime time(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : parseTime(scalar(value, field), field);
    }

    /** A time must be text; an object or a list there is the caller's mistake, not ours. */
    private static String scalar(JsonNode value, String field) {
        if (!value.isValueNode()) {
            throw new InvalidRequestException(field, "'" + field + "' must be an ISO-8601 time with offset, e.g. 2026-11-29T10:15:00+01:00.");
        }
        return value.asString();
    }

    private static OffsetDateTime parseTime(String value, String field) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "'" + field + "' must be an ISO-8601 time with offset, e.g. 2026-11-29T10:15:00+01:00.");
        }
    }
}
