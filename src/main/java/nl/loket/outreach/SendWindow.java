package nl.loket.outreach;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a campaign may send: from {@code from} (inclusive) to {@code to} (exclusive), Dutch time, on the
 * given days. Outside it, recipients wait; nobody is dropped.
 */
record SendWindow(LocalTime from, LocalTime to, Set<DayOfWeek> days) {

    SendWindow {
        days = days == null || days.isEmpty() ? Set.of() : EnumSet.copyOf(days);
    }

    boolean isOpen(ZonedDateTime now) {
        LocalTime time = now.toLocalTime();
        return days.contains(now.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }
}
