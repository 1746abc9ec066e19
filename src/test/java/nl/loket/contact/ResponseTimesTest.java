package nl.loket.contact;

import nl.loket.platform.PromptProperties;
import nl.loket.platform.Prompts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The response time a resident is told, in words: one is singular ("binnen 1 werkdag", never "1 werkdagen"). */
class ResponseTimesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "PT24H, nl, binnen 1 werkdag", "PT48H, nl, binnen 2 werkdagen", "PT1H, nl, binnen 1 uur",
            "PT4H, nl, binnen 4 uur", "PT1M, nl, binnen 1 minuut", "PT5M, nl, binnen 5 minuten",
            "PT24H, en, within 1 working day", "PT48H, en, within 2 working days", "PT1M, en, within 1 minute"})
    void oneIsSingular(String wait, String language, String expected) {
        ResponseTimes times = new ResponseTimes(new ResponseTimeProperties(Map.of(Channel.PHONE, Duration.parse(wait))),
                new Prompts(new PromptProperties("prompts")));
        assertThat(times.expected(Channel.PHONE, language)).isEqualTo(expected);
    }
}
