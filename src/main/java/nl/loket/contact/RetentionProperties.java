package nl.loket.contact;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long Loket keeps what residents told it (AVG: no longer than needed). Enforced by Redis
 * expiry on every key, so nothing depends on a clean-up job running.
 *
 * @param conversationDays days a conversation and its messages are kept after its last activity
 * @param transcriptDays   days a phone conversation (raw transcript) is kept
 * @param residentDays     days a resident record is kept after the last contact
 */
@Validated
@ConfigurationProperties("loket.retention")
public record RetentionProperties(
        @Min(1) @DefaultValue("90") int conversationDays,
        @Min(1) @DefaultValue("90") int transcriptDays,
        @Min(1) @DefaultValue("365") int residentDays) {

    public int daysFor(Channel channel) {
        return channel == Channel.PHONE ? transcriptDays : conversationDays;
    }
}
