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

    /** One agent's status and since when. */
    record AgentStatus(String agent, Status status, OffsetDateTime since) { }

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

    AgentStatus set(String agent, Status status) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        try (Jedis jedis = pool.getResource()) {
            jedis.hset(key(), agent, status.name() + "|" + now);
        }
        audit.record(agent, AuditLog.Action.STATUS, null, null, null, status.name());
        broadcast.publish(TOPIC, agent);
        return new AgentStatus(agent, status, now);
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
        int bar = stored.indexOf('|');
        return new AgentStatus(agent, Status.valueOf(stored.substring(0, bar)), OffsetDateTime.parse(stored.substring(bar + 1)));
    }

    private String key() {
        return keys.key("agent", "status");
    }
}
