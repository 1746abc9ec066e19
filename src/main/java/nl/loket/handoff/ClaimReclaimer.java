package nl.loket.handoff;

import nl.loket.contact.ContactService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Puts claimed tasks back in the queue when their agent has shown no activity for
 * {@code loket.handoff.claim-timeout}: closed the browser, went home, or their instance died.
 *
 * <p>Why a sorted set of claim deadlines and not XAUTOCLAIM: a claim is not a pending stream entry.
 * Agents also claim a task by id from the list (never reading it from the stream), and the deadline
 * moves with every reply and read of the agent, which a stream entry's idle time cannot express.
 * XAUTOCLAIM is still used, in {@link TaskStore#nextEntry}, for the short moment between reading a
 * queue entry and claiming its task. Every instance runs this job; the compare-and-set per task makes
 * that safe, and a deadline that moved in between (the agent replied just now) leaves the claim alone.
 */
@Component
class ClaimReclaimer {

    private static final Logger log = LoggerFactory.getLogger(ClaimReclaimer.class);

    private final TaskStore tasks;
    private final ContactService contacts;
    private final Clock clock;

    ClaimReclaimer(TaskStore tasks, ContactService contacts, Clock clock) {
        this.tasks = tasks;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${loket.handoff.reclaim-interval:30s}", initialDelayString = "${loket.handoff.reclaim-interval:30s}")
    void reclaimExpiredClaims() {
        reclaim(clock.instant());
    }

    /** Releases every claim whose deadline is at or before {@code now}; returns how many went back. */
    int reclaim(Instant now) {
        int released = 0;
        long nowMillis = now.toEpochMilli();
        for (String taskId : tasks.expiredClaims(nowMillis)) {
            try {
                HandoffTask before = tasks.find(taskId).orElse(null);
                HandoffTask after = tasks.update(taskId,
                        t -> t.status() == TaskStatus.CLAIMED ? t.released() : t,
                        TaskStore.Transition.reclaim(nowMillis));
                if (before != null && after.status() == TaskStatus.WAITING && before.status() == TaskStatus.CLAIMED) {
                    contacts.requeue(after.conversationId());
                    log.info("Claim on hand-off task {} expired; back in the queue", taskId);
                    released++;
                }
            } catch (TaskNotFoundException e) {
                // Gone with retention; nothing to give back.
            } catch (RuntimeException e) {
                log.warn("Could not reclaim hand-off task {}: {}", taskId, e.toString());
            }
        }
        return released;
    }
}
