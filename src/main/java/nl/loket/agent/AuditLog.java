package nl.loket.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who read which conversation, when and why (AVG: access to personal data is accounted for). A Redis
 * Stream {@code audit}, append-only, capped at about a million entries; supervisors read it.
 */
@Component
class AuditLog {

    /**
     * What the agent did: read a task with its transcript, read it unmasked, read a resident's history, or
     * decided that a possible match (same typed phone number or e-mail) is, or is not, the same person.
     */
    enum Action { VIEW, REVEAL, HISTORY, MATCH_CONFIRMED, MATCH_REJECTED, LOGIN_LOCKED, TRANSFER, NOTE, CONSULT, STATUS, SKILLS, TEAMS, CAPACITY, OFFER_ACCEPTED, OFFER_DECLINED, OFFER_LAPSED, CALLBACK_PROPOSED, CALLBACK_REACHED, CALLBACK_NOT_REACHED }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String id, OffsetDateTime at, String agent, Action action, String conversationId, String taskId,
                 String residentId, String detail) { }

    private static final long MAX_ENTRIES = 1_000_000;

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Clock clock;

    AuditLog(Pool<Jedis> pool, RedisKeys keys, Clock clock) {
        this.pool = pool;
        this.keys = keys;
        this.clock = clock;
    }

    /** An agent account was locked after too many failed logins: accounted for like any access. */
    @org.springframework.context.event.EventListener
    void on(nl.loket.platform.LoginThrottle.LoginLocked locked) {
        record(locked.account(), Action.LOGIN_LOCKED, null, null, null);
    }

    void record(String agent, Action action, String conversationId, String taskId, String residentId) {
        record(agent, action, conversationId, taskId, residentId, null);
    }

    /** @param detail what changed, for actions that are not about a resident (a status: AVAILABLE, AWAY…) */
    void record(String agent, Action action, String conversationId, String taskId, String residentId, String detail) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("at", OffsetDateTime.now(clock).toString());
        fields.put("agent", agent);
        fields.put("action", action.name());
        put(fields, "conversationId", conversationId);
        put(fields, "taskId", taskId);
        put(fields, "residentId", residentId);
        put(fields, "detail", detail);
        try (Jedis jedis = pool.getResource()) {
            jedis.xadd(key(), XAddParams.xAddParams().maxLen(MAX_ENTRIES).approximateTrimming(), fields);
        }
    }

    /** The newest entries first. */
    List<Entry> latest(int limit) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.xrevrange(key(), "+", "-", limit).stream().map(AuditLog::toEntry).toList();
        }
    }

    private static Entry toEntry(StreamEntry e) {
        Map<String, String> f = e.getFields();
        return new Entry(e.getID().toString(), OffsetDateTime.parse(f.get("at")), f.get("agent"),
                Action.valueOf(f.get("action")), f.get("conversationId"), f.get("taskId"), f.get("residentId"), f.get("detail"));
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private String key() {
        return keys.key("audit");
    }
}
