package nl.loket.handoff;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Days without call-backs whatever the opening hours say: the Dutch public holidays and the municipality's own closed
 * days ({@code loket.callbacks.closed-days}). The holidays are computed for any year (Easter by the anonymous Gregorian
 * algorithm), so there is no list of dates that runs out.
 *
 * <p>Goede Vrijdag and Bevrijdingsdag are closed unless switched open: most municipalities close on both, but not all
 * of them, and these two are the ones that differ (the others are closed everywhere).
 *
 * @param openOnGoodFriday     the municipality calls residents back on Goede Vrijdag
 * @param openOnLiberationDay  the municipality calls residents back on Bevrijdingsdag (5 May)
 * @param extra                the municipality's own closed days, e.g. the day after Hemelvaartsdag
 */
record ClosedDays(boolean openOnGoodFriday, boolean openOnLiberationDay, Set<LocalDate> extra) {

    /** Only the public holidays, Goede Vrijdag and Bevrijdingsdag included. */
    static final ClosedDays HOLIDAYS = new ClosedDays(false, false, Set.of());

    ClosedDays {
        extra = Set.copyOf(extra);
    }

    boolean closed(LocalDate day) {
        return extra.contains(day) || holiday(day).isPresent();
    }

    /** The name of the public holiday the municipality is closed on that day, if any. */
    Optional<String> holiday(LocalDate day) {
        String name = holidays(day.getYear()).get(day);
        if (name == null || (openOnGoodFriday && name.equals(GOEDE_VRIJDAG))
                || (openOnLiberationDay && name.equals(BEVRIJDINGSDAG))) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    static final String GOEDE_VRIJDAG = "Goede Vrijdag";
    static final String BEVRIJDINGSDAG = "Bevrijdingsdag";

    /** All Dutch public holidays of a year, by date. */
    static Map<LocalDate, String> holidays(int year) {
        LocalDate easter = easterSunday(year);
        Map<LocalDate, String> days = new LinkedHashMap<>();
        days.put(LocalDate.of(year, Month.JANUARY, 1), "Nieuwjaarsdag");
        days.put(easter.minusDays(2), GOEDE_VRIJDAG);
        days.put(easter, "Eerste Paasdag");
        days.put(easter.plusDays(1), "Tweede Paasdag");
        days.put(kingsDay(year), "Koningsdag");
        days.put(LocalDate.of(year, Month.MAY, 5), BEVRIJDINGSDAG);
        days.put(easter.plusDays(39), "Hemelvaartsdag");
        days.put(easter.plusDays(49), "Eerste Pinksterdag");
        days.put(easter.plusDays(50), "Tweede Pinksterdag");
        days.put(LocalDate.of(year, Month.DECEMBER, 25), "Eerste Kerstdag");
        days.put(LocalDate.of(year, Month.DECEMBER, 26), "Tweede Kerstdag");
        return days;
    }

    /** 27 April, or the 26th when the 27th is a Sunday (the law moves it to the Saturday before). */
    static LocalDate kingsDay(int year) {
        LocalDate day = LocalDate.of(year, Month.APRIL, 27);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(1) : day;
    }

    /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
