package nl.loket.security;

import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A path with a percent-encoded letter is routed to the same endpoint, so it gets the same guard: bodies are
 * bounded and checked before any route reads them, whatever spelling of the path reached Loket.
 */
class EncodedPathIT extends LoketIntegrationTest {

    @Test
    void theBodyGuardChecksAnEncodedApiPathLikeThePlainOne() {
        for (String path : new String[] {"/api/forms/contact", "/%61pi/forms/contact", "/api/%66orms/contact"}) {
            HttpResponse<String> multipart = postRaw(path, "multipart/form-data; boundary=x", "--x--");
            assertThat(multipart.statusCode()).as(path + " " + multipart.body()).isEqualTo(415);
            HttpResponse<String> huge = postRaw(path, "application/json", "{\"message\":\"" + "x".repeat(70_000) + "\"}");
            assertThat(huge.statusCode()).as(path).isEqualTo(413);
        }
    }
}
