package nl.loket.security;

import nl.loket.contact.ContactService;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident is never told "not stored" for a message Loket stores afterwards. Every step after a channel
 * request starts is bounded; the bounds must add up to less than the HTTP layer's own timeout, or a slow
 * request would get its 503 while the message is still on its way into the store.
 */
class RequestDeadlineIT extends LoketIntegrationTest {

    @Autowired Environment environment;
    @Autowired ContactService contacts;

    @Test
    void everyBoundAfterARequestStartsAddsUpToLessThanTheHttpTimeout() {
        Duration http = environment.getRequiredProperty("spring.mvc.async.request-timeout", Duration.class);
        Duration start = environment.getRequiredProperty("loket.http.start-within", Duration.class);
        Duration lock = environment.getProperty("loket.contact.lock-timeout", Duration.class, Duration.ofSeconds(30));
        Duration model = environment.getProperty("loket.assistant.llm.timeout", Duration.class, Duration.ofMillis(2500));
        Duration redisAndMargin = Duration.ofSeconds(5);
        assertThat(start.plus(lock).plus(model).plus(redisAndMargin)).isLessThan(http);
    }
}
