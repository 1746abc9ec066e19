package nl.loket.insight;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.TaskStatus;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Gauges {@code loket.handoff.queue.depth{status=WAITING|CLAIMED}}: open tasks, read from Redis at each scrape. */
@Component
class QueueDepthMetrics {

    QueueDepthMetrics(MeterRegistry meters, HandoffService handoff) {
        for (TaskStatus status : Set.of(TaskStatus.WAITING, TaskStatus.CLAIMED)) {
            Gauge.builder("loket.handoff.queue.depth", handoff, h -> {
                        try {
                            return h.tasks(Set.of(status)).size();
                        } catch (RuntimeException e) {
                            return Double.NaN;  // Redis unreachable: the health check says so; no figure beats a wrong one
                        }
                    })
                    .tag("status", status.name())
                    .description("Open hand-off tasks")
                    .register(meters);
        }
    }
}
