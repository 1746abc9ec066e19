package nl.loket.channel.voice;

import nl.loket.contact.AuthorRole;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactProperties;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.RelayProperties;
import nl.loket.platform.HttpResponses;
import nl.loket.platform.Json;
import nl.loket.platform.RequestBodies;
import nl.loket.platform.RequestTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Phone transcripts as plain calls: only signed ones over HTTP, only plain small files from the inbox. */
class TranscriptChannelTest {

    static final String SECRET = "demo";
    static final String CALL = """
            {"callId":"demo-1","from":"+31612345678","relay":"TOLKCONTACT",
             "startedAt":"2026-11-29T10:15:00+01:00","endedAt":"2026-11-29T10:18:00+01:00",
             "segments":[{"speaker":"AGENT","text":"Gemeente Nijmegen, goedemorgen."},
                         {"speaker":"INTERPRETER","text":"Mevrouw wil weten hoe ze haar verhuizing doorgeeft."}]}""";

    final TranscriptChannel channel = channel(SECRET);

    static TranscriptChannel channel(String secret) {
        Json json = new Json(JsonMapper.builder().build());
        return new TranscriptChannel(json, new HttpResponses(json), new RelayProperties(Map.of()),
                new ContactProperties(5000, Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofDays(7), Duration.ofHours(24)),
                Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC),
                new TranscriptProperties("data/transcripts-inbox", 2000, secret));
    }

    static String signed(String body) {
        return TranscriptSignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSignedTranscriptIsWhatTheResidentSaidWithEveryLineKeptForTheAgent() {
        InboundMessage message = channel.toInbound(signed(CALL), null, CALL);

        assertThat(message.channel()).isEqualTo(Channel.PHONE);
        assertThat(message.text()).isEqualTo("Mevrouw wil weten hoe ze haar verhuizing doorgeeft.");
        assertThat(message.transcript()).extracting(line -> line.speaker())
                .containsExactly(AuthorRole.AGENT, AuthorRole.INTERPRETER);
        assertThat(message.relay()).isEqualTo("TOLKCONTACT");
        assertThat(message.providerId()).isEqualTo("transcript:demo-1");
        assertThat(message.receivedAt()).isEqualTo("2026-11-29T10:15:00+01:00");
    }

    @Test
    void aTranscriptWithoutOrWithAWrongSignatureIsRefused() {
        assertThatThrownBy(() -> channel.toInbound(null, null, CALL))
                .isInstanceOf(TranscriptSignature.UnsignedTranscriptException.class);
        assertThatThrownBy(() -> channel.toInbound(signed(CALL), null, CALL.replace("verhuizing", "uitkering")))
                .isInstanceOf(TranscriptSignature.UnsignedTranscriptException.class);
    }

    @Test
    void withoutASecretNoTranscriptComesInOverHttp() {
        assertThatThrownBy(() -> channel("").toInbound(signed(CALL), null, CALL))
                .isInstanceOf(TranscriptSignature.UnsignedTranscriptException.class);
    }

    @Test
    void aTranscriptLargerThanTheRequestLimitIsRefused() {
        assertThatThrownBy(() -> channel.toInbound(signed(CALL), (long) RequestBodies.MAX_BYTES + 1, CALL))
                .isInstanceOf(RequestTooLargeException.class);
    }

    @Test
    void aFileFromTheInboxNeedsNoSignature() {
        assertThat(channel.fromFile(CALL).text()).isEqualTo("Mevrouw wil weten hoe ze haar verhuizing doorgeeft.");
    }

    @Test
    void aSymbolicLinkInTheInboxIsNotRead(@TempDir Path inbox) throws IOException {
        Path target = Files.writeString(inbox.resolve("elsewhere.txt"), "secret");
        Path link = Files.createSymbolicLink(inbox.resolve("call.json"), target);

        assertThatThrownBy(() -> channel.checkFile(link.toString(), 6L, "call.json"))
                .isInstanceOf(IOException.class).hasMessageContaining("symbolic link: call.json");
    }

    @Test
    void aFileLargerThanHttpAcceptsIsNotRead(@TempDir Path inbox) throws IOException {
        Path file = Files.writeString(inbox.resolve("call.json"), CALL);

        assertThatThrownBy(() -> channel.checkFile(file.toString(), (long) RequestBodies.MAX_BYTES + 1, "call.json"))
                .isInstanceOf(IOException.class).hasMessageContaining("larger than");
        assertThatCode(() -> channel.checkFile(file.toString(), Files.size(file), "call.json")).doesNotThrowAnyException();
    }
}
