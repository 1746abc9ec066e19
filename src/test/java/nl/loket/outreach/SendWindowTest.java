package nl.loket.outreach;

import nl.loket.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendWindowTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final OutreachProperties DEFAULTS = new OutreachProperties(LocalTime.of(8, 0), LocalTime.of(21, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), Duration.ofMinutes(1), 50, Duration.ofSeconds(1), 90,
            Duration.ofDays(14), 14, 100_000, "https://loket.example.nl");

    @Test
    void theDefaultWindowKeepsNightsAndSundaysFree() {
        SendWindow w = request(null, null, List.of()).windowWithin(DEFAULTS);
        assertThat(w.isOpen(at(2026, 11, 30, 10, 0))).as("Monday morning").isTrue();
        assertThat(w.isOpen(at(2026, 11, 30, 8, 0))).as("Monday 08:00, inclusive").isTrue();
        assertThat(w.isOpen(at(2026, 11, 30, 7, 59))).as("Monday before eight").isFalse();
        assertThat(w.isOpen(at(2026, 11, 30, 21, 0))).as("Monday 21:00, exclusive").isFalse();
        assertThat(w.isOpen(at(2026, 12, 1, 3, 0))).as("night").isFalse();
        assertThat(w.isOpen(at(2026, 11, 29, 12, 0))).as("Sunday noon").isFalse();
        assertThat(w.isOpen(at(2026, 12, 5, 12, 0))).as("Saturday noon").isTrue();
    }

    @Test
    void aCampaignWindowLiesWithinTheLimits() {
        SendWindow w = request("10:00", "16:00", List.of("MON", "wednesday")).windowWithin(DEFAULTS);
        assertThat(w.days()).isEqualTo(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY));
        assertThat(w.isOpen(at(2026, 12, 1, 12, 0))).as("Tuesday").isFalse();
        assertThat(w.isOpen(at(2026, 12, 2, 15, 59))).as("Wednesday").isTrue();
        refused("06:00", "12:00", List.of(), "No messages at night");
        refused("12:00", "23:00", List.of(), "No messages at night");
        refused("12:00", "11:00", List.of(), "from must be before");
        refused("10:00", "12:00", List.of("SUNDAY"), "may not include [SUNDAY]");
        refused("10", "12:00", List.of(), "sendWindow.from must be a time");
        refused("10:00", "12:00", List.of("zondag"), "is not a day");
    }

    private static void refused(String from, String to, List<String> days, String detail) {
        assertThatThrownBy(() -> request(from, to, days).windowWithin(DEFAULTS))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("sendWindow");
                    assertThat(e.detail()).contains(detail);
                });
    }

    private static CampaignRequest request(String from, String to, List<String> days) {
        return CampaignRequest.of("n", "p", "t", null, List.of(), from, to, days, 60, "reference,phone\nr,0612345678");
    }

    private static ZonedDateTime at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, AMSTERDAM);
    }
}
