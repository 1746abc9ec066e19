package nl.loket.agent;

import jakarta.annotation.PreDestroy;
import nl.loket.contact.Channel;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.handoff.TaskNotFoundException;
import nl.loket.handoff.TaskStatus;
import nl.loket.platform.Broadcast;
import nl.loket.platform.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Offers a waiting task to one available agent instead of waiting for someone to pull it: the agent of the task's
 * queue (urgent: everyone's) with status AVAILABLE, room on the task's channel and the task's skills who has been idle
 * longest (since their last claim, close or status change); see {@link OfferRules}. The agent accepts (a claim through
 * {@link HandoffService#claim}, the one source of truth) or declines; an offer not taken within
 * {@code loket.offers.timeout} lapses and the task goes to the next.
 *
 * <p>An offer is two Redis keys with that TTL, {@code offer:task:{id}} = agent|until and {@code offer:agent:{name}} =
 * task id, written together by a script only when neither exists: one open offer per task and per agent, across
 * instances. A third key, {@code offer:passed:{task}:{agent}}, keeps a declined or lapsed offer from coming back to the
 * same agent for {@code decline-cooldown}. The hash {@code offer:open} lists offers made and not ended: one still there
 * after its key expired lapsed, and an agent who lets {@code away-after-lapses} lapse in a row is set to AWAY.
 * Nothing else depends on an offer: a claim by anyone (from the queue,
 * "Volgende taak") simply withdraws it, and an instance that dies mid-offer leaves keys that expire, after which the
 * sweep offers the task again.
 *
 * <p>Every instance makes offers when it hears (broadcast) that a task changed or an agent's status changed, and on a
 * short sweep; the scripts make it safe that several try at once. A pass runs on one thread per instance, coalesced.
 */
@Component
class Offers {

    private static final Logger log = LoggerFactory.getLogger(Offers.class);

    /** Broadcast: an offer was made; the notice is "taskId agent untilMillis". */
    static final String OFFERED = "offer";
    /** Broadcast: an offer ended (accepted, declined, withdrawn); the notice is "taskId agent". */
    static final String ENDED = "offer-ended";

    /**
     * KEYS: task offer, agent offer, passed, open offers. ARGV: "agent|until", task id, ttl ms, passed ttl ms, "task agent",
     * until. 1 made, 0 task has one, 2 agent has one, 3 passed.
     */
    private static final String OFFER = """
            if redis.call('exists', KEYS[1]) == 1 then return 0 end
            if redis.call('exists', KEYS[2]) == 1 then return 2 end
            if redis.call('exists', KEYS[3]) == 1 then return 3 end
            redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[3])
            redis.call('set', KEYS[2], ARGV[2], 'PX', ARGV[3])
            redis.call('set', KEYS[3], '1', 'PX', ARGV[4])
            redis.call('hset', KEYS[4], ARGV[5], ARGV[6])
            return 1""";

    /**
     * KEYS: task offer, agent offer, open offers. ARGV: agent, task id. Ends the offer only if it is this agent's. 1 ended,
     * 0 not theirs. An ended offer leaves the open offers; what stays there past its time lapsed.
     */
    private static final String END = """
            local v = redis.call('get', KEYS[1])
            if (not v) or string.sub(v, 1, string.len(ARGV[1]) + 1) ~= ARGV[1] .. '|' then return 0 end
            redis.call('del', KEYS[1])
            if redis.call('get', KEYS[2]) == ARGV[2] then redis.call('del', KEYS[2]) end
            redis.call('hdel', KEYS[3], ARGV[2] .. ' ' .. ARGV[1])
            return 1""";

    /**
     * KEYS: open offers, task offer. ARGV: "task agent", agent. An open offer whose key expired (Redis's clock, not an
     * instance's) lapsed: 1 when this call took it out of the open offers, so one instance counts it; 0 still open or
     * counted by another.
     */
    private static final String LAPSED = """
            local v = redis.call('get', KEYS[2])
            if v and string.sub(v, 1, string.len(ARGV[2]) + 1) == ARGV[2] .. '|' then return 0 end
            return redis.call('hdel', KEYS[1], ARGV[1])""";

    /** KEYS: idle hash. ARGV: agent, epoch millis. Idle-since only moves forward, whichever instance writes first. */
    private static final String IDLE = """
            local c = redis.call('hget', KEYS[1], ARGV[1])
            if (not c) or tonumber(c) < tonumber(ARGV[2]) then redis.call('hset', KEYS[1], ARGV[1], ARGV[2]) end
            return 1""";

    /** An open offer: to whom, until when. */
    record Offer(String taskId, String agent, long untilMillis) { }

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Clock clock;
    private final Broadcast broadcast;
    private final HandoffService handoff;
    private final AgentStatuses statuses;
    private final AgentCapacity capacity;
    private final QueueAccess access;
    private final OfferProperties properties;
    private final OfferRules rules;
    private final AuditLog audit;
    private final List<String> agents;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "loket-offers");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean passPending = new AtomicBoolean();

    Offers(Pool<Jedis> pool, RedisKeys keys, Clock clock, Broadcast broadcast, HandoffService handoff, AgentStatuses statuses,
           AgentCapacity capacity, QueueAccess access, OfferProperties properties, AgentAccountProperties accounts,
           OfferRules rules, AuditLog audit) {
        this.rules = rules;
        this.audit = audit;
        this.pool = pool;
        this.keys = keys;
        this.clock = clock;
        this.broadcast = broadcast;
        this.handoff = handoff;
        this.statuses = statuses;
        this.capacity = capacity;
        this.access = access;
        this.properties = properties;
        // Team leads (SUPERVISOR) watch; they are not offered work.
        this.agents = accounts.agents().stream()
                .filter(a -> a.roles().contains("AGENT") && !a.roles().contains("SUPERVISOR"))
                .map(AgentAccountProperties.Account::username).distinct().toList();
        if (properties.enabled()) {
            broadcast.subscribe(HandoffService.TASKS_TOPIC, id -> worker.execute(() -> taskChanged(id)));
            broadcast.subscribe(AgentStatuses.TOPIC, agent -> worker.execute(() -> statusChanged(agent)));
            // A new skill, team or more room may fit a waiting task now.
            for (String topic : List.of(SkillChanges.TOPIC, TeamChanges.TOPIC, CapacityChanges.TOPIC)) {
                broadcast.subscribe(topic, agent -> nudge());
            }
        }
    }

    /** The lapsed offers and a crashed instance's tasks: every instance looks now and then (cheap when nobody is available). */
    @Scheduled(fixedDelayString = "${loket.offers.sweep-interval:2s}", initialDelayString = "${loket.offers.sweep-interval:2s}")
    void sweep() {
        if (properties.enabled()) {
            nudge();
        }
    }

    /** Asks for one offering pass on this instance; requests while one is pending fold into it. */
    void nudge() {
        if (passPending.compareAndSet(false, true)) {
            worker.execute(() -> {
                passPending.set(false);
                try {
                    offerWaitingTasks();
                } catch (JedisException | TaskNotFoundException e) {
                    log.debug("Offering pass failed, the sweep tries again: {}", e.toString());
                } catch (RuntimeException e) {
                    log.warn("Offering pass failed: {}", e.toString());
                }
            });
        }
    }

    /** The open offer of a task, if any. */
    Optional<Offer> ofTask(String taskId) {
        try (Jedis jedis = pool.getResource()) {
            return parse(taskId, jedis.get(taskKey(taskId)));
        }
    }

    /** The open offer to this agent, if any. */
    Optional<Offer> ofAgent(String agent) {
        try (Jedis jedis = pool.getResource()) {
            String taskId = jedis.get(agentKey(agent));
            return taskId == null ? Optional.empty() : parse(taskId, jedis.get(taskKey(taskId))).filter(o -> o.agent().equals(agent));
        }
    }

    /**
     * Accepts the task offered to this agent: a claim like any other, so of an accept and a colleague's claim at once
     * exactly one wins (the other gets 409). Without an open offer to them: {@link OfferNotYoursException}.
     */
    HandoffTask accept(String taskId, Authentication agent) {
        if (ofTask(taskId).filter(o -> o.agent().equals(agent.getName())).isEmpty()) {
            throw new OfferNotYoursException();
        }
        capacity.checkRoomFor(agent, handoff.task(taskId).channel());
        HandoffTask claimed = handoff.claim(taskId, agent.getName());
        end(taskId, agent.getName());
        forgetLapses(agent.getName());
        return claimed;
    }

    /** Declines the offer: the task goes to the next agent, and not back to this one for the cool-down. */
    void decline(String taskId, String agent) {
        if (!end(taskId, agent)) {
            throw new OfferNotYoursException();
        }
        try (Jedis jedis = pool.getResource()) {
            jedis.psetex(passedKey(taskId, agent), properties.declineCooldown().toMillis(), "1");
        }
        forgetLapses(agent); // a decline is an answer: they are at their desk
        nudge();
    }

    /**
     * One pass: every waiting task without an offer, most urgent and oldest first, to the longest-idle agent free for
     * it: of its queue, with room on its channel, with its skills (or anyone of the queue once it waited too long,
     * {@link OfferRules}).
     */
    void offerWaitingTasks() {
        noteLapsedOffers();
        Map<String, AgentStatuses.AgentStatus> now = statuses.all();
        List<String> available = agents.stream()
                .filter(a -> now.containsKey(a) && now.get(a).status() == AgentStatuses.Status.AVAILABLE).toList();
        if (available.isEmpty()) {
            return;
        }
        List<HandoffTask> open = handoff.tasks(EnumSet.of(TaskStatus.WAITING, TaskStatus.CLAIMED));
        Map<String, Map<Channel, Integer>> held = new HashMap<>();
        open.stream().filter(t -> t.status() == TaskStatus.CLAIMED && t.claimedBy() != null && t.channel() != null)
                .forEach(t -> held.computeIfAbsent(t.claimedBy(), a -> new EnumMap<>(Channel.class)).merge(t.channel(), 1, Integer::sum));
        // A planned call-back is offered from its time on, not before.
        List<HandoffTask> waiting = open.stream()
                .filter(t -> t.status() == TaskStatus.WAITING && t.dueAt(clock.instant())).toList();
        if (waiting.isEmpty()) {
            return;
        }
        Map<String, String> idle;
        Set<String> offered = new HashSet<>();
        List<String> taskOffers;
        try (Jedis jedis = pool.getResource()) {
            idle = jedis.hgetAll(idleKey());
            List<String> agentOffers = jedis.mget(available.stream().map(this::agentKey).toArray(String[]::new));
            for (int i = 0; i < available.size(); i++) {
                if (agentOffers.get(i) != null) {
                    offered.add(available.get(i));
                }
            }
            taskOffers = jedis.mget(waiting.stream().map(t -> taskKey(t.id())).toArray(String[]::new));
        }
        List<String> candidates = new ArrayList<>(available.stream()
                .filter(a -> !offered.contains(a))
                .sorted(Comparator.comparingLong((String a) -> idleSince(a, now.get(a), idle)).thenComparing(a -> a))
                .toList());
        for (int i = 0; i < waiting.size() && !candidates.isEmpty(); i++) {
            if (taskOffers.get(i) != null) {
                continue;
            }
            HandoffTask task = waiting.get(i);
            for (String agent : rules.whoToOffer(task, candidates, held, clock.instant())) {
                long result = tryOffer(task, agent);
                if (result == 1 || result == 2) {
                    candidates.remove(agent); // one open offer per agent
                }
                if (result == 1 || result == 0) {
                    break; // offered now, or by another instance meanwhile
                }
            }
        }
    }

    private long tryOffer(HandoffTask task, String agent) {
        long until = clock.millis() + properties.timeout().toMillis();
        long result;
        try (Jedis jedis = pool.getResource()) {
            result = (Long) jedis.eval(OFFER, List.of(taskKey(task.id()), agentKey(agent), passedKey(task.id(), agent), openKey()),
                    List.of(agent + "|" + until, task.id(), Long.toString(properties.timeout().toMillis()),
                            Long.toString(properties.timeout().plus(properties.declineCooldown()).toMillis()),
                            task.id() + " " + agent, Long.toString(until)));
        }
        if (result != 1) {
            return result;
        }
        // Claimed in the moment between reading and offering: the claim's notice may have come already, so look again.
        if (handoff.task(task.id()).status() != TaskStatus.WAITING) {
            end(task.id(), agent);
            return 0;
        }
        log.info("Hand-off task {} offered to {} for {}", task.id(), agent, properties.timeout());
        broadcast.publish(OFFERED, task.id() + " " + agent + " " + until);
        return 1;
    }

    /** Ends this agent's offer of the task, if it is theirs and still open; tells their workbench. */
    private boolean end(String taskId, String agent) {
        long result;
        try (Jedis jedis = pool.getResource()) {
            result = (Long) jedis.eval(END, List.of(taskKey(taskId), agentKey(agent), openKey()), List.of(agent, taskId));
        }
        if (result == 1) {
            broadcast.publish(ENDED, taskId + " " + agent);
        }
        return result == 1;
    }

    /** A claim, close, release or transfer: the holder's idle time, a withdrawn offer, and maybe new offers. */
    private void taskChanged(String taskId) {
        try {
            HandoffTask task = handoff.task(taskId);
            if (task.claimedBy() != null && task.status() == TaskStatus.CLAIMED && task.claimedAt() != null) {
                idleFrom(task.claimedBy(), task.claimedAt());
                forgetLapses(task.claimedBy()); // took work, by offer or from the queue: at their desk
            } else if (task.claimedBy() != null && task.status() == TaskStatus.CLOSED && task.closedAt() != null) {
                idleFrom(task.claimedBy(), task.closedAt());
            }
            ofTask(taskId).ifPresent(offer -> {
                if (task.status() != TaskStatus.WAITING || !access.worksQueueOf(offer.agent(), task)) {
                    end(taskId, offer.agent()); // a claim by anyone, a close, or moved to a team they are not in
                }
            });
        } catch (TaskNotFoundException e) {
            // gone with retention
        } catch (RuntimeException e) {
            log.debug("Offer bookkeeping for task {} failed: {}", taskId, e.toString());
        }
        nudge();
    }

    /**
     * Offers that ran out without an answer: each counts against its agent, and one who let
     * {@code away-after-lapses} in a row lapse is set to AWAY, so the next tasks go to colleagues at once instead of
     * waiting out a timeout for them. Every pass looks before it offers, so a lapse is counted before the agent can be
     * offered (and accept) the next task.
     */
    void noteLapsedOffers() {
        List<String> lapsedAgents = new ArrayList<>();
        try (Jedis jedis = pool.getResource()) {
            for (String open : jedis.hkeys(openKey())) {
                String[] taskAndAgent = open.split(" ", 2);
                if ((Long) jedis.eval(LAPSED, List.of(openKey(), taskKey(taskAndAgent[0])), List.of(open, taskAndAgent[1])) == 1) {
                    log.info("Offer of hand-off task {} to {} lapsed", taskAndAgent[0], taskAndAgent[1]);
                    audit.record(taskAndAgent[1], AuditLog.Action.OFFER_LAPSED, null, taskAndAgent[0], null);
                    if (jedis.hincrBy(lapsesKey(), taskAndAgent[1], 1) >= properties.awayAfterLapses()
                            && properties.awayAfterLapses() > 0) {
                        lapsedAgents.add(taskAndAgent[1]);
                    }
                }
            }
        }
        for (String agent : lapsedAgents) {
            forgetLapses(agent);
            if (statuses.of(agent).status() == AgentStatuses.Status.AVAILABLE) {
                log.info("{} let {} offers in a row lapse: set to AWAY", agent, properties.awayAfterLapses());
                statuses.set(agent, AgentStatuses.Status.AWAY, AgentStatuses.SetBy.OFFERS_LAPSED);
            }
        }
    }

    private void forgetLapses(String agent) {
        try (Jedis jedis = pool.getResource()) {
            jedis.hdel(lapsesKey(), agent);
        }
    }

    /** An agent who is no longer available keeps no offer; one who became available may get one at once. */
    private void statusChanged(String agent) {
        try {
            AgentStatuses.AgentStatus status = statuses.of(agent);
            if (status.status() != AgentStatuses.Status.AVAILABLE) {
                ofAgent(agent).ifPresent(offer -> end(offer.taskId(), agent));
            }
            if (status.setBy() == AgentStatuses.SetBy.AGENT) {
                forgetLapses(agent); // back at their desk: the count starts again
            }
        } catch (RuntimeException e) {
            log.debug("Offer bookkeeping for {} failed: {}", agent, e.toString());
        }
        nudge();
    }

    private void idleFrom(String agent, OffsetDateTime at) {
        try (Jedis jedis = pool.getResource()) {
            jedis.eval(IDLE, List.of(idleKey()), List.of(agent, Long.toString(at.toInstant().toEpochMilli())));
        }
    }

    /** Idle since the latest of: their last status change, their last claim, their last close. */
    private static long idleSince(String agent, AgentStatuses.AgentStatus status, Map<String, String> idle) {
        long since = status.since() == null ? 0 : status.since().toInstant().toEpochMilli();
        String work = idle.get(agent);
        return work == null ? since : Math.max(since, Long.parseLong(work));
    }

    private static Optional<Offer> parse(String taskId, String value) {
        if (value == null) {
            return Optional.empty();
        }
        int bar = value.lastIndexOf('|');
        return Optional.of(new Offer(taskId, value.substring(0, bar), Long.parseLong(value.substring(bar + 1))));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private String taskKey(String taskId) { return keys.key("offer", "task", taskId); }

    private String agentKey(String agent) { return keys.key("offer", "agent", agent); }

    private String passedKey(String taskId, String agent) { return keys.key("offer", "passed", taskId, agent); }

    private String idleKey() { return keys.key("offer", "idle"); }

    /** Offers made and not yet ended, "task agent" → until: what stays past its time lapsed. */
    private String openKey() { return keys.key("offer", "open"); }

    /** Lapsed offers in a row per agent. */
    private String lapsesKey() { return keys.key("offer", "lapses"); }
}
