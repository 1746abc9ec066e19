package nl.loket.contact;

import nl.loket.platform.Prompts;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * The response time a resident is told after a hand-off, as words in their language
 * ("binnen 5 minuten", "binnen 2 werkdagen"), from {@code loket.response-times.<channel>}.
 */
@Component
public class ResponseTimes {

    private final ResponseTimeProperties properties;
    private final Prompts prompts;

    ResponseTimes(ResponseTimeProperties properties, Prompts prompts) {
        this.properties = properties;
        this.prompts = prompts;
    }

    public String expected(Channel channel, String language) {
        Duration wait = properties.forChannel(channel);
        if (wait.compareTo(Duration.ofHours(1)) < 0) {
            return prompts.text("expected-minutes", language, Map.of("n", Long.toString(Math.max(1, wait.toMinutes()))));
        }
        if (wait.compareTo(Duration.ofDays(1)) < 0) {
            return prompts.text("expected-hours", language, Map.of("n", Long.toString(wait.toHours())));
        }
        return prompts.text("expected-days", language, Map.of("n", Long.toString(wait.toDays())));
    }
}
