package nl.loket.agent;

import nl.loket.platform.Broadcast;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

import java.util.Map;
import java.util.Optional;

/**
 * Capacity a team lead changed while Loket runs, over the configured one ({@code loket.agents[n].capacity}): an agent
 * who trains a new colleague takes one chat at a time today, without a restart, on every instance
 * ({@link ChangedSettings}), audited as {@code CAPACITY}.
 */
@Component
class CapacityChanges {

    /** The broadcast topic: the notice is the agent's user name. */
    static final String TOPIC = ChangedSettings.topicOf("capacity");

    private final ChangedSettings<AgentAccountProperties.Capacity> settings;

    CapacityChanges(Pool<Jedis> pool, RedisKeys keys, AuditLog audit, Broadcast broadcast) {
        this.settings = new ChangedSettings<>("capacity", AuditLog.Action.CAPACITY, pool, keys, audit, broadcast,
                CapacityChanges::write, CapacityChanges::read);
    }

    /** The capacity a team lead set for this agent, if any. */
    Optional<AgentAccountProperties.Capacity> of(String agent) {
        return settings.of(agent);
    }

    /** The most a team lead may set as one limit: far above any agent's real number, so a typo is refused. */
    static final int MAX_LIMIT = 100;

    /**
     * Sets the agent's capacity, audited as {@code CAPACITY}; each limit is a whole number from 1 to {@link #MAX_LIMIT},
     * or none (null).
     *
     * @throws nl.loket.platform.InvalidRequestException naming the limit out of range; nothing is changed
     */
    AgentAccountProperties.Capacity set(String agent, AgentAccountProperties.Capacity capacity, String by) {
        check(capacity);
        return settings.set(agent, capacity, by);
    }

    /** Refuses a limit out of range, naming it, as {@link #set} does; for a form that changes more than capacity. */
    static void check(AgentAccountProperties.Capacity capacity) {
        Map<String, Integer> limits = new java.util.LinkedHashMap<>();
        limits.put("total", capacity.total());
        limits.put("chat", capacity.chat());
        limits.put("phone", capacity.phone());
        limits.put("sms", capacity.sms());
        limits.put("webform", capacity.webform());
        limits.forEach((field, limit) -> {
            if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
                throw new nl.loket.platform.InvalidRequestException(field,
                        "'" + field + "' must be a whole number from 1 to " + MAX_LIMIT + ", or left out.");
            }
        });
    }

    /** Back to the configured capacity. */
    void reset(String agent, String by) {
        settings.reset(agent, by);
    }

    /** "total=3;chat=2;phone=1;sms=;webform=": what the audit shows too. */
    private static String write(AgentAccountProperties.Capacity c) {
        return "total=" + text(c.total()) + ";chat=" + text(c.chat()) + ";phone=" + text(c.phone()) + ";sms="
               + text(c.sms()) + ";webform=" + text(c.webform());
    }

    private static AgentAccountProperties.Capacity read(String stored) {
        Map<String, String> f = ChangedSettings.fields(stored);
        return new AgentAccountProperties.Capacity(number(f.get("total")), number(f.get("chat")), number(f.get("phone")),
                number(f.get("sms")), number(f.get("webform")));
    }

    private static String text(Integer limit) {
        return limit == null ? "" : limit.toString();
    }

    private static Integer number(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value);
    }
}
