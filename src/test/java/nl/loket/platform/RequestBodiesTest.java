package nl.loket.platform;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading what a channel route was sent: bounded bodies and decoded forms. */
class RequestBodiesTest {

    @Test
    void aBodyOverTheLimitIsRefusedWhateverItsLengthSays() {
        assertThatThrownBy(() -> RequestBodies.text(null, "x".repeat(RequestBodies.MAX_BYTES + 1)))
                .isInstanceOf(RequestTooLargeException.class);
        assertThatThrownBy(() -> RequestBodies.text((long) RequestBodies.MAX_BYTES + 1, "{}"))
                .isInstanceOf(RequestTooLargeException.class);
        assertThat(RequestBodies.text(2L, "{}")).isEqualTo("{}");
    }

    @Test
    void formParametersAreDecodedFromTheMapOrTheRawText() {
        assertThat(FormParameters.of(Map.of("Body", "STOP%20nu"))).containsExactly(Map.entry("Body", "STOP nu"));
        assertThat(FormParameters.of("From=%2B31612345678&Body=hoi+daar")).containsExactly(
                Map.entry("From", "+31612345678"), Map.entry("Body", "hoi daar"));
        assertThat(FormParameters.of((Object) null)).isEmpty();
    }

    @Test
    void aStreamedBodyIsReadInTheCharsetTheRequestNamesAndBoundedToo() {
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(RequestBodies.text(null, new ByteArrayInputStream(latin1), "ISO-8859-1")).isEqualTo("caf\u00e9");
        assertThat(RequestBodies.text(null, new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), null)).isEqualTo("{}");
        assertThatThrownBy(() -> RequestBodies.text(null, new ByteArrayInputStream(new byte[RequestBodies.MAX_BYTES + 1]), null))
                .isInstanceOf(RequestTooLargeException.class);
    }
}
