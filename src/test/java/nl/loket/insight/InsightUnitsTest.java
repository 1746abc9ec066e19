package nl.loket.insight;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.loket.contact.Channel;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.MessageHandled;
import nl.loket.contact.Outcome;
import nl.loket.contact.ResponseTimeProperties;
import nl.loket.contact.RetentionProperties;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small rules behind the indicators: working days, percentiles, clustering, CSV cells, periods, failures. */
class InsightUnitsTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void twoWorkingDaysSkipTheWeekend() {
        ZonedDateTime thursday = ZonedDateTime.of(2031, 3, 6, 16, 0, 0, 0, AMSTERDAM);
        assertThat(WorkingDays.deadline(thursday, 2)).isEqualTo(ZonedDateTime.of(2031, 3, 10, 16, 0, 0, 0, AMSTERDAM));
        ZonedDateTime saturday = ZonedDateTime.of(2031, 3, 8, 11, 0, 0, 0, AMSTERDAM);
        assertThat(WorkingDays.deadline(saturday, 2)).isEqualTo(ZonedDateTime.of(2031, 3, 12, 0, 0, 0, 0, AMSTERDAM));
        ZonedDateTime tuesday = ZonedDateTime.of(2031, 3, 4, 9, 0, 0, 0, AMSTERDAM);
        assertThat(WorkingDays.deadline(tuesday, 1)).isEqualTo(tuesday.plusDays(1));
    }

    @Test
    void targetsByDurationAndByWorkingDays() {
        ZonedDateTime arrived = ZonedDateTime.of(2031, 3, 7, 16, 0, 0, 0, AMSTERDAM);   // a Friday
        InsightProperties.Target chat = new InsightProperties.Target(Duration.ofMinutes(5), null);
        assertThat(chat.met(arrived, arrived.plusMinutes(5))).isTrue();
        assertThat(chat.met(arrived, arrived.plusMinutes(5).plusSeconds(1))).isFalse();
        InsightProperties.Target sms = new InsightProperties.Target(null, 2);
        assertThat(sms.met(arrived, arrived.plusDays(4))).isTrue();              // Tuesday 16:00
        assertThat(sms.met(arrived, arrived.plusDays(4).plusMinutes(1))).isFalse();
        assertThat(chat.label()).isEqualTo("5 min");
        // without loket.insight.targets: the response time residents are promised, whole days as working days
        InsightProperties none = new InsightProperties(400, 366, 20, 3, null);
        ResponseTimeProperties promised = new ResponseTimeProperties(Map.of(Channel.PHONE, Duration.ofDays(1)));
        assertThat(none.target(Channel.CHAT, promised)).isEqualTo(new InsightProperties.Target(Duration.ofMinutes(5), null));
        assertThat(none.target(Channel.PHONE, promised)).isEqualTo(new InsightProperties.Target(null, 1));
        InsightProperties own = new InsightProperties(400, 366, 20, 3, Map.of(Channel.CHAT, new InsightProperties.Target(Duration.ofMinutes(3), null)));
        assertThat(own.target(Channel.CHAT, promised).label()).isEqualTo("3 min");
        assertThat(sms.label()).isEqualTo("2 werkdagen");
    }

    @Test
    void medianAndNearestRankP90() {
        List<InsightStore.Sample> samples = List.of(10_000L, 20_000L, 30_000L, 40_000L, 50_000L, 60_000L, 70_000L, 80_000L,
                90_000L, 1_000_000L).stream().map(ms -> new InsightStore.Sample(Channel.CHAT, ms)).toList();
        Indicators.Durations d = ServiceIndicators.durations(samples, s -> true);
        assertThat(d.median()).isEqualTo(55.0);
        assertThat(d.p90()).isEqualTo(90.0);
        assertThat(d.count()).isEqualTo(10);
        assertThat(ServiceIndicators.durations(List.of(), s -> true)).isEqualTo(new Indicators.Durations(null, null, 0));
    }

    @Test
    void questionsAreGroupedByTheTermMostOfThemShare() {
        List<Indicators.KnowledgeGap> gaps = KnowledgeGaps.cluster(List.of(
                "Waar kan ik mijn fiets parkeren bij het station?",
                "Hoeveel kost parkeren in het centrum?",
                "Mag ik een bijenkast op mijn balkon zetten?",
                "Parkeervergunning voor [KENTEKEN] aanvragen, hoe?",
                "Is parkeren op zondag gratis?"), 10, 2);
        assertThat(gaps).hasSize(3);
        assertThat(gaps.get(0).term()).isEqualTo("parkeren");
        assertThat(gaps.get(0).count()).isEqualTo(3);
        assertThat(gaps.get(0).examples()).containsExactly("Is parkeren op zondag gratis?", "Hoeveel kost parkeren in het centrum?");
        assertThat(gaps).extracting(Indicators.KnowledgeGap::count).containsExactly(3L, 1L, 1L);
        // a placeholder of redacted data is never a term
        assertThat(KnowledgeGaps.analyse("[KENTEKEN] [TELEFOON]").stems()).isEmpty();
    }

    @Test
    void csvCellsAreQuotedAndNeverFormulas() {
        assertThat(IndicatorsCsv.cell("plain")).as("every text cell quoted").isEqualTo("\"plain\"");
        assertThat(IndicatorsCsv.cell("x;=1+2;@SUM(1+1)|cmd")).as("no formula after a ';' (Dutch Excel splits there)")
                .isEqualTo("\"x;'=1+2;'@SUM(1+1)|cmd\"");
        assertThat(IndicatorsCsv.cell("a, +31 6 1")).as("nor after a ','").isEqualTo("\"a, '+31 6 1\"");
        assertThat(IndicatorsCsv.cell("")).isEqualTo("\"\"");
        assertThat(IndicatorsCsv.cell("600.0")).isEqualTo("600.0");
        assertThat(IndicatorsCsv.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(IndicatorsCsv.cell("zeg \"hoi\"")).isEqualTo("\"zeg \"\"hoi\"\"\"");
        assertThat(IndicatorsCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(IndicatorsCsv.cell("-12.5")).isEqualTo("-12.5");
    }

    @Test
    void periodsAreCheckedAndNamed() {
        LocalDate today = LocalDate.of(2031, 3, 4);
        assertThat(DateRange.parse(null, null, today, 366)).isEqualTo(new DateRange(today.minusDays(6), today));
        assertThat(DateRange.parse("2030-03-04", "2031-03-04", today, 366).from()).isEqualTo(LocalDate.of(2030, 3, 4));
        assertThatThrownBy(() -> DateRange.parse("2030-03-03", "2031-03-04", today, 366))
                .isInstanceOfSatisfying(InvalidDateRangeException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> DateRange.parse("4-3-2031", null, today, 366))
                .isInstanceOfSatisfying(InvalidDateRangeException.class, e -> assertThat(e.field()).isEqualTo("from"));
    }

    @Test
    void aFailingStoreGoesBackToTheOutboxForAnotherTry() {
        Clock clock = Clock.system(AMSTERDAM);
        InsightProperties properties = new InsightProperties(400, 366, 20, 3, null);
        InsightStore broken = new InsightStore(null, null, null, properties, new RetentionProperties(90, 90, 365), clock) {
            @Override
            boolean first(String kind, String id) {
                throw new IllegalStateException("Redis is down");
            }

            @Override
            void count(LocalDate day, Map<String, Long> increments) {
                throw new IllegalStateException("Redis is down");
            }
        };
        InsightRecorder recorder = new InsightRecorder(broken, null, new SimpleMeterRegistry(), properties,
                new ResponseTimeProperties(null), clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Insight reacts later, from the reactions outbox: the resident's message is answered already. The failure
        // goes back to the outbox, which tries again and at last parks the event where a supervisor sees it.
        assertThatThrownBy(() -> recorder.on(new MessageHandled("c1", "m1", Channel.CHAT, null, "nl", false,
                Outcome.ESCALATED, EscalationReason.NO_ANSWER, null, null, now, now))).hasMessageContaining("Redis is down");
    }
}
