package nl.loket.platform.reactions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The event outbox and its readers.
 *
 * @param pollInterval how often each instance reads new events for every group (the delay of a LATER reaction)
 * @param retryAfter   a failed or unfinished event is tried again after this (also taken over from a stopped instance)
 * @param maxAttempts  tries per event and group before it is parked for a supervisor
 * @param workingFor   how long one try may hold an event before another instance may take it over
 * @param rememberDone how long an event id is remembered as done, so a second delivery does nothing
 * @param keepEntries  the outbox stream is trimmed to about this many events (read or not: size alerts before that)
 */
@Validated
@ConfigurationProperties("loket.reactions")
public record ReactionsProperties(
        @NotNull @DefaultValue("200ms") Duration pollInterval,
        @NotNull @DefaultValue("15s") Duration retryAfter,
        @Min(1) @Max(100) @DefaultValue("5") int maxAttempts,
        @NotNull @DefaultValue("1m") Duration workingFor,
        @NotNull @DefaultValue("1d") Duration rememberDone,
        @Min(1000) @DefaultValue("200000") long keepEntries) {
}
