package nl.loket.agent;

import nl.loket.platform.Broadcast;
import nl.loket.platform.RedisKeys;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One kind of an agent's settings a team lead changed while Loket runs, over the configured ones (skills, teams,
 * capacity): kept in one Redis hash for every instance, with a copy on each instance that a broadcast refreshes,
 * because offering reads them for every available agent and every waiting task. A change is audited; a reset returns
 * to the configuration.
 *
 * @param <T> the setting, stored as one line of text ({@code write}, {@code read}) that the audit shows too
 */
final class ChangedSettings<T> {

    private final String kind;
    private final AuditLog.Action action;
    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final AuditLog audit;
    private final Broadcast broadcast;
    private final Function<T, String> write;
    private final Function<String, T> read;
    private final Map<String, T> changed = new ConcurrentHashMap<>();

    /** @param kind names the hash and the broadcast topic ({@code agent-<kind>}): "skills", "teams", "capacity" */
    ChangedSettings(String kind, AuditLog.Action action, Pool<Jedis> pool, RedisKeys keys, AuditLog audit,
                    Broadcast broadcast, Function<T, String> write, Function<String, T> read) {
        this.kind = kind;
        this.action = action;
        this.pool = pool;
        this.keys = keys;
        this.audit = audit;
        this.broadcast = broadcast;
        this.write = write;
        this.read = read;
        broadcast.subscribe(topic(), this::reload);
        reloadAll();
    }

    /** The setting a team lead chose for this agent, if any. */
    Optional<T> of(String agent) {
        return Optional.ofNullable(changed.get(agent));
    }

    /** Whether a team lead changed this setting for anyone. */
    boolean any() {
        return !changed.isEmpty();
    }

    /** Sets it for the agent on every instance, audited as done by {@code by}. */
    T set(String agent, T value, String by) {
        String stored = write.apply(value);
        try (Jedis jedis = pool.getResource()) {
            jedis.hset(key(), agent, stored);
        }
        changed.put(agent, value);
        audit.record(by, action, null, null, null, agent + " " + stored);
        broadcast.publish(topic(), agent);
        return value;
    }

    /** Back to the configuration, on every instance, audited. */
    void reset(String agent, String by) {
        try (Jedis jedis = pool.getResource()) {
            jedis.hdel(key(), agent);
        }
        changed.remove(agent);
        audit.record(by, action, null, null, null, agent + " configured");
        broadcast.publish(topic(), agent);
    }

    private void reload(String agent) {
        try (Jedis jedis = pool.getResource()) {
            String stored = jedis.hget(key(), agent);
            if (stored == null) {
                changed.remove(agent);
            } else {
                changed.put(agent, read.apply(stored));
            }
        }
    }

    private void reloadAll() {
        try (Jedis jedis = pool.getResource()) {
            jedis.hgetAll(key()).forEach((agent, stored) -> changed.put(agent, read.apply(stored)));
        }
    }

    /** "a=1;b=x,y" as stored, into its fields. */
    static Map<String, String> fields(String stored) {
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : stored.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return parts;
    }

    /** The broadcast topic of one kind; its notice is the agent's user name. */
    static String topicOf(String kind) {
        return "agent-" + kind;
    }

    private String topic() {
        return topicOf(kind);
    }

    private String key() {
        return keys.key("agent", kind);
    }
}
