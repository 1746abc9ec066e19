package nl.loket.insight;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;

/**
 * "Within N working days": Monday to Friday. Public holidays are not skipped (a documented
 * simplification). Something that arrives at the weekend starts counting on Monday at 00:00.
 */
final class WorkingDays {

    private WorkingDays() { }

    static ZonedDateTime deadline(ZonedDateTime arrived, int workingDays) {
        ZonedDateTime start = arrived;
        if (weekend(start)) {
            while (weekend(start)) {
                start = start.plusDays(1);
            }
            start = start.toLocalDate().atStartOfDay(start.getZone());
        }
        ZonedDateTime deadline = start;
        for (int i = 0; i < workingDays; i++) {
            deadline = deadline.plusDays(1);
            while (weekend(deadline)) {
                deadline = deadline.plusDays(1);
            }
        }
        return deadline;
    }

    private static boolean weekend(ZonedDateTime t) {
        return t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
