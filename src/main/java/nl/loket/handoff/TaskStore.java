package nl.loket.handoff;

import jakarta.annotation.PostConstruct;
import nl.loket.contact.Priority;
import nl.loket.platform.Json;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Hand-off tasks in Redis.
 * <ul>
 * <li>{@code handoff:task:{id}} the task JSON, the one source of truth. Every change is a compare-and-set
 *     (Lua) on the exact JSON read, so of two agents claiming at once exactly one wins, across instances.</li>
 * <li>{@code handoff:conversation:{id}} the task of a conversation ({@code SET NX}: one task per conversation).</li>
 * <li>{@code handoff:queue:{PRIORITY}} a stream per priority with consumer group {@code agents}: the order in
 *     which "next task" hands tasks out. An entry is acknowledged and deleted once its task is claimed (or
 *     found claimed or closed already); an entry read by an instance that died before that stays pending
 *     and is taken over with {@code XAUTOCLAIM}, so nothing is lost.</li>
 * <li>{@code handoff:open} sorted set of open task ids by creation time, for the agents' list.</li>
 * <li>{@code handoff:claims} sorted set of claimed task ids by claim deadline (see {@link ClaimReclaimer}).</li>
 * </ul>
 */
@Component
class TaskStore {

    static final String GROUP = "agents";

    /** Creates task, conversation pointer, list entry and queue entry together, or nothing if the conversation has a task. */
    private static final String CREATE = """
            if not redis.call('set', KEYS[1], ARGV[1], 'NX') then return 0 end
            redis.call('set', KEYS[2], ARGV[2])
            redis.call('zadd', KEYS[3], ARGV[3], ARGV[1])
            redis.call('xadd', KEYS[4], '*', 'task', ARGV[1])
            return 1""";

    /**
     * Compare-and-set of the task JSON plus the index changes that belong to the transition, in one step.
     * KEYS: task, claims, open, queue. ARGV: expected, new, claims op (set|del|keep), deadline, id,
     * remove from open (1|0), requeue (1|0), only if the claim deadline is at most this ('' = always).
     * Returns 1 done, 0 the task changed meanwhile, -1 the claim deadline moved (the agent was active).
     */
    private static final String CHANGE = """
            if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
            if ARGV[8] ~= '' then
              local s = redis.call('zscore', KEYS[2], ARGV[5])
              if (not s) or tonumber(s) > tonumber(ARGV[8]) then return -1 end
            end
            redis.call('set', KEYS[1], ARGV[2], 'KEEPTTL')
            if ARGV[3] == 'set' then redis.call('zadd', KEYS[2], ARGV[4], ARGV[5])
            elseif ARGV[3] == 'del' then redis.call('zrem', KEYS[2], ARGV[5]) end
            if ARGV[6] == '1' then redis.call('zrem', KEYS[3], ARGV[5]) end
            if ARGV[7] == '1' then redis.call('xadd', KEYS[4], '*', 'task', ARGV[5]) end
            return 1""";

    /** What else changes with the task JSON. */
    record Transition(String claims, long deadline, boolean removeFromOpen, boolean requeue, Long onlyIfDeadlineBefore) {
        static Transition none() { return new Transition("keep", 0, false, false, null); }
        static Transition claim(long deadline) { return new Transition("set", deadline, false, false, null); }
        static Transition backToQueue() { return new Transition("del", 0, false, true, null); }
        static Transition reclaim(long now) { return new Transition("del", 0, false, true, now); }
        static Transition close() { return new Transition("del", 0, true, false, null); }
        static Transition queueAgain() { return new Transition("keep", 0, false, true, null); }
        /** A call-back was planned: nobody holds it; it joins its queue's stream when due ({@link #queueDue}). */
        static Transition callbackPlanned() { return new Transition("del", 0, false, false, null); }
    }

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Json json;
    private final HandoffProperties properties;

    TaskStore(Pool<Jedis> pool, RedisKeys keys, Json json, HandoffProperties properties) {
        this.pool = pool;
        this.keys = keys;
        this.json = json;
        this.properties = properties;
    }

