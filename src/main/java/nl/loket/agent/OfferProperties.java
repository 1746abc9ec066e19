package nl.loket.agent;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Offering waiting tasks to agents, {@code loket.offers.*}.
 *
 * @param enabled         offer tasks at all; off: agents only pull ("Volgende taak", claiming from the queue)
 * @param timeout         how long an offer stands; not accepted by then, the task goes to the next agent
 * @param declineCooldown how long an agent who declined a task (or let its offer lapse) is not offered it again
 * @param sweepInterval   how often every instance looks for waiting tasks without an offer (lapsed offers, a crash)
 * @param skillFallbackAfter how long a task is offered only to agents with its skills (language, channel, relay);
 *                        after that to any agent of its queue, so nobody waits forever for a skill that is missing
 * @param awayAfterLapses    an agent who lets this many offers in a row lapse is set to AWAY (they are not at their
 *                        desk), so the next tasks do not wait a timeout for them each; 0: never
 */
@Validated
@ConfigurationProperties("loket.offers")
record OfferProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("30s") Duration timeout,
        @NotNull @DefaultValue("2m") Duration declineCooldown,
        @NotNull @DefaultValue("2s") Duration sweepInterval,
        @NotNull @DefaultValue("60s") Duration skillFallbackAfter,
        @Min(0) @DefaultValue("2") int awayAfterLapses) {

    OfferProperties {
        if (timeout != null && timeout.toMillis() < 100) {
            throw new IllegalArgumentException("loket.offers.timeout must be at least 100ms");
        }
        if (sweepInterval != null && sweepInterval.toMillis() < 10) {
            throw new IllegalArgumentException("loket.offers.sweep-interval must be at least 10ms");
        }
        if (skillFallbackAfter != null && skillFallbackAfter.isNegative()) {
            throw new IllegalArgumentException("loket.offers.skill-fallback-after must not be negative");
        }
    }
}
