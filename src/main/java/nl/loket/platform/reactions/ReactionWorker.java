package nl.loket.platform.reactions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.resps.StreamEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the outbox for every reacting module on this instance. One reader reads the new events of every group that
 * is not busy in one round trip (a round per group cost a round trip per group and message, and per group five times
 * a second when idle); each group then handles its events on its own thread, so a slow reaction (a summary from a
 * language model) never delays another module's. A third of the retry wait apart a group first takes over events
 * that waited longer than the retry wait (failed, or read by an instance that stopped).
 */
@Component
class ReactionWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReactionWorker.class);
    private static final int BATCH = 100;

    private final Reactions reactions;
    private final ReactionStream stream;
    private final ReactionsProperties properties;
    private final String consumer = "loket-" + UUID.randomUUID();
    private volatile ScheduledExecutorService reader;
    private volatile Map<String, ExecutorService> groupThreads = Map.of();
    /** Groups whose thread is handling what was read for them; the reader leaves them alone meanwhile. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    /** Per group, when this instance last took over stuck events (nanoTime). */
    private final Map<String, Long> lastTakeOver = new ConcurrentHashMap<>();

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
        Map<String, ExecutorService> threads = new LinkedHashMap<>();
        AtomicInteger number = new AtomicInteger();
        for (String group : groups) {
            threads.put(group, Executors.newSingleThreadExecutor(daemon("reactions-" + number.incrementAndGet())));
        }
        groupThreads = threads;
        reader = Executors.newSingleThreadScheduledExecutor(daemon("reactions-read"));
        long every = properties.pollInterval().toMillis();
        reader.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = reader;
        reader = null;
        List<ExecutorService> all = new ArrayList<>(groupThreads.values());
        groupThreads = Map.of();
        if (running != null) {
            all.add(0, running);
        }
        all.forEach(ExecutorService::shutdownNow);
        try {
            for (ExecutorService threads : all) {
                threads.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        busy.clear();
    }

    @Override
    public boolean isRunning() {
        return reader != null;
    }

    /** Stops before Redis closes, starts after it is there. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    /** The reader's round: one read for every group not busy, then each group's events to that group's thread. */
    private void round() {
        Map<String, Set<String>> free = new LinkedHashMap<>();
        for (String group : groupThreads.keySet()) {
            if (!busy.contains(group)) {
                free.put(group, reactions.typesOf(group));
            }
        }
        if (free.isEmpty()) {
            return;
        }
        Map<String, List<ReactionStream.Claimed>> read;
        try {
            read = stream.readAndClaim(free, consumer, BATCH);
            if (failing.remove("")) {
                log.info("Reading reactions works again");
            }
        } catch (RuntimeException e) {
            // Once per outage, not five times a second while Redis is away.
            if (failing.add("")) {
                log.warn("Reading reactions failed; trying again every {} until it works: {}", properties.pollInterval(),
                        e.toString());
            }
            return;
        }
        long now = System.nanoTime();
        long every = Math.max(properties.pollInterval().toNanos(), properties.retryAfter().toNanos() / 3);
        for (String group : free.keySet()) {
            List<ReactionStream.Claimed> events = read.getOrDefault(group, List.of());
            Long last = lastTakeOver.get(group);
            boolean takeOver = last == null || now - last >= every;
            ExecutorService thread = groupThreads.get(group);
            if ((events.isEmpty() && !takeOver) || thread == null) {
                continue;
            }
            if (takeOver) {
                lastTakeOver.put(group, now);
            }
            busy.add(group);
            try {
                thread.execute(() -> {
                    try {
                        handleRound(group, events, takeOver);
                        if (failing.remove(group)) {
                            log.info("Reactions of group {} work again", group);
                        }
                    } catch (RuntimeException e) {
                        if (failing.add(group)) {
                            log.warn("Reactions of group {} failed; tried again from the outbox: {}", group, e.toString());
                        }
                    } finally {
                        busy.remove(group);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                busy.remove(group); // what was read stays pending and is taken over
            }
        }
    }

    /**
     * One round of every group in the calling thread, as the reader does it (one read for all, no take-over); returns
     * how many events were handled. For tests that switch the polling off.
     */
    int roundOfEveryGroup() {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        reactions.groups().forEach(group -> all.put(group, reactions.typesOf(group)));
        int handled = 0;
        for (Map.Entry<String, List<ReactionStream.Claimed>> read : stream.readAndClaim(all, consumer, BATCH).entrySet()) {
            handled += handleRound(read.getKey(), read.getValue(), false);
        }
        return handled;
    }

    /** One group's share of a round: stuck events taken over first, then the new ones read for it. */
    private int handleRound(String group, List<ReactionStream.Claimed> events, boolean takeOver) {
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
        // New events, read and claimed already: marked done and acknowledged in one more round trip.
        List<String> finished = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ReactionStream.Claimed read = events.get(i);
            if (Thread.currentThread().isInterrupted()) {
                // Stopping: let go of the claims not worked on, or they would block the take-over for workingFor.
                events.subList(i, events.size()).stream().filter(left -> left.claim() == ReactionStream.Claim.MINE)
                        .forEach(left -> stream.release(group, left.entry().getID().toString()));
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
