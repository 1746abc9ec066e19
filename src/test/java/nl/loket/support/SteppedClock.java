package nl.loket.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it, in the municipality's time zone. */
public final class SteppedClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public SteppedClock(ZonedDateTime start) {
        this.now = new AtomicReference<>(start.toInstant());
        this.zone = start.getZone();
    }

    public void set(ZonedDateTime at) {
        now.set(at.toInstant());
    }

    public void advance(Duration by) {
        now.updateAndGet(i -> i.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.fixed(now.get(), other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
