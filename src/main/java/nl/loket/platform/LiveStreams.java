package nl.loket.platform;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every kind of Server-Sent Event stream this instance serves ({@link EventStreams}), kept alive in one place: a
 * comment on each open stream every 20 seconds, and all of them closed before graceful shutdown (an open stream is a
 * request in flight; closed, the browser reconnects to another instance at once).
 */
@Component
public class LiveStreams implements SmartLifecycle {

    private final List<EventStreams<?>> kinds = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    /** The open streams of one kind ("agent", "chat"), each staying open at most {@code timeout}. */
    public <T> EventStreams<T> of(String kind, Duration timeout) {
        EventStreams<T> streams = new EventStreams<>(kind, timeout);
        kinds.add(streams);
        return streams;
    }

    @Scheduled(fixedDelay = 20_000)
    void keepAlive() {
        kinds.forEach(EventStreams::keepAlive);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        kinds.forEach(EventStreams::closeAll);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
