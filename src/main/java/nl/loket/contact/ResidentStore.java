package nl.loket.contact;

import nl.loket.platform.Ids;
import nl.loket.platform.Json;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
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
class ResidentStore {

    private final JedisPool pool;
    private final RedisKeys keys;
    private final Json json;
    private final RetentionProperties retention;

    ResidentStore(JedisPool pool, RedisKeys keys, Json json, RetentionProperties retention) {
        this.pool = pool;
        this.keys = keys;
        this.json = json;
        this.retention = retention;
    }

    /**
     * The resident behind any of these identities, or a new one. Identities not yet linked are
     * linked to the resident found. When identities point at two different residents, the first
     * one (in the order the channel gave them) wins; merging residents is left to a person.
     */
    Resident findOrCreate(List<Identity> identities, String displayName, Channel channel, String language,
                          OffsetDateTime at) {
        long ttl = Duration.ofDays(retention.residentDays()).toSeconds();
        try (Jedis jedis = pool.getResource()) {
            String residentId = null;
            for (Identity identity : identities) {
                residentId = jedis.get(identityKey(identity));
                if (residentId != null && jedis.exists(residentKey(residentId))) {
                    break;
                }
                residentId = null;
            }
            if (residentId == null) {
                String candidate = Ids.newId();
                String claimed = jedis.set(identityKey(identities.get(0)), candidate, SetParams.setParams().nx().ex(ttl));
                residentId = "OK".equals(claimed) ? candidate : jedis.get(identityKey(identities.get(0)));
            }
            for (Identity identity : identities) {
                jedis.set(identityKey(identity), residentId, SetParams.setParams().ex(ttl));
            }
            Resident existing = read(jedis, residentId).orElse(null);
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
            jedis.set(residentKey(residentId), json.write(updated), SetParams.setParams().ex(ttl));
            return updated;
        }
    }

    Optional<Resident> find(String residentId) {
        try (Jedis jedis = pool.getResource()) {
            return read(jedis, residentId);
        }
    }

    Optional<String> findIdByIdentity(Identity identity) {
        try (Jedis jedis = pool.getResource()) {
            return Optional.ofNullable(jedis.get(identityKey(identity)));
        }
    }

    /** The resident behind an identity known only by its digest (from an opt-out link). */
    Optional<String> findIdByDigest(Identity.Kind kind, String digest) {
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

    private String identityKey(Identity identity) {
        return keys.key("identity", identity.kind().name(), RedisKeys.hashed(identity.value()));
    }
}
