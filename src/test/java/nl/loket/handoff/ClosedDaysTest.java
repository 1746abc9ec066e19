package nl.loket.handoff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import static nl.loket.handoff.CallbackSlotsTest.AMSTERDAM;
import static nl.loket.handoff.CallbackSlotsTest.HALF_HOUR;
import static nl.loket.handoff.CallbackSlotsTest.at;
import static nl.loket.handoff.CallbackSlotsTest.local;
import static org.assertj.core.api.Assertions.assertThat;

/** No call-backs on Dutch public holidays or the municipality's own closed days, computed for any year. */
class ClosedDaysTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2026-01-01, Nieuwjaarsdag",
            "2026-04-03, Goede Vrijdag",
            "2026-04-05, Eerste Paasdag",
            "2026-04-06, Tweede Paasdag",
            "2026-04-27, Koningsdag",
            "2026-05-05, Bevrijdingsdag",
            "2026-05-14, Hemelvaartsdag",
            "2026-05-24, Eerste Pinksterdag",
            "2026-05-25, Tweede Pinksterdag",
            "2026-12-25, Eerste Kerstdag",
            "2026-12-26, Tweede Kerstdag",
            "2027-01-01, Nieuwjaarsdag",
            "2027-03-26, Goede Vrijdag",
            "2027-03-28, Eerste Paasdag",
            "2027-03-29, Tweede Paasdag",
            "2027-04-27, Koningsdag",
            "2027-05-05, Bevrijdingsdag",
            "2027-05-06, Hemelvaartsdag",
            "2027-05-16, Eerste Pinksterdag",
            "2027-05-17, Tweede Pinksterdag",
            "2027-12-25, Eerste Kerstdag",
            "2027-12-26, Tweede Kerstdag",
            // 27 April 2025 and 2031 are Sundays: Koningsdag is the Saturday before.
            "2025-04-26, Koningsdag",
            "2031-04-26, Koningsdag",
    })
    void aPublicHolidayIsClosed(LocalDate day, String name) {
        assertThat(ClosedDays.HOLIDAYS.holiday(day)).contains(name);
        assertThat(ClosedDays.HOLIDAYS.closed(day)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-01-02", "2026-04-02", "2026-04-04", "2026-04-07", "2026-04-26", "2026-05-04", "2026-05-15",
            "2026-05-26", "2026-12-05", "2026-12-24", "2026-12-31",
            "2027-01-04", "2027-03-25", "2027-03-30", "2027-04-26", "2027-05-04", "2027-05-07", "2027-05-18",
            "2027-12-24", "2027-12-27", "2027-12-31",
            // When the 27th is a Sunday it is not the holiday (the Saturday is).
            "2025-04-27", "2031-04-27",
    })
    void anOrdinaryDayIsNotClosed(LocalDate day) {
        assertThat(ClosedDays.HOLIDAYS.holiday(day)).isEmpty();
        assertThat(ClosedDays.HOLIDAYS.closed(day)).isFalse();
    }

    @ParameterizedTest(name = "Easter {0}")
    @CsvSource({"2019, 2019-04-21", "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28",
            "2038, 2038-04-25", "2285, 2285-03-22", "2100, 2100-03-28"})
    void easterIsComputedForEveryYearSoTheListNeverRunsOut(int year, LocalDate easter) {
        assertThat(ClosedDays.easterSunday(year)).isEqualTo(easter);
        assertThat(ClosedDays.holidays(year)).hasSize(11);
    }

    @Test
    void aMunicipalityThatStaysOpenOnGoodFridayAndLiberationDayStillClosesOnTheOtherHolidays() {
        ClosedDays open = new ClosedDays(true, true, Set.of());
        assertThat(open.closed(LocalDate.of(2026, 4, 3))).as("Goede Vrijdag").isFalse();
        assertThat(open.closed(LocalDate.of(2027, 5, 5))).as("Bevrijdingsdag").isFalse();
        assertThat(open.closed(LocalDate.of(2026, 4, 6))).as("Tweede Paasdag").isTrue();
        assertThat(new ClosedDays(true, false, Set.of()).closed(LocalDate.of(2026, 5, 5))).isTrue();
        assertThat(new ClosedDays(false, true, Set.of()).closed(LocalDate.of(2026, 4, 3))).isTrue();
    }

    @Test
    void theMunicipalitysOwnClosedDayIsClosedAndTheDayAfterIsNot() {
        ClosedDays bridge = new ClosedDays(false, false, Set.of(LocalDate.of(2026, 5, 15)));
        assertThat(bridge.closed(LocalDate.of(2026, 5, 15))).isTrue();
        assertThat(bridge.closed(LocalDate.of(2026, 5, 18))).isFalse();
    }

    @Test
    void noSlotsAreOfferedOnEasterAndTheNextOpenDayIsOffered() {
        // Thursday 2 April 2026 16:45: Goede Vrijdag, the weekend and Tweede Paasdag are closed.
        CallbackSlots slots = new CallbackSlots(OpeningHours.parse("test", OpeningHours.OFFICE_HOURS), HALF_HOUR, AMSTERDAM,
                java.time.Duration.ofDays(14), ClosedDays.HOLIDAYS);
        assertThat(local(slots.free(at(2026, 4, 2, 16, 45), 1, 1, s -> 0))).containsExactly("2026-04-07T09:00");
    }

    @Test
    void onAGoodFridayTheMunicipalityStaysOpenItsSlotsAreOffered() {
        CallbackSlots slots = new CallbackSlots(OpeningHours.parse("test", OpeningHours.OFFICE_HOURS), HALF_HOUR, AMSTERDAM,
                java.time.Duration.ofDays(14), new ClosedDays(true, false, Set.of()));
        assertThat(local(slots.free(at(2026, 4, 2, 16, 45), 1, 1, s -> 0))).containsExactly("2026-04-03T09:00");
    }

    @Test
    void christmasAndTheOwnClosedDayBetweenTheHolidaysAreSkipped() {
        // Wednesday 23 December 2026 16:45; the municipality closes on the 24th too. 25, 26 and 27 are closed anyway.
        CallbackSlots slots = new CallbackSlots(OpeningHours.parse("test", OpeningHours.OFFICE_HOURS), HALF_HOUR, AMSTERDAM,
                java.time.Duration.ofDays(14), new ClosedDays(false, false, Set.of(LocalDate.of(2026, 12, 24))));
        List<ZonedDateTime> free = slots.free(at(2026, 12, 23, 16, 45), 1, 1, s -> 0);
        assertThat(local(free)).containsExactly("2026-12-28T09:00");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CallbackProperties.class)
    static class PropertiesOnly {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void closedDaysAndTheTwoSwitchesAreReadFromTheConfiguration() {
        runner.withPropertyValues("loket.callbacks.closed-days=2026-05-15,2026-12-24",
                "loket.callbacks.open-on-good-friday=true").run(context -> {
            ClosedDays closed = context.getBean(CallbackProperties.class).closed();
            assertThat(closed.extra()).containsExactlyInAnyOrder(LocalDate.of(2026, 5, 15), LocalDate.of(2026, 12, 24));
            assertThat(closed.openOnGoodFriday()).isTrue();
            assertThat(closed.openOnLiberationDay()).isFalse();
        });
    }

    @Test
    void withoutConfigurationEveryPublicHolidayIsClosedAndThereAreNoOwnClosedDays() {
        runner.run(context -> {
            ClosedDays closed = context.getBean(CallbackProperties.class).closed();
            assertThat(closed).isEqualTo(ClosedDays.HOLIDAYS);
            assertThat(closed.closed(LocalDate.of(2026, 4, 3))).isTrue();
        });
    }

    @Test
    void aClosedDayThatIsNotADateStopsTheStart() {
        runner.withPropertyValues("loket.callbacks.closed-days=24-12-2026x").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("loket.callbacks.closed-days"));
    }
}
