package nl.loket.handoff;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackSlotsTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final Duration HALF_HOUR = Duration.ofMinutes(30);

    static CallbackSlots slots(Map<DayOfWeek, String> hours) {
        return new CallbackSlots(OpeningHours.parse("test", hours), HALF_HOUR, AMSTERDAM, Duration.ofDays(14), ClosedDays.HOLIDAYS);
    }

    static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, AMSTERDAM);
    }

    static List<String> local(List<ZonedDateTime> slots) {
        return slots.stream().map(s -> s.toLocalDateTime().toString()).toList();
    }

    @Test
    void theNextFreeHalfHoursWithinOpeningHoursAreOffered() {
        // Tuesday 10:10: the 10:00 slot has begun, so 10:30 is the first.
        List<ZonedDateTime> free = slots(OpeningHours.OFFICE_HOURS).free(at(2026, 12, 8, 10, 10), 3, 1, s -> 0);
        assertThat(local(free)).containsExactly("2026-12-08T10:30", "2026-12-08T11:00", "2026-12-08T11:30");
    }

    @Test
    void afterClosingTheNextOpeningDayIsOfferedAndTheWeekendIsSkipped() {
        // Friday 16:45: the last slot (16:30-17:00) has begun; Saturday and Sunday are closed.
        List<ZonedDateTime> free = slots(OpeningHours.OFFICE_HOURS).free(at(2026, 12, 11, 16, 45), 2, 1, s -> 0);
        assertThat(local(free)).containsExactly("2026-12-14T09:00", "2026-12-14T09:30");
    }

    @Test
    void aSlotThatWouldRunPastClosingTimeOrIntoTheLunchBreakIsNotOffered() {
        List<ZonedDateTime> free = slots(Map.of(DayOfWeek.MONDAY, "09:00-10:15,13:00-14:00"))
                .free(at(2026, 12, 7, 8, 0), 5, 1, s -> 0);
        assertThat(local(free)).containsExactly("2026-12-07T09:00", "2026-12-07T09:30", "2026-12-07T13:00",
                "2026-12-07T13:30", "2026-12-14T09:00");
    }

    @Test
    void aFullSlotIsSkippedAndOneWithRoomLeftIsOffered() {
        ZonedDateTime nine = at(2026, 12, 7, 9, 0);
        ZonedDateTime nineThirty = at(2026, 12, 7, 9, 30);
        List<ZonedDateTime> free = slots(OpeningHours.OFFICE_HOURS).free(at(2026, 12, 7, 8, 0), 2, 2,
                s -> s.isEqual(nine) ? 2 : s.isEqual(nineThirty) ? 1 : 0);
        assertThat(local(free)).containsExactly("2026-12-07T09:30", "2026-12-07T10:00");
    }

    @Test
    void onTheDaySummerTimeStartsTheMissingHourHasNoSlotsAndTheOthersAreRealMoments() {
        // 29 March 2026: at 02:00 the clock jumps to 03:00. A night line open 01:00-04:00.
        List<ZonedDateTime> free = slots(Map.of(DayOfWeek.SUNDAY, "01:00-04:00")).free(at(2026, 3, 29, 0, 0), 4, 1, s -> 0);
        assertThat(local(free)).containsExactly("2026-03-29T01:00", "2026-03-29T01:30", "2026-03-29T03:00",
                "2026-03-29T03:30");
        assertThat(Duration.between(free.get(1), free.get(2))).as("01:30 to 03:00 on that night").isEqualTo(HALF_HOUR);
    }

    @Test
    void afterTheClockChangeOfficeHoursStayAtNineLocalTime() {
        // Friday 27 March 2026 16:45 (winter time) → Monday 30 March 09:00 (summer time, 07:00 UTC).
        List<ZonedDateTime> free = slots(OpeningHours.OFFICE_HOURS).free(at(2026, 3, 27, 16, 45), 1, 1, s -> 0);
        assertThat(local(free)).containsExactly("2026-03-30T09:00");
        assertThat(free.get(0).toInstant().toString()).isEqualTo("2026-03-30T07:00:00Z");
    }

    @Test
    void onTheDaySummerTimeEndsTheDoubledHourIsOfferedOnce() {
        // 25 October 2026: at 03:00 the clock goes back to 02:00.
        List<ZonedDateTime> free = slots(Map.of(DayOfWeek.SUNDAY, "02:00-03:00")).free(at(2026, 10, 25, 0, 0), 4, 1, s -> 0);
        assertThat(local(free)).containsExactly("2026-10-25T02:00", "2026-10-25T02:30", "2026-11-01T02:00",
                "2026-11-01T02:30");
    }

    @Test
    void noOpeningHoursWithinTheHorizonMeansNoSlots() {
        assertThat(slots(Map.of()).free(at(2026, 12, 7, 8, 0), 3, 1, s -> 0)).isEmpty();
    }

    @Test
    void openingHoursThatAreNotLikeNineToFiveStopTheStart() {
        assertThatThrownBy(() -> OpeningHours.parse("loket.teams[x].opening-hours", Map.of(DayOfWeek.MONDAY, "9 tot 5")))
                .hasMessageContaining("loket.teams[x].opening-hours.monday");
        assertThatThrownBy(() -> OpeningHours.parse("loket.callbacks.opening-hours", Map.of(DayOfWeek.MONDAY, "17:00-09:00")))
                .hasMessageContaining("ends before it starts");
    }
}
