package nl.loket.security;

import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a configured secret the HTTP endpoint for transcripts is off: 401 for everything, also for a "signed" body. */
@TestPropertySource(properties = "loket.test.transcript-secret=")
class TranscriptsWithoutSecretIT extends LoketIntegrationTest {

    @Test
    void withoutASecretEveryTranscriptIsRefused() {
        String body = "{\"callId\":\"c-nosecret\",\"from\":\"+31612345678\",\"segments\":[{\"speaker\":\"RESIDENT\",\"text\":\"hoi\"}]}";
        HttpResponse<String> r = postTranscript(body);
        assertThat(r.statusCode()).isEqualTo(401);
    }
}
