package nl.loket.insight;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import nl.loket.contact.Channel;
import nl.loket.contact.ResponseTimeProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * Service indicators.
 *
 * @param retentionDays days the per-day aggregates are kept (they hold no personal data)
 * @param maxRangeDays  the longest period one request may ask for
 * @param gapClusters   how many knowledge-gap clusters to show
 * @param gapExamples   how many redacted example questions per cluster
 * @param targets       the first-human-reply target per channel, when it differs from the promised response
 *                      time: {@code within} (a duration) or {@code working-days} (Monday to Friday; public
 *                      holidays are not skipped)
 */
@Validated
@ConfigurationProperties("loket.insight")
record InsightProperties(
        @Min(1) @DefaultValue("400") int retentionDays,
        @Min(1) @Max(3660) @DefaultValue("366") int maxRangeDays,
        @Min(1) @DefaultValue("20") int gapClusters,
        @Min(1) @DefaultValue("3") int gapExamples,
        Map<Channel, @Valid Target> targets) {

    InsightProperties {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
    }

    /**
     * The channel's target: {@code loket.insight.targets.<CHANNEL>} when set, otherwise the response time residents
     * are promised ({@code loket.response-times}), where a whole number of days means working days, as residents
     * are told ("binnen 2 werkdagen").
     */
    Target target(Channel channel, ResponseTimeProperties promised) {
        Target configured = targets.get(channel);
        if (configured != null && (configured.within() != null || configured.workingDays() != null)) {
            return configured;
        }
        Duration wait = promised.forChannel(channel);
        if (wait == null) {
            return null;
        }
        return wait.compareTo(Duration.ofDays(1)) < 0 ? new Target(wait, null) : new Target(null, (int) wait.toDays());
    }

    /** A response-time target: within a duration, or within a number of working days. */
    record Target(Duration within, @Min(1) Integer workingDays) {

        /** Whether a reply at {@code replied} to something that arrived at {@code arrived} met the target. */
        boolean met(ZonedDateTime arrived, ZonedDateTime replied) {
            if (within != null) {
                return Duration.between(arrived, replied).compareTo(within) <= 0;
            }
            return !replied.isAfter(WorkingDays.deadline(arrived, workingDays == null ? 2 : workingDays));
        }

        String label() {
            if (within != null) {
                long minutes = within.toMinutes();
                return minutes < 60 ? minutes + " min" : within.toHours() + " uur";
            }
            int days = workingDays == null ? 2 : workingDays;
            return days + (days == 1 ? " werkdag" : " werkdagen");
        }
    }
}
