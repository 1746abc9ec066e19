package nl.loket.contact;

import nl.loket.platform.RedisKeys;
import nl.loket.platform.privacy.PersonalDigests;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Remembers for a while which campaign last wrote to an address, so that a resident who answers with a
 * question gets the normal assistant and hand-off flow in a conversation whose subject names the
 * campaign: the agent sees "reply to campaign X". Keys hold the address digest only.
 */
@Component
public class CampaignLinks {

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final PersonalDigests digests;

    CampaignLinks(Pool<Jedis> pool, RedisKeys keys, PersonalDigests digests) {
        this.pool = pool;
        this.keys = keys;
        this.digests = digests;
    }

    /** The subject a reply from this address gets, and the language it was written to in, for {@code ttl}. */
    public void remember(Identity to, String subject, String language, Duration ttl) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(key(to), subject, SetParams.setParams().ex(Math.max(1, ttl.toSeconds())));
            jedis.set(key(to) + ":language", language, SetParams.setParams().ex(Math.max(1, ttl.toSeconds())));
        }
    }

    /** The language a campaign last wrote to this address in, so a STOP is confirmed in it. */
    Optional<String> languageFor(Identity identity) {
        try (Jedis jedis = pool.getResource()) {
            return Optional.ofNullable(jedis.get(key(identity) + ":language"));
        }
    }

    /** The campaign subject for a new conversation from any of these identities, if one wrote to them lately. */
    public Optional<String> subjectFor(List<Identity> identities) {
        try (Jedis jedis = pool.getResource()) {
            for (Identity identity : identities) {
                String subject = jedis.get(key(identity));
                if (subject != null) {
                    return Optional.of(subject);
                }
            }
            return Optional.empty();
        }
    }

    private String key(Identity identity) {
        return keys.key("campaign-link", identity.kind().name(), digests.of(identity.value()));
    }
}
