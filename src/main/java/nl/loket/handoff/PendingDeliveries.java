package nl.loket.handoff;

import nl.loket.contact.ContactService;
import nl.loket.contact.DeliveryStatus;
import nl.loket.contact.Message;
import nl.loket.platform.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Agent replies on their way out, in Redis, so a reply whose instance died between two delivery attempts
 * is not left "being sent" forever: each entry carries a lease that every attempt renews; an entry whose
 * lease ran out is taken over by whichever instance removes it first, and sent again if it is still
 * pending. At least once: a reply may go out twice if an instance stalls longer than the lease.
 */
@Component
class PendingDeliveries {

    private static final Logger log = LoggerFactory.getLogger(PendingDeliveries.class);

    /** Far longer than one attempt (Twilio's SDK: at most 10 s to connect and 30 s for the answer). */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final Pool<Jedis> pool;
    private final String key;
    private final Clock clock;
    private final TaskStore tasks;
    private final ContactService contacts;
    private final ObjectProvider<ReplyDelivery> delivery;

    PendingDeliveries(Pool<Jedis> pool, RedisKeys keys, Clock clock, TaskStore tasks, ContactService contacts,
                      ObjectProvider<ReplyDelivery> delivery) {
        this.pool = pool;
        this.key = keys.key("handoff", "deliveries", "pending");
        this.clock = clock;
        this.tasks = tasks;
        this.contacts = contacts;
        this.delivery = delivery;
    }

    /**
     * Claims the first send of a reply, with its lease: false when another handling of the same reply (a resend with
     * its idempotency key) claimed it, which then sends it, or its lease does. Both in one step, so a handling that
     * dies right after claiming still leaves a lease behind.
     */
    boolean claimFirstSend(String taskId, String messageId) {
        try (Jedis jedis = pool.getResource()) {
            Object claimed = jedis.eval(CLAIM_FIRST_SEND, List.of(claimKey(messageId), key), List.of(
                    Long.toString(REMEMBER_CLAIM.toSeconds()), Long.toString(clock.millis() + LEASE.toMillis()),
                    member(taskId, messageId, false)));
            return Long.valueOf(1).equals(claimed);
        }
    }

    /** Gives the claim back when the handling failed before it sent anything, so the agent's resend sends the reply. */
    void giveBackFirstSend(String taskId, String messageId) {
        try (Jedis jedis = pool.getResource()) {
            jedis.del(claimKey(messageId));
            jedis.zrem(key, member(taskId, messageId, false), member(taskId, messageId, true));
        } catch (RuntimeException e) {
            // Redis is away: the lease runs out and resumeAbandoned sends the reply instead
        }
    }

    private static final String CLAIM_FIRST_SEND = """
            if redis.call('set', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
              redis.call('zadd', KEYS[2], ARGV[2], ARGV[3])
              return 1
            end
            return 0""";

    /** Longer than a resend can come: the agent's reply key is remembered for the idempotency window (7 days). */
    private static final Duration REMEMBER_CLAIM = Duration.ofDays(8);

    private String claimKey(String messageId) {
        return key + ":claimed:" + messageId;
    }

    /** Starts or renews the lease of a reply that is being sent, for {@code waitMillis} before the next attempt plus the lease. */
    void lease(String taskId, String messageId, long waitMillis) {
        lease(taskId, messageId, waitMillis, false);
    }

    /**
     * {@link #lease(String, String, long)} for a reply sent {@code inWriting} (call-back times, a missed call-back): an
     * instance that sends it again after a crash sends it in writing too, by SMS or e-mail, not as a call-back note.
     */
    void lease(String taskId, String messageId, long waitMillis, boolean inWriting) {
        try (Jedis jedis = pool.getResource()) {
            jedis.zadd(key, clock.millis() + waitMillis + LEASE.toMillis(), member(taskId, messageId, inWriting));
        }
    }

    /** The reply has its final delivery status. */
    void done(String taskId, String messageId) {
        try (Jedis jedis = pool.getResource()) {
            jedis.zrem(key, member(taskId, messageId, false), member(taskId, messageId, true));
        }
    }

    @Scheduled(fixedDelayString = "${loket.handoff.reclaim-interval:30s}", initialDelayString = "${loket.handoff.reclaim-interval:30s}")
    void resumeAbandoned() {
        try {
            resume(clock.millis());
        } catch (RuntimeException e) {
            log.warn("Could not look for abandoned deliveries: {}", e.getClass().getSimpleName());
        }
    }

    /** Sends again every reply whose lease ended at or before {@code nowMillis}; returns how many. */
    int resume(long nowMillis) {
        List<String> expired;
        try (Jedis jedis = pool.getResource()) {
            expired = jedis.zrangeByScore(key, 0, nowMillis, 0, 100);
        }
        int resumed = 0;
        for (String member : expired) {
            long removed;
            try (Jedis jedis = pool.getResource()) {
                removed = jedis.zrem(key, member); // only one instance gets 1
            }
            if (removed == 0) {
                continue;
            }
            String[] ids = member.split(":", 3);
            boolean inWriting = ids.length == 3 && IN_WRITING.equals(ids[2]);
            Optional<HandoffTask> task = tasks.find(ids[0]);
            Optional<Message> message = task.flatMap(t -> contacts.messages(t.conversationId()).stream()
                    .filter(m -> m.id().equals(ids[1])).findFirst());
            if (task.isPresent() && message.isPresent() && message.get().deliveryStatus() == DeliveryStatus.PENDING) {
                log.info("Delivery of agent reply {} on task {} was abandoned by its instance; sending again", ids[1], ids[0]);
                if (inWriting) {
                    delivery.getObject().dispatchInWriting(task.get(), message.get());
                } else {
                    delivery.getObject().dispatch(task.get(), message.get());
                }
                resumed++;
            }
        }
        return resumed;
    }

    /** "task:message", and ":w" after it for a reply sent in writing (a member of before stays a plain one). */
    private static String member(String taskId, String messageId, boolean inWriting) {
        return taskId + ":" + messageId + (inWriting ? ":" + IN_WRITING : "");
    }

    private static final String IN_WRITING = "w";
}
