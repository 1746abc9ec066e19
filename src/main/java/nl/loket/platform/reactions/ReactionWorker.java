package nl.loket.platform.reactions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.resps.StreamEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the outbox for every reacting module on this instance: one thread per group, so a slow reaction
 * (a summary from a language model) never delays another module's. Each round reads new events; a third of the retry
 * wait apart it first takes over events that waited longer than the retry wait (failed, or read by an instance that
 * stopped). Taking over at every round cost an XAUTOCLAIM per group five times a second for nothing: half the idle
 * Redis commands of an instance.
 */
@Component
class ReactionWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReactionWorker.class);
    private static final int BATCH = 100;

    private final Reactions reactions;
    private final ReactionStream stream;
    private final ReactionsProperties properties;
    private final String consumer = "loket-" + UUID.randomUUID();
    private volatile ScheduledExecutorService threads;
    private final java.util.Set<String> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Per group, when this instance last took over stuck events (nanoTime). */
    private final java.util.Map<String, Long> lastTakeOver = new java.util.concurrent.ConcurrentHashMap<>();

    ReactionWorker(Reactions reactions, ReactionStream stream, ReactionsProperties properties) {
        this.reactions = reactions;
        this.stream = stream;
        this.properties = properties;
    }

    @Override
    public void start() {
        List<String> groups = List.copyOf(reactions.groups());
        if (groups.isEmpty()) {
            return;
        }
        AtomicInteger number = new AtomicInteger();
        threads = Executors.newScheduledThreadPool(groups.size(), r -> {
            Thread t = new Thread(r, "reactions-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long every = properties.pollInterval().toMillis();
        for (String group : groups) {
            threads.scheduleWithFixedDelay(() -> round(group), every, every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = threads;
        threads = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return threads != null;
    }

    /** Stops before Redis closes, starts after it is there. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    private void round(String group) {
        try {
            long now = System.nanoTime();
            long every = Math.max(properties.pollInterval().toNanos(), properties.retryAfter().toNanos() / 3);
            Long last = lastTakeOver.get(group);
            boolean takeOver = last == null || now - last >= every;
            if (takeOver) {
                lastTakeOver.put(group, now);
            }
            work(group, takeOver);
            if (failing.remove(group)) {
                log.info("Reading reactions of group {} works again", group);
            }
        } catch (RuntimeException e) {
            // Once per outage, not five times a second per group while Redis is away.
            if (failing.add(group)) {
                log.warn("Reading reactions of group {} failed; trying again every {} until it works: {}", group,
                        properties.pollInterval(), e.toString());
            }
        }
    }

    /** One round for one group, taking over stuck events first; returns how many it handled (tests drive it directly). */
    int work(String group) {
        return work(group, true);
    }

    /** One round for one group without taking over stuck events, as most rounds are (tests drive it directly). */
    int readAndHandle(String group) {
        return work(group, false);
    }

    private int work(String group, boolean takeOver) {
        int handled = 0;
        List<String> done = new ArrayList<>();
        if (takeOver) {
            for (StreamEntry entry : stream.takeOver(group, consumer, BATCH)) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                if (process(group, entry)) {
                    done.add(entry.getID().toString());
                    handled++;
                }
            }
            stream.ack(group, done);
            done.clear();
        }
        // New events: read and claimed in one round trip, marked done and acknowledged in one more.
        List<String> finished = new ArrayList<>();
        for (ReactionStream.Claimed read : stream.readAndClaim(group, consumer, BATCH, reactions.typesOf(group))) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            String eventId = read.entry().getID().toString();
            switch (read.claim()) {
                case DONE -> finished.add(eventId);
                case BUSY -> { }
                case MINE -> {
                    if (handle(group, read.entry())) {
                        done.add(eventId);
                        finished.add(eventId);
                        handled++;
                    }
                }
            }
        }
        stream.finish(group, done, finished);
        return handled;
    }

    /** True when the group is finished with the entry (handled, handled before, or not for this group). */
    private boolean process(String group, StreamEntry entry) {
        String eventId = entry.getID().toString();
        String type = entry.getFields().get(ReactionStream.TYPE);
        Reaction<?> reaction = reactions.reactionOf(group, type).orElse(null);
        if (reaction == null) {
            return true;
        }
        switch (stream.claim(group, eventId)) {
            case DONE -> { return true; }
            case BUSY -> { return false; }
            case MINE -> { }
        }
        if (!handle(group, entry)) {
            return false;
        }
        stream.done(group, eventId);
        return true;
    }

    /** Runs the group's reaction to an event claimed for it; true when it succeeded (the caller marks it done). */
    private boolean handle(String group, StreamEntry entry) {
        String eventId = entry.getID().toString();
        String type = entry.getFields().get(ReactionStream.TYPE);
        Reaction<?> reaction = reactions.reactionOf(group, type).orElse(null);
        if (reaction == null) {
            return true;
        }
        Object event;
        try {
            event = reactions.decode(type, entry.getFields().get(ReactionStream.EVENT));
        } catch (RuntimeException unreadable) {
            stream.park(group, entry, "unreadable event: " + unreadable.getClass().getSimpleName());
            stream.release(group, eventId);
            log.error("Reaction {}: event {} cannot be read; parked", group, eventId);
            return false;
        }
        try {
            reaction.handle(event);
        } catch (RuntimeException e) {
            long failures = stream.failed(group, eventId);
            if (failures >= properties.maxAttempts()) {
                stream.park(group, entry, e.toString());
                log.error("Reaction {} to {} {} failed {} times; parked for a supervisor (/api/reactions): {}", group,
                        event.getClass().getSimpleName(), eventId, failures, e.toString());
            } else {
                log.warn("Reaction {} to {} {} failed (try {} of {}); tried again after {}: {}", group,
                        event.getClass().getSimpleName(), eventId, failures, properties.maxAttempts(),
                        properties.retryAfter(), e.toString());
            }
            return false;
        }
        return true;
    }
}
