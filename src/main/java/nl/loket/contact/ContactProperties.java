package nl.loket.contact;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How conversations are kept together.
 *
 * @param maxMessageLength  longest resident message accepted, in characters
 * @param smsThreadIdle     SMS messages closer together than this continue the same conversation
 * @param lockTimeout       how long one instance may hold a conversation while handling a message
 * @param idempotencyWindow how long a provider id (Twilio MessageSid, callId) is remembered
 * @param idleClose         a conversation only the assistant took part in closes after this long without a
 *                          message, so it is counted and registered like one a person closed
 */
@Validated
@ConfigurationProperties("loket.contact")
public record ContactProperties(
        @Min(1) @Max(100_000) @DefaultValue("5000") int maxMessageLength,
        @NotNull @DefaultValue("24h") Duration smsThreadIdle,
        @NotNull @DefaultValue("30s") Duration lockTimeout,
        @NotNull @DefaultValue("7d") Duration idempotencyWindow,
        @NotNull @DefaultValue("24h") Duration idleClose) {
}
