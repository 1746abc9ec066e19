package nl.loket.platform.reactions;

import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Redis side of reactions: one outbox stream of events, a consumer group per reacting module, a marker
 * per group and event that makes a second delivery do nothing, a failure count, and a stream of parked events.
 */
@Component
class ReactionStream {

    enum Claim { MINE, DONE, BUSY }

    /** An event read for a group that reacts to its type, with what the read found of the group's marker. */
    record Claimed(StreamEntry entry, Claim claim) { }

    /**
     * Appends an event and marks it as being handled by the groups that try it at once, in one round trip: their
     * readers find it busy instead of racing the publishing thread. Marker keys are built in the script (one
     * Redis, no cluster), from the prefixes given.
     */
    private static final String APPEND = """
            local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'type', ARGV[2], 'event', ARGV[3])
            for i = 5, #ARGV do
              redis.call('SET', ARGV[i] .. id, 'working', 'PX', ARGV[4])
            end
            return id""";

    /**
     * The groups' reads in one round trip: for each group its new events, those of a type it does not react to
     * acknowledged at once, the others claimed (the marker set unless it is there) and returned with what their
     * marker said; a group Redis does not know answers its error instead.
     */
    private static final String READ = """
            local consumer, count, workingFor = ARGV[1], ARGV[2], ARGV[3]
            local result = {}
            local i = 4
            while i <= #ARGV do
              local group, prefix, n = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
              local types = {}
              for t = 1, n do types[ARGV[i + 2 + t]] = true end
              i = i + 3 + n
              local read = redis.pcall('XREADGROUP', 'GROUP', group, consumer, 'COUNT', count, 'STREAMS', KEYS[1], '>')
              if type(read) == 'table' and read.err then
                table.insert(result, read.err)
              else
                local mine, skipped = {}, {}
                if read then
                  for _, entry in ipairs(read[1][2]) do
                    local id, fields, kind = entry[1], entry[2], nil
                    for f = 1, #fields, 2 do if fields[f] == 'type' then kind = fields[f + 1] end end
                    if kind ~= nil and types[kind] then
                      local state = 'MINE'
                      if not redis.call('SET', prefix .. id, 'working', 'NX', 'PX', workingFor) then
                        state = redis.call('GET', prefix .. id) == 'done' and 'DONE' or 'BUSY'
                      end
                      table.insert(mine, {id, fields, state})
                    else
                      table.insert(skipped, id)
                    end
                  end
                  if #skipped > 0 then redis.call('XACK', KEYS[1], group, unpack(skipped)) end
                end
                table.insert(result, mine)
              end
            end
            return result""";

    static final String TYPE = "type";
    static final String EVENT = "event";

    private static final String WORKING = "working";
    private static final String FINISHED = "done";

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final ReactionsProperties properties;

    ReactionStream(Pool<Jedis> pool, RedisKeys keys, ReactionsProperties properties) {
        this.pool = pool;
        this.keys = keys;
        this.properties = properties;
    }

    /**
     * Appends an event; its stream id is the event id every group uses. The groups named are marked as handling it
     * (their publisher tries it at once and then calls {@link #done} or {@link #failed}).
     */
    String append(String type, String event, List<String> handledAtOnceBy) {
        List<String> args = new ArrayList<>(List.of(Long.toString(properties.keepEntries()), type, event,
                Long.toString(properties.workingFor().toMillis())));
        handledAtOnceBy.forEach(group -> args.add(marker(group, "")));
        try (Jedis jedis = pool.getResource()) {
            return String.valueOf(jedis.eval(APPEND, List.of(outbox()), args));
        }
    }

    /** {@link #append} as one of the writes of the step that caused the event; the id comes with their results. */
    Response<Object> append(PipeliningBase writes, String type, String event, List<String> handledAtOnceBy) {
        List<String> args = new ArrayList<>(List.of(Long.toString(properties.keepEntries()), type, event,
                Long.toString(properties.workingFor().toMillis())));
        handledAtOnceBy.forEach(group -> args.add(marker(group, "")));
        return writes.eval(APPEND, List.of(outbox()), args);
    }

    /**
     * New events for the group, in one round trip: those of types it does not react to are acknowledged on the way,
     * the others come back claimed for it ({@link Claim#MINE}) or with the claim that stood in the way.
     */
    List<Claimed> readAndClaim(String group, String consumer, int count, java.util.Collection<String> types) {
        return readAndClaim(Map.of(group, types), consumer, count).getOrDefault(group, List.of());
    }

