package nl.loket.insight;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** A period of whole days, both ends included. Without dates: the last seven days up to today. */
record DateRange(LocalDate from, LocalDate to) {

    static DateRange parse(String from, String to, LocalDate today, int maxDays) {
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.minusDays(6));
        if (start.isAfter(end)) {
            throw new InvalidDateRangeException("from", "'from' (" + start + ") is after 'to' (" + end + ").");
        }
        if (days(start, end) > maxDays) {
            throw new InvalidDateRangeException("to", "'to' is too far after 'from': a period may be at most " + maxDays + " days.");
        }
        return new DateRange(start, end);
    }

    private static LocalDate date(String parameter, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidDateRangeException(parameter, "'" + parameter + "' must be a date as YYYY-MM-DD.");
        }
    }

    static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
