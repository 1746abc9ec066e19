package nl.loket.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How soon a resident may expect a person to reply after a hand-off, per channel. Told to the
 * resident at hand-off and used as the service target.
 *
 * @param responseTimes e.g. {@code loket.response-times.chat=5m}, {@code loket.response-times.sms=2d}
 */
@ConfigurationProperties("loket")
public record ResponseTimeProperties(Map<Channel, Duration> responseTimes) {

    private static final Map<Channel, Duration> DEFAULTS = Map.of(
            Channel.CHAT, Duration.ofMinutes(5),
            Channel.SMS, Duration.ofDays(2),
            Channel.WEBFORM, Duration.ofDays(2),
            Channel.PHONE, Duration.ofDays(1));

    public ResponseTimeProperties {
        Map<Channel, Duration> all = new EnumMap<>(DEFAULTS);
        if (responseTimes != null) {
            all.putAll(responseTimes);
        }
        responseTimes = Map.copyOf(all);
    }

    public Duration forChannel(Channel channel) {
        return responseTimes.get(channel);
    }
}
