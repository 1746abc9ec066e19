package nl.loket.insight;

import nl.loket.contact.Channel;
import nl.loket.contact.MessageHandled;
import nl.loket.contact.Outcome;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What insight costs: the time one resident message spends in the recorder (the Redis writes done inside the
 * conversation lock), and the time to compute the indicators of a year with a busy municipality's volume
 * (a year in 2040, so no other test's data). Prints figures; asserts no timing. Run:
 * {@code mvn -o verify -Dloket.test.groups=benchmark -Dloket.excluded.test.groups=none -Dtest=InsightBenchmark}
 */
@Tag("benchmark")
class InsightBenchmark extends LoketIntegrationTest {

    private static final int MESSAGES = 2_000;
    private static final int CONTACTS_PER_DAY = 400;

    @Autowired InsightRecorder recorder;
    @Autowired InsightStore store;
    @Autowired ServiceIndicators indicators;

    @Test
    void recordingAndReading() {
        OffsetDateTime at = OffsetDateTime.of(2040, 6, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2));
        List<Double> record = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            MessageHandled event = new MessageHandled(UUID.randomUUID().toString(), "m" + i, Channel.CHAT, null, "nl",
                    false, Outcome.ANSWERED, null, "paspoort", "nl-paspoort", at, at.plusNanos(2_000_000));
            long start = System.nanoTime();
            recorder.on(event);
            record.add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf("BENCHMARK insight recording of one answered chat message (first of its contact): median %.3f ms, p90 %.3f ms over %d%n",
                percentile(record, 50), percentile(record, 90), MESSAGES);

        LocalDate first = LocalDate.of(2040, 1, 1);
        for (LocalDate day = first; day.isBefore(first.plusDays(366)); day = day.plusDays(1)) {
            store.count(day, Map.of("contacts|CHAT", (long) CONTACTS_PER_DAY, "messages|CHAT", 2L * CONTACTS_PER_DAY,
                    "answered|CHAT", (long) CONTACTS_PER_DAY, "handoffs|CHAT", CONTACTS_PER_DAY / 4L,
                    "reason|CHAT|NO_ANSWER", CONTACTS_PER_DAY / 8L, "reason|CHAT|HUMAN_REQUESTED", CONTACTS_PER_DAY / 8L));
            for (int i = 0; i < CONTACTS_PER_DAY / 4; i++) {
                store.sample(day, "firstReply", Channel.CHAT, 60_000L + i * 1_000L);
                store.sample(day, "queueWait", Channel.CHAT, 30_000L + i * 1_000L);
            }
            for (int i = 0; i < 10; i++) {
                store.gap(day, new InsightStore.Gap("Mag ik een bijenkast op mijn balkon zetten " + i + "?", Channel.CHAT, "nl", null));
            }
        }
        List<Double> read = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            Indicators year = indicators.indicators(first, first.plusDays(365));
            read.add((System.nanoTime() - start) / 1e6);
            if (year.contacts() != 366L * CONTACTS_PER_DAY + MESSAGES) {   // the recorded messages fell in this year too
                throw new IllegalStateException("unexpected total " + year.contacts());
            }
        }
        System.out.printf("BENCHMARK indicators of 366 days (%d contacts, %d durations, %d gap questions): median %.0f ms, p90 %.0f ms over 10%n",
                366 * CONTACTS_PER_DAY, 366 * CONTACTS_PER_DAY / 2, 3660, percentile(read, 50), percentile(read, 90));
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
