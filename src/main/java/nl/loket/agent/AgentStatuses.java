package nl.loket.agent;

import nl.loket.platform.Broadcast;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether an agent can take work now: AVAILABLE, BUSY, AWAY or OFFLINE (never set: OFFLINE). Kept in one Redis hash
 * for every instance; each change is audited, so a team lead can account for the day, and broadcast, so the team
 * lead's page shows it at once.
 */
@Component
class AgentStatuses {

    enum Status { AVAILABLE, BUSY, AWAY, OFFLINE }

    /** The broadcast topic of status changes: the notice is the agent's user name, so team leads' pages refresh. */
    static final String TOPIC = "agent-status";

    /** Why Loket, not the agent, changed a status (the agent sees it in the workbench; the audit keeps it). */
    enum SetBy { AGENT, OFFERS_LAPSED }

    /** One agent's status, since when, and whether they chose it or Loket set it for them. */
    record AgentStatus(String agent, Status status, OffsetDateTime since, SetBy setBy) {

        AgentStatus(String agent, Status status, OffsetDateTime since) {
            this(agent, status, since, SetBy.AGENT);
        }
    }

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Clock clock;
    private final AuditLog audit;
    private final Broadcast broadcast;

    AgentStatuses(Pool<Jedis> pool, RedisKeys keys, Clock clock, AuditLog audit, Broadcast broadcast) {
        this.broadcast = broadcast;
        this.pool = pool;
        this.keys = keys;
        this.clock = clock;
        this.audit = audit;
    }

    /** The agent's own choice. */
    AgentStatus set(String agent, Status status) {
        return set(agent, status, SetBy.AGENT);
    }

    /** A change Loket makes for the agent, with the reason, audited as such ("AWAY OFFERS_LAPSED"). */
    AgentStatus set(String agent, Status status, SetBy setBy) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        try (Jedis jedis = pool.getResource()) {
            jedis.hset(key(), agent, status.name() + "|" + now + (setBy == SetBy.AGENT ? "" : "|" + setBy.name()));
        }
        audit.record(agent, AuditLog.Action.STATUS, null, null, null,
                setBy == SetBy.AGENT ? status.name() : status.name() + " " + setBy.name());
        broadcast.publish(TOPIC, agent);
        return new AgentStatus(agent, status, now, setBy);
    }

    AgentStatus of(String agent) {
        try (Jedis jedis = pool.getResource()) {
            return parse(agent, jedis.hget(key(), agent));
        }
    }

    /** Every agent who ever set a status, by name. */
    Map<String, AgentStatus> all() {
        Map<String, AgentStatus> out = new LinkedHashMap<>();
        try (Jedis jedis = pool.getResource()) {
            jedis.hgetAll(key()).entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.put(e.getKey(), parse(e.getKey(), e.getValue())));
        }
        return out;
    }

    private static AgentStatus parse(String agent, String stored) {
        if (stored == null) {
            return new AgentStatus(agent, Status.OFFLINE, null);
        }
        String[] parts = stored.split("\\|", 3);
        return new AgentStatus(agent, Status.valueOf(parts[0]), OffsetDateTime.parse(parts[1]),
                parts.length > 2 ? SetBy.valueOf(parts[2]) : SetBy.AGENT);
    }

    private String key() {
        return keys.key("agent", "status");
    }
}
