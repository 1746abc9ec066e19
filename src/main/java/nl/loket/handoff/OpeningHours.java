package nl.loket.handoff;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When a team calls residents back: per weekday one or more periods in local (Dutch) time, written as in the
 * configuration, {@code monday: "09:00-12:30,13:30-17:00"}. A day that is not listed is closed.
 */
record OpeningHours(Map<DayOfWeek, List<Period>> days) {

    /** Monday to Friday, 09:00 to 17:00: what a team without its own hours uses. */
    static final Map<DayOfWeek, String> OFFICE_HOURS = Map.of(
            DayOfWeek.MONDAY, "09:00-17:00", DayOfWeek.TUESDAY, "09:00-17:00", DayOfWeek.WEDNESDAY, "09:00-17:00",
            DayOfWeek.THURSDAY, "09:00-17:00", DayOfWeek.FRIDAY, "09:00-17:00");

    record Period(LocalTime from, LocalTime to) { }

    OpeningHours {
        Map<DayOfWeek, List<Period>> copy = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, periods) -> copy.put(day, List.copyOf(periods)));
        days = Map.copyOf(copy);
    }

    List<Period> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    /**
     * Reads the configured form; fails with a message that names the setting and the day, so a typing error stops the
     * start rather than quietly closing a team.
     */
    static OpeningHours parse(String setting, Map<DayOfWeek, String> configured) {
        Map<DayOfWeek, List<Period>> days = new EnumMap<>(DayOfWeek.class);
        configured.forEach((day, text) -> {
            List<Period> periods = new ArrayList<>();
            for (String part : text.split(",")) {
                String[] ends = part.strip().split("-");
                try {
                    if (ends.length != 2) {
                        throw new DateTimeParseException("no from-to", part, 0);
                    }
                    LocalTime from = LocalTime.parse(ends[0].strip());
                    LocalTime to = LocalTime.parse(ends[1].strip());
                    if (!to.isAfter(from)) {
                        throw new IllegalArgumentException(setting + "." + day.name().toLowerCase()
                                + ": '" + part.strip() + "' ends before it starts");
                    }
                    periods.add(new Period(from, to));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(setting + "." + day.name().toLowerCase() + ": '" + part.strip()
                            + "' is not like 09:00-17:00");
                }
            }
            periods.sort(Comparator.comparing(Period::from));
            days.put(day, periods);
        });
        return new OpeningHours(days);
    }
}
