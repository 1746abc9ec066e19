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
            return amount("expected-minute", Math.max(1, wait.toMinutes()), language);
        }
        if (wait.compareTo(Duration.ofDays(1)) < 0) {
            return amount("expected-hour", wait.toHours(), language);
        }
        return amount("expected-day", wait.toDays(), language);
    }

    // "binnen 1 werkdag", "binnen 2 werkdagen": one is singular in both languages.
    private String amount(String prompt, long n, String language) {
        return n == 1 ? prompts.text(prompt, language, Map.of())
                : prompts.text(prompt + "s", language, Map.of("n", Long.toString(n)));
    }
}
