package nl.loket.contact.store;

import nl.loket.contact.Channel;
import nl.loket.contact.Identity;
import nl.loket.contact.Resident;
import nl.loket.contact.RetentionProperties;
import nl.loket.platform.Ids;
import nl.loket.platform.Json;
import nl.loket.platform.RedisKeys;
import nl.loket.platform.privacy.PersonalDigests;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Residents and the identities that lead to them. Identity keys hold a digest of the phone number
 * or e-mail address, never the value itself, so the key space shows no personal data.
 */
@Component
public class ResidentStore {

    /** The resident an identity links to, with the resident itself; false when either is missing. */
    private static final String FIND = """
            local id = redis.call('GET', KEYS[1])
            if not id then return false end
            local resident = redis.call('GET', ARGV[1] .. id)
            if not resident then return false end
            return {id, resident}""";

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Json json;
    private final RetentionProperties retention;
    private final PersonalDigests digests;

    ResidentStore(Pool<Jedis> pool, RedisKeys keys, Json json, RetentionProperties retention, PersonalDigests digests) {
        this.pool = pool;
        this.keys = keys;
        this.json = json;
        this.retention = retention;
        this.digests = digests;
    }

    /**
     * The resident behind any of the verified identities, or a new one. Verified identities not yet linked
     * are linked to the resident found. When identities point at two different residents, the first one
     * (in the order the channel gave them) wins; merging residents is left to a person.
     *
     * <p>Unverified identities (typed into a form) never lead to a resident and never point at one: they
     * are kept on the resident as a way to answer, and every other resident seen with the same phone
     * number or e-mail address becomes a possible match for an agent to confirm or reject.
     */
    public Resident findOrCreate(List<Identity> identities, String displayName, Channel channel, String language,
                                 OffsetDateTime at) {
        long ttl = Duration.ofDays(retention.residentDays()).toSeconds();
        List<Identity> verified = identities.stream().filter(Identity::verified).toList();
        try (Jedis jedis = pool.getResource()) {
            String residentId = null;
            Resident existing = null;
            if (verified.size() == 1) {
                // The usual case (one phone number, one chat session) in one round trip: the link and its resident.
                Object found = jedis.eval(FIND, List.of(identityKey(verified.get(0))), List.of(keys.key("resident", "")));
                if (found instanceof List<?> pair) {
                    residentId = String.valueOf(pair.get(0));
                    existing = json.read(String.valueOf(pair.get(1)), Resident.class);
                }
            }
            if (residentId == null) {
                for (Identity identity : verified) {
                    residentId = residentOf(jedis, identity);
                    if (residentId != null && jedis.exists(residentKey(residentId))) {
                        break;
                    }
                    residentId = null;
                }
                if (residentId == null && verified.isEmpty()) {
                    residentId = Ids.newId();
                } else if (residentId == null) {
                    String candidate = Ids.newId();
                    String claimed = jedis.set(identityKey(verified.get(0)), candidate, SetParams.setParams().nx().ex(ttl));
                    residentId = "OK".equals(claimed) ? candidate : jedis.get(identityKey(verified.get(0)));
                }
                existing = read(jedis, residentId).orElse(null);
            }
            Set<Identity> all = new LinkedHashSet<>();
            if (existing != null) {
                all.addAll(existing.identities());
            }
            all.addAll(identities);
            Resident updated = new Resident(residentId, new ArrayList<>(all),
                    displayName != null ? displayName : existing == null ? null : existing.displayName(),
                    existing != null && existing.preferredLanguage() != null ? existing.preferredLanguage() : language,
                    existing != null && existing.preferredChannel() != null ? existing.preferredChannel() : channel,
                    existing == null ? at : existing.createdAt(),
                    at);
            // The links live as long as the resident: both written again in one round trip.
            Pipeline p = jedis.pipelined();
            for (Identity identity : verified) {
                p.set(identityKey(identity), residentId, SetParams.setParams().ex(ttl));
            }
            p.set(residentKey(residentId), json.write(updated), SetParams.setParams().ex(ttl));
            p.sync();
            if (existing == null) {
                proposeMatches(jedis, residentId, identities, ttl);
            }
            return updated;
        }
    }

