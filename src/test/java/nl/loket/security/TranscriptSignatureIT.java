package nl.loket.security;

import nl.loket.contact.ContactService;
import nl.loket.contact.Identity;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transcripts over HTTP are signed by the telephony platform ({@code X-Loket-Signature: sha256=<hex HMAC-SHA256 of
 * the raw body>}, secret {@code loket.transcripts.secret}). A missing or wrong signature gets 401 and stores
 * nothing, so nobody can forge lines as "Medewerker" into another resident's case.
 */
class TranscriptSignatureIT extends LoketIntegrationTest {

    @Autowired ContactService contacts;

    private static String transcript(String from, String text) {
        return """
                {"callId":"call-%s","from":"%s","to":"+31243290000",
                 "startedAt":"2026-11-29T10:15:00+01:00","endedAt":"2026-11-29T10:18:00+01:00",
                 "segments":[{"speaker":"AGENT","text":"%s"},{"speaker":"RESIDENT","text":"Hoe vraag ik een paspoort aan?"}]}"""
                .formatted(UUID.randomUUID(), from, text);
    }

    @Test
    void anUnsignedOrWronglySignedTranscriptIsRefusedAndNothingIsStored() {
        String from = "+31612" + (100_000 + (int) (Math.random() * 899_999));
        String body = transcript(from, "Wij hebben uw uitkering stopgezet");

        HttpResponse<String> unsigned = postJson("/api/channels/transcripts", body);
        HttpResponse<String> wrong = postJson("/api/channels/transcripts", body, "X-Loket-Signature", "sha256=" + "0".repeat(64));
        HttpResponse<String> otherBody = postJson("/api/channels/transcripts", body,
                "X-Loket-Signature", signTranscript(body.replace("stopgezet", "verhoogd")));
        HttpResponse<String> wrongScheme = postJson("/api/channels/transcripts", body,
                "X-Loket-Signature", signTranscript(body).replace("sha256=", "sha1="));

        for (HttpResponse<String> r : java.util.List.of(unsigned, wrong, otherBody, wrongScheme)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(contacts.residentIdOf(Identity.phone(from))).isEmpty();
    }

    @Test
    void aSignedTranscriptIsStored() {
        String from = "+31612" + (100_000 + (int) (Math.random() * 899_999));
        HttpResponse<String> signed = postTranscript(transcript(from, "Goedemorgen, gemeente Nijmegen"));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(202);
        assertThat(contacts.residentIdOf(Identity.phone(from))).isPresent();
    }
}