    /** {@link #readAndClaim} for several groups (each with the types it reacts to) in one round trip. */
    Map<String, List<Claimed>> readAndClaim(Map<String, ? extends java.util.Collection<String>> groups, String consumer,
                                            int count) {
        List<String> order = new ArrayList<>(groups.keySet());
        List<String> args = new ArrayList<>(List.of(consumer, Integer.toString(count),
                Long.toString(properties.workingFor().toMillis())));
        for (String group : order) {
            args.add(group);
            args.add(marker(group, ""));
            args.add(Integer.toString(groups.get(group).size()));
            args.addAll(groups.get(group));
        }
        List<?> perGroup;
        try (Jedis jedis = pool.getResource()) {
            perGroup = (List<?>) jedis.eval(READ, List.of(outbox()), args);
        }
        Map<String, List<Claimed>> out = new LinkedHashMap<>();
        for (int g = 0; g < order.size(); g++) {
            String group = order.get(g);
            if (!(perGroup.get(g) instanceof List<?> entries)) {
                if (String.valueOf(perGroup.get(g)).contains("NOGROUP")) {
                    // Redis lost its data (or the stream was deleted): start the group again from now.
                    createGroup(group);
                    continue;
                }
                throw new JedisDataException(String.valueOf(perGroup.get(g)));
            }
            List<Claimed> claimed = new ArrayList<>(entries.size());
            for (Object item : entries) {
                List<?> entry = (List<?>) item;
                List<?> flat = (List<?>) entry.get(1);
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i + 1 < flat.size(); i += 2) {
                    fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
                }
                claimed.add(new Claimed(new StreamEntry(new StreamEntryID(String.valueOf(entry.get(0))), fields),
                        Claim.valueOf(String.valueOf(entry.get(2)))));
            }
            out.put(group, claimed);
        }
        return out;
    }

    /** Marks the handled events done and acknowledges the finished ones, in one round trip. */
    void finish(String group, List<String> handled, List<String> finished) {
        if (handled.isEmpty() && finished.isEmpty()) {
            return;
        }
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined();
            for (String eventId : handled) {
                p.set(marker(group, eventId), FINISHED, SetParams.setParams().px(properties.rememberDone().toMillis()));
            }
            if (!handled.isEmpty()) {
                p.hdel(failures(group), handled.toArray(String[]::new));
            }
            if (!finished.isEmpty()) {
                p.xack(outbox(), group, finished.stream().map(StreamEntryID::new).toArray(StreamEntryID[]::new));
            }
            p.sync();
        }
    }

    /** A new group reads from now on: a module added in an upgrade does not replay history. */
    void createGroup(String group) {
        try (Jedis jedis = pool.getResource()) {
            jedis.xgroupCreate(outbox(), group, StreamEntryID.XGROUP_LAST_ENTRY, true);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).contains("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /** Events no consumer of the group has read yet; they stay pending for this consumer until acknowledged. */
    List<StreamEntry> readNew(String group, String consumer, int count) {
        try (Jedis jedis = pool.getResource()) {
            List<Map.Entry<String, List<StreamEntry>>> read = jedis.xreadGroup(group, consumer,
                    XReadGroupParams.xReadGroupParams().count(count),
                    Map.of(outbox(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            return read == null || read.isEmpty() ? List.of() : present(read.get(0).getValue());
        } catch (JedisDataException e) {
            if (String.valueOf(e.getMessage()).contains("NOGROUP")) {
                // Redis lost its data (or the stream was deleted): start the group again from now.
                createGroup(group);
                return List.of();
            }
            throw e;
        }
    }

    /** Events of the group read but not acknowledged for longer than the retry wait: failed, or their instance stopped. */
    List<StreamEntry> takeOver(String group, String consumer, int count) {
        try (Jedis jedis = pool.getResource()) {
            Map.Entry<StreamEntryID, List<StreamEntry>> stuck = jedis.xautoclaim(outbox(), group, consumer,
                    properties.retryAfter().toMillis(), new StreamEntryID(0, 0),
                    XAutoClaimParams.xAutoClaimParams().count(count));
            return stuck == null ? List.of() : present(stuck.getValue());
        } catch (JedisDataException e) {
            if (String.valueOf(e.getMessage()).contains("NOGROUP")) {
                return List.of();
            }
            throw e;
        }
    }

    /** Marks the event as being handled by this group, unless it is handled already or right now elsewhere. */
    Claim claim(String group, String eventId) {
        try (Jedis jedis = pool.getResource()) {
            String key = marker(group, eventId);
            if ("OK".equals(jedis.set(key, WORKING, SetParams.setParams().nx().px(properties.workingFor().toMillis())))) {
                return Claim.MINE;
            }
            return FINISHED.equals(jedis.get(key)) ? Claim.DONE : Claim.BUSY;
        }
    }

    void done(String group, String eventId) {
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined();
            p.set(marker(group, eventId), FINISHED, SetParams.setParams().px(properties.rememberDone().toMillis()));
            p.hdel(failures(group), eventId);
            p.sync();
        }
    }

    /** Done on the first try at once: no failure was counted, only the marker changes. */
    void doneAtOnce(String group, String eventId) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(marker(group, eventId), FINISHED, SetParams.setParams().px(properties.rememberDone().toMillis()));
        }
    }

    /** A failed try gives the event back; returns how many tries of this group failed so far. */
    long failed(String group, String eventId) {
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined();
            p.del(marker(group, eventId));
            Response<Long> failures = p.hincrBy(failures(group), eventId, 1);
            p.sync();
            return failures.get();
        }
    }

    /** Lets go of a try that failed before any work (nothing counted). */
    void release(String group, String eventId) {
        try (Jedis jedis = pool.getResource()) {
            jedis.del(marker(group, eventId));
        }
    }

    void ack(String group, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        try (Jedis jedis = pool.getResource()) {
            jedis.xack(outbox(), group, eventIds.stream().map(StreamEntryID::new).toArray(StreamEntryID[]::new));
        }
    }

    /** Moves an event that keeps failing out of the group's way, where a supervisor sees it. */
    void park(String group, StreamEntry entry, String error) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("group", group);
        fields.put("eventId", entry.getID().toString());
        fields.put(TYPE, String.valueOf(entry.getFields().get(TYPE)));
        fields.put(EVENT, String.valueOf(entry.getFields().get(EVENT)));
        fields.put("error", error);
        fields.put("parkedAt", Instant.now().toString());
        try (Jedis jedis = pool.getResource()) {
            jedis.xadd(parkedKey(), XAddParams.xAddParams(), fields);
            jedis.xack(outbox(), group, entry.getID());
            jedis.hdel(failures(group), entry.getID().toString());
        }
    }

    List<ParkedEvent> parked(int count) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.xrange(parkedKey(), (StreamEntryID) null, (StreamEntryID) null, count).stream()
                    .map(ReactionStream::parkedOf).toList();
        }
    }

    Optional<ParkedEvent> parkedEvent(String id) {
        StreamEntryID entryId;
        try {
            entryId = new StreamEntryID(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try (Jedis jedis = pool.getResource()) {
            return jedis.xrange(parkedKey(), entryId, entryId, 1).stream().findFirst().map(ReactionStream::parkedOf);
        }
    }

    void unpark(String id) {
        try (Jedis jedis = pool.getResource()) {
            jedis.xdel(parkedKey(), new StreamEntryID(id));
        }
    }

    /** Per group: events read but not yet acknowledged (being handled, or waiting for their next try). */
    Map<String, Long> pendingPerGroup() {
        Map<String, Long> out = new LinkedHashMap<>();
        groupInfo().forEach((name, info) -> out.put(name, info.getPending()));
        return out;
    }

    /** Per group: events appended after the last one the group read (at most {@code limit} counted). */
    Map<String, Long> unreadPerGroup(int limit) {
        Map<String, Long> out = new LinkedHashMap<>();
        Map<String, StreamGroupInfo> groups = groupInfo();
        try (Jedis jedis = pool.getResource()) {
            groups.forEach((name, info) -> out.put(name, (long) jedis.xrange(outbox(),
                    "(" + info.getLastDeliveredId(), "+", limit).size()));
        }
        return out;
    }

    private Map<String, StreamGroupInfo> groupInfo() {
        Map<String, StreamGroupInfo> out = new LinkedHashMap<>();
        try (Jedis jedis = pool.getResource()) {
            if (!jedis.exists(outbox())) {
                return out;
            }
            for (StreamGroupInfo info : jedis.xinfoGroups(outbox())) {
                out.put(info.getName(), info);
            }
        }
        return out;
    }

    private static ParkedEvent parkedOf(StreamEntry entry) {
        Map<String, String> f = entry.getFields();
        return new ParkedEvent(entry.getID().toString(), f.get("group"), f.get("eventId"), f.get(TYPE), f.get("error"),
                f.get("parkedAt"), f.get(EVENT));
    }

    /** XAUTOCLAIM answers null for entries deleted by trimming meanwhile. */
    private static List<StreamEntry> present(List<StreamEntry> entries) {
        List<StreamEntry> out = new ArrayList<>(entries.size());
        for (StreamEntry entry : entries) {
            if (entry != null && entry.getFields() != null) {
                out.add(entry);
            }
        }
        return out;
    }

    private String outbox() { return keys.key("reactions", "outbox"); }

    private String parkedKey() { return keys.key("reactions", "parked"); }

    private String marker(String group, String eventId) { return keys.key("reactions", group, "done", eventId); }

    private String failures(String group) { return keys.key("reactions", group, "failures"); }
}
