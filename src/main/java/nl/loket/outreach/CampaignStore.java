package nl.loket.outreach;

import nl.loket.platform.Json;
import nl.loket.platform.RedisKeys;
import nl.loket.platform.ReplicatedWrites;
import nl.loket.platform.privacy.PersonalDigests;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Campaigns in Redis: the campaign, its audience file (with a TTL as a safety net, deleted when sending
 * ends), a cursor, counts, per-resident outcomes (with an expiry) and one claim per recipient address so a
 * campaign never sends twice to the same person, also across restarts and instances. Claim keys hold a
 * digest of the address only.
 */
@Component
class CampaignStore {

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Json json;
    private final PersonalDigests digests;
    private final ReplicatedWrites replication;

    CampaignStore(Pool<Jedis> pool, RedisKeys keys, Json json, PersonalDigests digests, ReplicatedWrites replication) {
        this.pool = pool;
        this.replication = replication;
        this.digests = digests;
        this.keys = keys;
        this.json = json;
    }

    void save(Campaign campaign) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(key("campaign", campaign.id()), json.write(campaign));
            jedis.zadd(key("campaigns"), campaign.createdAt().toEpochSecond(), campaign.id());
        }
    }

    Optional<Campaign> find(String id) {
        try (Jedis jedis = pool.getResource()) {
            String value = jedis.get(key("campaign", id));
            return value == null ? Optional.empty() : Optional.of(json.read(value, Campaign.class));
        }
    }

    /** Newest first. */
    List<Campaign> all() {
        try (Jedis jedis = pool.getResource()) {
            return jedis.zrevrange(key("campaigns"), 0, 199).stream()
                    .map(id -> jedis.get(key("campaign", id)))
                    .filter(v -> v != null)
                    .map(v -> json.read(v, Campaign.class))
                    .toList();
        }
    }

    /** Campaigns that are sending (also those waiting for their window). */
    List<Campaign> running() {
        try (Jedis jedis = pool.getResource()) {
            return jedis.smembers(key("running")).stream()
                    .map(id -> jedis.get(key("campaign", id)))
                    .filter(v -> v != null)
                    .map(v -> json.read(v, Campaign.class))
                    .filter(c -> c.status() == CampaignStatus.RUNNING)
                    .toList();
        }
    }

    void markRunning(String id) {
        try (Jedis jedis = pool.getResource()) {
            jedis.sadd(key("running"), id);
        }
    }

    /**
     * Takes a campaign out of the running set; true only for the one caller that did. Every instance polls the same
     * campaigns, so this is the claim to close one out: the instance that finished it, never also another one that
     * found its audience already deleted and took it for expired.
     */
    boolean takeOutOfRunning(String id) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.srem(key("running"), id) == 1;
        }
    }

    void saveAudience(String id, String csv, Duration ttl) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(key("audience", id), csv, SetParams.setParams().ex(ttl.toSeconds()));
        }
    }

    Optional<String> audience(String id) {
        try (Jedis jedis = pool.getResource()) {
            return Optional.ofNullable(jedis.get(key("audience", id)));
        }
    }

    void deleteAudience(String id) {
        try (Jedis jedis = pool.getResource()) {
            jedis.del(key("audience", id));
        }
    }

    int cursor(String id) {
        try (Jedis jedis = pool.getResource()) {
            String value = jedis.get(key("cursor", id));
            return value == null ? 0 : Integer.parseInt(value);
        }
    }

    void advanceCursor(String id, int next) {
        try (Jedis jedis = pool.getResource()) {
            String current = jedis.get(key("cursor", id));
            if (current == null || Integer.parseInt(current) < next) {
                jedis.set(key("cursor", id), Integer.toString(next));
            }
        }
    }

    /**
     * Claims an address (or reference) for one line of the audience. Empty when this line now has it; otherwise the
     * line that had it first (the same line after a restart, or another line with the same address). A claim is
     * returned only once a replica has it: after a failover the new master still knows who was already messaged.
     */
    Optional<String> claim(String id, String personalValue, String reference, Duration keep) {
        ReplicatedWrites.Mark writes = replication.begin();
        try (Jedis jedis = pool.getResource()) {
            String key = key("claim", id, digests.of(personalValue));
            // A campaign running through the upgrade to keyed digests: its earlier claims stay claims.
            String unkeyed = jedis.get(key("claim", id, digests.unkeyed(personalValue)));
            if (unkeyed != null) {
                return Optional.of(unkeyed);
            }
            if (!"OK".equals(jedis.set(key, RedisKeys.hashed(reference), SetParams.setParams().nx().ex(keep.toSeconds())))) {
                return Optional.ofNullable(jedis.get(key));
            }
        }
        replication.confirm(writes);
        return Optional.empty();
    }

    void record(String id, String reference, Outcome outcome, String channel, OffsetDateTime at) {
        try (Jedis jedis = pool.getResource()) {
            jedis.hincrBy(key("counts", id), outcome.name(), 1);
            jedis.hset(key("outcomes", id), reference, json.write(Map.of("outcome", outcome.name(),
                    "channel", channel == null ? "" : channel, "at", at.toString())));
        }
    }

    Map<Outcome, Long> counts(String id) {
        try (Jedis jedis = pool.getResource()) {
            Map<Outcome, Long> out = new EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                out.put(o, 0L);
            }
            jedis.hgetAll(key("counts", id)).forEach((k, v) -> out.put(Outcome.valueOf(k), Long.parseLong(v)));
            return out;
        }
    }

    Map<String, String> outcomes(String id) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.hgetAll(key("outcomes", id));
        }
    }

    /** After sending: the file goes, outcomes expire at the retention deadline, the counts stay with the campaign. */
    void closeOut(String id, Duration keepOutcomes) {
        try (Jedis jedis = pool.getResource()) {
            jedis.del(key("audience", id), key("cursor", id));
            jedis.expire(key("outcomes", id), keepOutcomes.toSeconds());
        }
    }

    long outcomesTtlSeconds(String id) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.ttl(key("outcomes", id));
        }
    }

    private String key(String... parts) {
        String[] all = new String[parts.length + 1];
        all[0] = "outreach";
        System.arraycopy(parts, 0, all, 1, parts.length);
        return keys.key(all);
    }
}