    @PostConstruct
    void createGroups() {
        try (Jedis jedis = pool.getResource()) {
            for (Priority priority : Priority.values()) {
                try {
                    // From the start of the stream, so entries written before the group existed are served too.
                    jedis.xgroupCreate(queueKey(priority), GROUP, new StreamEntryID(0, 0), true);
                } catch (JedisDataException e) {
                    if (!String.valueOf(e.getMessage()).contains("BUSYGROUP")) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Stores a new task; when the conversation already has one, returns that one instead. */
    HandoffTask create(HandoffTask task) {
        try (Jedis jedis = pool.getResource()) {
            Object created = jedis.eval(CREATE,
                    List.of(conversationKey(task.conversationId()), taskKey(task.id()), openKey(), queueKey(task.priority())),
                    List.of(task.id(), json.write(task), Long.toString(task.createdAt().toInstant().toEpochMilli())));
            if (Long.valueOf(1).equals(created)) {
                return task;
            }
            String existing = jedis.get(conversationKey(task.conversationId()));
            return find(existing).orElseThrow(() -> new IllegalStateException("task of conversation is missing"));
        }
    }

    Optional<HandoffTask> find(String taskId) {
        if (taskId == null || taskId.isBlank() || taskId.length() > 64) {
            return Optional.empty();
        }
        try (Jedis jedis = pool.getResource()) {
            String value = jedis.get(taskKey(taskId));
            return value == null ? Optional.empty() : Optional.of(json.read(value, HandoffTask.class));
        }
    }

    Optional<HandoffTask> ofConversation(String conversationId) {
        try (Jedis jedis = pool.getResource()) {
            return find(jedis.get(conversationKey(conversationId)));
        }
    }

    /**
     * Applies a change with compare-and-set, re-reading on conflict. The change sees the current task and
     * returns the new one, the same instance for "nothing to do", or throws a business failure.
     */
    HandoffTask update(String taskId, UnaryOperator<HandoffTask> change, Transition transition) {
        try (Jedis jedis = pool.getResource()) {
            for (int attempt = 0; attempt < 100; attempt++) {
                String current = taskId == null ? null : jedis.get(taskKey(taskId));
                if (current == null) {
                    throw new TaskNotFoundException();
                }
                HandoffTask task = json.read(current, HandoffTask.class);
                HandoffTask changed = change.apply(task);
                if (changed == task) {
                    return task;
                }
                // a requeued task joins the stream of its (possibly raised) new priority
                Object result = jedis.eval(CHANGE, List.of(taskKey(taskId), claimsKey(), openKey(), queueKey(changed.priority())),
                        List.of(current, json.write(changed), transition.claims(), Long.toString(transition.deadline()),
                                taskId, transition.removeFromOpen() ? "1" : "0", transition.requeue() ? "1" : "0",
                                transition.onlyIfDeadlineBefore() == null ? "" : transition.onlyIfDeadlineBefore().toString()));
                long outcome = (Long) result;
                if (outcome == 1) {
                    return changed;
                }
                if (outcome == -1) {
                    return task;
                }
            }
            throw new IllegalStateException("task " + taskId + " keeps changing; giving up");
        }
    }

    /** A planned call-back became due: its task joins the stream of its priority, so "next task" hands it out. */
    void queueDue(HandoffTask task) {
        try (Jedis jedis = pool.getResource()) {
            jedis.xadd(queueKey(task.priority()), redis.clients.jedis.params.XAddParams.xAddParams(), Map.of("task", task.id()));
        }
    }

    /** Moves the claim deadline of a task that is still claimed (agent activity). */
    void extendClaim(String taskId, long deadline) {
        try (Jedis jedis = pool.getResource()) {
            jedis.zadd(claimsKey(), deadline, taskId, redis.clients.jedis.params.ZAddParams.zAddParams().xx());
        }
    }

    /** Keeps a closed task and its conversation pointer for as long as conversations are kept. */
    void expireClosed(HandoffTask task, Duration keep) {
        try (Jedis jedis = pool.getResource()) {
            jedis.expire(taskKey(task.id()), keep.toSeconds());
            jedis.expire(conversationKey(task.conversationId()), keep.toSeconds());
        }
    }

    /** Open tasks (waiting or claimed), oldest first. */
    List<HandoffTask> open() {
        List<String> ids;
        try (Jedis jedis = pool.getResource()) {
            ids = jedis.zrange(openKey(), 0, -1);
        }
        List<HandoffTask> out = new ArrayList<>();
        for (String id : ids) {
            find(id).ifPresent(out::add);
        }
        return out;
    }

    /** Claimed tasks whose deadline is at or before {@code epochMillis}. */
    List<String> expiredClaims(long epochMillis) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.zrangeByScore(claimsKey(), Double.NEGATIVE_INFINITY, epochMillis, 0, 500);
        }
    }

    /**
     * The next queue entry of this priority for this consumer: first one another instance read but never
     * finished (pending longer than {@code pendingIdle}), otherwise the next new one.
     */
    Optional<QueueEntry> nextEntry(Priority priority, String consumer) {
        String key = queueKey(priority);
        try (Jedis jedis = pool.getResource()) {
            Map.Entry<StreamEntryID, List<StreamEntry>> stuck = jedis.xautoclaim(key, GROUP, consumer,
                    properties.pendingIdle().toMillis(), new StreamEntryID(0, 0), XAutoClaimParams.xAutoClaimParams().count(1));
            if (stuck != null && !stuck.getValue().isEmpty() && stuck.getValue().get(0) != null) {
                return Optional.of(QueueEntry.of(priority, stuck.getValue().get(0)));
            }
        }
        return readNew(priority, consumer);
    }

    /** The next entry no consumer has read yet; it stays pending for this consumer until {@link #done}. */
    Optional<QueueEntry> readNew(Priority priority, String consumer) {
        try (Jedis jedis = pool.getResource()) {
            List<Map.Entry<String, List<StreamEntry>>> read = jedis.xreadGroup(GROUP, consumer,
                    XReadGroupParams.xReadGroupParams().count(1),
                    Map.of(queueKey(priority), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            if (read == null || read.isEmpty() || read.get(0).getValue().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(QueueEntry.of(priority, read.get(0).getValue().get(0)));
        }
    }

    /** The entry has done its work: the task is claimed, or was claimed or closed already. */
    void done(QueueEntry entry) {
        try (Jedis jedis = pool.getResource()) {
            jedis.xack(queueKey(entry.priority()), GROUP, entry.id());
            jedis.xdel(queueKey(entry.priority()), entry.id());
        }
    }

    record QueueEntry(Priority priority, StreamEntryID id, String taskId) {
        static QueueEntry of(Priority priority, StreamEntry entry) {
            return new QueueEntry(priority, entry.getID(), entry.getFields().get("task"));
        }
    }

    private String taskKey(String id) { return keys.key("handoff", "task", id); }

    private String conversationKey(String id) { return keys.key("handoff", "conversation", id); }

    private String queueKey(Priority priority) { return keys.key("handoff", "queue", priority.name()); }

    private String openKey() { return keys.key("handoff", "open"); }

    private String claimsKey() { return keys.key("handoff", "claims"); }
}
