package nl.loket.handoff;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The hand-off queue.
 *
 * @param claimTimeout     a claimed task whose agent does nothing for this long goes back to the queue
 * @param reclaimInterval  how often every instance looks for such claims
 * @param pendingIdle      a queue entry read by an instance that died before finishing the claim is taken over after this
 * @param deliveryAttempts tries per agent reply on a failing channel (SMS, e-mail) before it is marked FAILED
 * @param deliveryBackoff  wait before the second try; doubled for each further one
 * @param queue            queue name of ordinary tasks
 * @param urgentQueue      queue name of URGENT (crisis) tasks
 */
@Validated
@ConfigurationProperties("loket.handoff")
public record HandoffProperties(
        @NotNull @DefaultValue("15m") Duration claimTimeout,
        @NotNull @DefaultValue("30s") Duration reclaimInterval,
        @NotNull @DefaultValue("1m") Duration pendingIdle,
        @Min(1) @Max(10) @DefaultValue("3") int deliveryAttempts,
        @NotNull @DefaultValue("5s") Duration deliveryBackoff,
        @NotBlank @DefaultValue("algemeen") String queue,
        @NotBlank @DefaultValue("urgent") String urgentQueue) {
}
