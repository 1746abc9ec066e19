package nl.loket.handoff;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Which call-back slots are free: slots of {@code slotLength} from each opening period's start, the first at or after
 * {@code earliest}, skipping public holidays and other closed days and slots already booked to capacity. Pure, so the rules are tested without Redis or a clock.
 *
 * <p>Slots are local times on the wall clock: on the day summer time starts a slot in the missing hour does not exist
 * and is skipped; on the day it ends a slot in the doubled hour is offered once (the earlier one).
 */
record CallbackSlots(OpeningHours hours, Duration slotLength, ZoneId zone, Duration horizon, ClosedDays closedDays) {

    /**
     * @param earliest no slot starts before this
     * @param count    at most this many slots
     * @param capacity call-backs one slot holds
     * @param booked   how many call-backs a slot (by its start) already holds
     */
    List<ZonedDateTime> free(ZonedDateTime earliest, int count, int capacity, ToIntFunction<ZonedDateTime> booked) {
        List<ZonedDateTime> free = new ArrayList<>();
        ZonedDateTime from = earliest.withZoneSameInstant(zone);
        LocalDate last = from.toLocalDate().plusDays(horizon.toDays());
        for (LocalDate day = from.toLocalDate(); !day.isAfter(last) && free.size() < count; day = day.plusDays(1)) {
            if (closedDays.closed(day)) {
                continue;
            }
            for (OpeningHours.Period period : hours.on(day.getDayOfWeek())) {
                LocalTime start = period.from();
                while (Duration.between(start, period.to()).compareTo(slotLength) >= 0 && free.size() < count) {
                    ZonedDateTime slot = onWallClock(day.atTime(start));
                    if (slot != null && !slot.isBefore(from) && booked.applyAsInt(slot) < capacity) {
                        free.add(slot);
                    }
                    LocalTime next = start.plus(slotLength);
                    if (!next.isAfter(start)) {
                        break; // past midnight: the next day has its own periods
                    }
                    start = next;
                }
            }
        }
        return free;
    }

    /** The moment this wall-clock time names, or null when the clock skips it (summer time starts). */
    private ZonedDateTime onWallClock(LocalDateTime local) {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            return null;
        }
        return ZonedDateTime.ofLocal(local, zone, null);
    }
}
