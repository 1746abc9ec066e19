package nl.loket.outreach;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;

/**
 * Proactive campaigns.
 *
 * @param earliest        no campaign message before this time of day (Dutch time), whatever a campaign asks
 * @param latest          nor after this time
 * @param allowedDays     the days a campaign may send on (no Sundays by default)
 * @param ratePeriod      the period {@code ratePerMinute} counts over; one minute, shorter only in tests
 * @param batchSize       recipients taken per poll; a restart repeats at most this many checks, never a send
 * @param pollInterval    how often running campaigns are looked at
 * @param outcomeDays     how long per-resident outcomes are kept after a campaign ends (counts stay)
 * @param audienceTtl     safety net: an audience file is deleted after this even if sending never ends
 * @param replyLinkDays   how long a reply to a campaign SMS is linked to the campaign
 * @param maxAudience     most rows in one audience file
 * @param publicBaseUrl   Loket's public address, for the opt-out link in e-mails
 */
@Validated
@ConfigurationProperties("loket.outreach")
public record OutreachProperties(
        @NotNull @DefaultValue("08:00") LocalTime earliest,
        @NotNull @DefaultValue("21:00") LocalTime latest,
        @NotEmpty @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"}) Set<DayOfWeek> allowedDays,
        @NotNull @DefaultValue("1m") Duration ratePeriod,
        @Min(1) @Max(10_000) @DefaultValue("50") int batchSize,
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @Min(1) @DefaultValue("90") int outcomeDays,
        @NotNull @DefaultValue("14d") Duration audienceTtl,
        @Min(1) @DefaultValue("14") int replyLinkDays,
        @Min(1) @DefaultValue("100000") int maxAudience,
        @NotBlank @DefaultValue("http://localhost:8080") String publicBaseUrl) {
}