    /**
     * A new resident shares a phone number or e-mail address with others: each other resident that holds it
     * verified, or typed it too, becomes a possible match (both ways), unless an agent rejected that pair.
     */
    private void proposeMatches(Jedis jedis, String residentId, List<Identity> identities, long ttl) {
        Set<String> others = new LinkedHashSet<>();
        for (Identity identity : identities) {
            if (identity.kind() != Identity.Kind.PHONE && identity.kind() != Identity.Kind.EMAIL) {
                continue;
            }
            String owner = residentOf(jedis, identity);
            if (owner != null) {
                others.add(owner);
            }
            String claims = claimKey(identity);
            others.addAll(jedis.smembers(claims));
            others.addAll(jedis.smembers(keys.key("identity-typed", identity.kind().name(), digests.unkeyed(identity.value()))));
            if (identity.unverified()) {
                jedis.sadd(claims, residentId);
                jedis.expire(claims, ttl);
            }
        }
        others.remove(residentId);
        for (String other : others) {
            if (!jedis.exists(residentKey(other)) || jedis.sismember(matchKey(residentId, "rejected"), other)) {
                continue;
            }
            link(jedis, matchKey(residentId, "possible"), other, ttl);
            link(jedis, matchKey(other, "possible"), residentId, ttl);
        }
    }

    /** Residents that may be the same person as this one, not yet confirmed or rejected by an agent. */
    public Set<String> possibleMatches(String residentId) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.smembers(matchKey(residentId, "possible"));
        }
    }

    /** Residents an agent confirmed to be the same person as this one. */
    public Set<String> confirmedMatches(String residentId) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.smembers(matchKey(residentId, "confirmed"));
        }
    }

    /** An agent decided on a possible match: it leaves the proposals both ways and is remembered either way. */
    public boolean decideMatch(String residentId, String otherId, boolean same) {
        long ttl = Duration.ofDays(retention.residentDays()).toSeconds();
        try (Jedis jedis = pool.getResource()) {
            if (!jedis.sismember(matchKey(residentId, "possible"), otherId)) {
                return false;
            }
            jedis.srem(matchKey(residentId, "possible"), otherId);
            jedis.srem(matchKey(otherId, "possible"), residentId);
            String decided = same ? "confirmed" : "rejected";
            link(jedis, matchKey(residentId, decided), otherId, ttl);
            link(jedis, matchKey(otherId, decided), residentId, ttl);
            return true;
        }
    }

    private static void link(Jedis jedis, String key, String member, long ttl) {
        jedis.sadd(key, member);
        jedis.expire(key, ttl);
    }

    public Optional<Resident> find(String residentId) {
        try (Jedis jedis = pool.getResource()) {
            return read(jedis, residentId);
        }
    }

    public Optional<String> findIdByIdentity(Identity identity) {
        try (Jedis jedis = pool.getResource()) {
            return Optional.ofNullable(residentOf(jedis, identity));
        }
    }

    /**
     * The resident an identity points at. Found under its keyed digest, or else under the unkeyed digest data
     * written before keyed digests used; such a link is then written keyed too (with the time it had left).
     */
    private String residentOf(Jedis jedis, Identity identity) {
        String residentId = jedis.get(identityKey(identity));
        if (residentId != null) {
            return residentId;
        }
        String legacy = keys.key("identity", identity.kind().name(), digests.unkeyed(identity.value()));
        residentId = jedis.get(legacy);
        if (residentId != null) {
            long ttl = jedis.ttl(legacy);
            jedis.set(identityKey(identity), residentId, ttl > 0 ? SetParams.setParams().ex(ttl) : SetParams.setParams());
        }
        return residentId;
    }

    /** The digest standing for a personal value in this store's keys (also what opt-out links carry). */
    public String digestOf(Identity identity) {
        return digests.of(identity.value());
    }

    /** The resident behind an identity known only by its digest (from an opt-out link). */
    public Optional<String> findIdByDigest(Identity.Kind kind, String digest) {
        try (Jedis jedis = pool.getResource()) {
            return Optional.ofNullable(jedis.get(keys.key("identity", kind.name(), digest)));
        }
    }

    private Optional<Resident> read(Jedis jedis, String residentId) {
        String value = jedis.get(residentKey(residentId));
        return value == null ? Optional.empty() : Optional.of(json.read(value, Resident.class));
    }

    private String residentKey(String residentId) {
        return keys.key("resident", residentId);
    }

    private String matchKey(String residentId, String kind) {
        return keys.key("resident", residentId, "matches", kind);
    }

    /** Residents who typed this phone number or e-mail address into a form. */
    private String claimKey(Identity identity) {
        return keys.key("identity-typed", identity.kind().name(), digests.of(identity.value()));
    }

    private String identityKey(Identity identity) {
        return keys.key("identity", identity.kind().name(), digests.of(identity.value()));
    }
}
