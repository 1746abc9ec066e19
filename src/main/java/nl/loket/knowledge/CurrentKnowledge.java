package nl.loket.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The knowledge base this instance answers from now: one immutable {@link KnowledgeBase} per published release, behind
 * one reference that a publish swaps. Take it once per request ({@link #current()}) and use that one throughout: a
 * request in flight finishes on the release it started with, while the next one gets the new release. The release
 * replaced is closed only after a grace period, so nothing still reading it meets a closed index.
 */
public final class CurrentKnowledge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CurrentKnowledge.class);

    private record Release(long number, KnowledgeBase base) {
    }

    private final AtomicReference<Release> current;
    private final Duration retireAfter;
    private final ScheduledExecutorService retirement = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "knowledge-retirement");
        t.setDaemon(true);
        return t;
    });

    CurrentKnowledge(long release, KnowledgeBase base, Duration retireAfter) {
        this.current = new AtomicReference<>(new Release(release, base));
        this.retireAfter = retireAfter;
    }

    /** The knowledge base of the current release; keep the reference for the rest of the request. */
    public KnowledgeBase current() {
        return current.get().base();
    }

    /** The published release this instance answers from (0: straight from the files, no store). */
    public long release() {
        return current.get().number();
    }

    /**
     * Answers from a newer release from now on; an older or equal release is ignored (notices may arrive late or
     * twice). False when ignored, and the base given is closed.
     */
    boolean switchTo(long release, KnowledgeBase base) {
        Release next = new Release(release, base);
        while (true) {
            Release now = current.get();
            if (now.number() >= release) {
                base.close();
                return false;
            }
            if (current.compareAndSet(now, next)) {
                retirement.schedule(() -> now.base().close(), retireAfter.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Knowledge base switched from release {} to {}", now.number(), release);
                return true;
            }
        }
    }

    @Override
    public void close() {
        retirement.shutdownNow();
        current.get().base().close();
    }
}
