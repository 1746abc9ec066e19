package nl.loket.handoff;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Call-backs at a time the resident picks, {@code loket.callbacks.*}. A team's own hours are
 * {@code loket.teams[n].opening-hours}; these hours are for the fallback queue and teams without their own.
 *
 * @param slotLength      how long one call-back slot is; slots start at the opening time and follow each other
 * @param slotsOffered    how many free slots the resident gets to choose from (1 to 9: one digit to reply with)
 * @param capacityPerSlot how many call-backs one team plans in the same slot (about the colleagues who call)
 * @param leadTime        the first slot offered starts at least this long from now
 * @param horizon         slots are looked for this far ahead
 * @param retryAfter      a resident not reached is called once more, in the first free slot at least this long later
 * @param offerValidFor   how long the resident can answer the proposed slots by number
 * @param dueCheckInterval how often every instance puts call-backs that became due in their team's queue
 * @param openingHours    per weekday, e.g. {@code monday: "09:00-12:30,13:30-17:00"}; Monday to Friday 09:00-17:00 when absent
 * @param closedDays      the municipality's own days without call-backs for every team, beside the public holidays
 *                        (e.g. {@code 2026-05-15}, the day after Hemelvaartsdag)
 * @param openOnGoodFriday     call residents back on Goede Vrijdag (closed when false)
 * @param openOnLiberationDay  call residents back on Bevrijdingsdag, 5 May (closed when false)
 * @param publicBaseUrl   Loket's public address, for the link with which an e-mail resident picks a time
 */
@Validated
@ConfigurationProperties("loket.callbacks")
record CallbackProperties(
        @NotNull @DefaultValue("30m") Duration slotLength,
        @Min(1) @Max(9) @DefaultValue("3") int slotsOffered,
        @Min(1) @Max(100) @DefaultValue("1") int capacityPerSlot,
        @NotNull @DefaultValue("1h") Duration leadTime,
        @NotNull @DefaultValue("14d") Duration horizon,
        @NotNull @DefaultValue("1h") Duration retryAfter,
        @NotNull @DefaultValue("2d") Duration offerValidFor,
        @NotNull @DefaultValue("5s") Duration dueCheckInterval,
        Map<DayOfWeek, String> openingHours,
        @Size(max = 366) List<@NotNull LocalDate> closedDays,
        @DefaultValue("false") boolean openOnGoodFriday,
        @DefaultValue("false") boolean openOnLiberationDay,
        @NotBlank @DefaultValue("http://localhost:8080") String publicBaseUrl) {

    CallbackProperties {
        if (slotLength != null && (slotLength.toMinutes() < 5 || slotLength.toMinutes() > 240)) {
            throw new IllegalArgumentException("loket.callbacks.slot-length must be between 5m and 4h");
        }
        if (horizon != null && (horizon.toDays() < 1 || horizon.toDays() > 60)) {
            throw new IllegalArgumentException("loket.callbacks.horizon must be between 1d and 60d");
        }
        openingHours = openingHours == null || openingHours.isEmpty() ? OpeningHours.OFFICE_HOURS : Map.copyOf(openingHours);
        OpeningHours.parse("loket.callbacks.opening-hours", openingHours);
        closedDays = closedDays == null ? List.of() : List.copyOf(closedDays);
    }

    /** The days without call-backs: the public holidays (with the two switches) and the municipality's own. */
    ClosedDays closed() {
        return new ClosedDays(openOnGoodFriday, openOnLiberationDay, Set.copyOf(closedDays));
    }

    OpeningHours hours() {
        return OpeningHours.parse("loket.callbacks.opening-hours", openingHours);
    }
}
