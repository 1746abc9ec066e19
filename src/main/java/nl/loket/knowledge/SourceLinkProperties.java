package nl.loket.knowledge;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of the check of the articles' source links ({@code loket.knowledge.links.*}).
 *
 * @param enabled      whether this instance takes part in the periodic check (default true; the tests switch it off so
 *                     they never call the municipality's site)
 * @param interval     how long a result stays good: an article's source is checked again this long after its last
 *                     check (default 24 hours)
 * @param timeout      how long one request (connecting, and the answer's status line) may take; a source that does not
 *                     answer in time is broken (default 10 s)
 * @param pollInterval how often an instance looks for sources due for a check (default 1 minute; only the one holding
 *                     the lock checks)
 * @param runLimit     how long one run (and its lock) lasts at most; what is left is checked at the next poll
 *                     (default 10 minutes)
 */
@Validated
@ConfigurationProperties("loket.knowledge.links")
record SourceLinkProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("24h") Duration interval,
        @NotNull @DefaultValue("10s") Duration timeout,
        @NotNull @DefaultValue("1m") Duration pollInterval,
        @NotNull @DefaultValue("10m") Duration runLimit) {

    SourceLinkProperties {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("loket.knowledge.links.timeout must be positive, not " + timeout);
        }
        if (timeout != null && runLimit != null && runLimit.compareTo(timeout.multipliedBy(2).plusSeconds(1)) <= 0) {
            throw new IllegalArgumentException("loket.knowledge.links.run-limit (" + runLimit
                    + ") must be longer than twice the timeout plus a second (" + timeout.multipliedBy(2).plusSeconds(1)
                    + "): a check is a HEAD and maybe a GET, and a run ends before its lock expires");
        }
    }

    static SourceLinkProperties defaults() {
        return new SourceLinkProperties(true, Duration.ofHours(24), Duration.ofSeconds(10), Duration.ofMinutes(1),
                Duration.ofMinutes(10));
    }
}
