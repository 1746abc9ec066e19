package nl.loket.platform;

import org.junit.jupiter.api.Test;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import redis.clients.jedis.exceptions.JedisConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Routes and controllers map every failure the same way: what a caller sees for each kind of failure. */
class ProblemMapperTest {

    static final class ConversationBusy extends ProblemException {
        ConversationBusy() {
            super(503, "Busy", null, "Another message of this conversation is being handled.");
        }
    }

    static final class FieldMissing extends ProblemException {
        FieldMissing() {
            super(400, "Invalid request", "message", "The message is empty.");
        }
    }

    @Test
    void aBusinessFailureKeepsItsStatusTitleAndField() {
        ProblemMapper.Mapped mapped = ProblemMapper.map(new FieldMissing(), "/api/forms/contact");
        assertThat(mapped.problem()).isEqualTo(new Problem("about:blank", "Invalid request", 400, "The message is empty.",
                "/api/forms/contact", "message"));
        assertThat(mapped.retryAfter()).isNull();
    }

    @Test
    void everyTryAgainSaysWhen() {
        assertThat(ProblemMapper.map(new ConversationBusy(), "/api/chat/messages").retryAfter())
                .isEqualTo(RedisTrouble.RETRY_AFTER_SECONDS);
    }

    @Test
    void redisTroubleIsA503WithRetryAfterEvenWhenWrapped() {
        ProblemMapper.Mapped mapped = ProblemMapper.map(new IllegalStateException(new JedisConnectionException("refused")), "/x");
        assertThat(mapped.problem().status()).isEqualTo(503);
        assertThat(mapped.problem().detail()).contains("Nothing was saved");
        assertThat(mapped.retryAfter()).isEqualTo(RedisTrouble.RETRY_AFTER_SECONDS);
    }

    @Test
    void aBrokenOrOversizedUploadIsTheSendersMistake() {
        assertThat(ProblemMapper.map(new MaxUploadSizeExceededException(1), "/u").problem().status()).isEqualTo(413);
        assertThat(ProblemMapper.map(new MultipartException("broken"), "/u").problem().status()).isEqualTo(400);
    }

    @Test
    void anythingElseIsA500WithoutItsMessage() {
        ProblemMapper.Mapped mapped = ProblemMapper.map(new NullPointerException("secret detail at Foo.java:12"), "/x");
        assertThat(mapped.problem().status()).isEqualTo(500);
        assertThat(mapped.problem().detail()).doesNotContain("secret").doesNotContain("Foo.java");
        assertThat(mapped.retryAfter()).isNull();
    }
}
