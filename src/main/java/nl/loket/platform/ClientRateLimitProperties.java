package nl.loket.platform;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Requests per client IP address per minute on the resident APIs and pages (chat, forms, transcripts).
 * Twilio's webhooks are not counted: they come from a few Twilio addresses for every resident and carry
 * a signature. The chat page polls every 4 seconds (15 requests a minute), so a limit must leave room for
 * several residents behind one address (a library, an office network).
 *
 * @param perIpPerMinute            requests per address per minute; 0 switches the limit off
 * @param chatSessionsPerIpPerMinute new chat sessions per address per minute, within the limit above: a resident
 *                                   opens one per visit, so a few a minute leave room for a shared address
 */
@Validated
@ConfigurationProperties("loket.rate-limit")
public record ClientRateLimitProperties(@Min(0) @DefaultValue("600") int perIpPerMinute,
                                        @Min(0) @DefaultValue("20") int chatSessionsPerIpPerMinute) {
}
