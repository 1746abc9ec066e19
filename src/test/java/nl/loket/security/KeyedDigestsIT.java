package nl.loket.security;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Identity;
import nl.loket.contact.OptOutCommand;
import nl.loket.contact.OptOuts;
import nl.loket.platform.RedisKeys;
import nl.loket.platform.privacy.PersonalDigests;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Low 11 of the security review: identity keys are keyed digests, so Redis holds no unkeyed hash of a phone number
 * or e-mail address and no opt-out link secret; and what an earlier version stored under unkeyed digests (a
 * resident's number, an opt-out) is still found after the upgrade, so nobody is split in two and no STOP is lost.
 */
class KeyedDigestsIT extends LoketIntegrationTest {

    static final String SMS = "/api/channels/twilio/sms";

    @Autowired ContactService contacts;
    @Autowired OptOuts optOuts;
    @Autowired Pool<Jedis> pool;
    @Autowired RedisKeys keys;
    @Autowired PersonalDigests digests;

    static String randomMobile() {
        return "+3162" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    void sms(String from, String body) {
        assertThat(postTwilio(SMS, params("MessageSid", "SM" + Long.toHexString(ThreadLocalRandom.current().nextLong()),
                "From", from, "To", "+3197010000000", "Body", body)).statusCode()).isEqualTo(200);
    }

    @Test
    void redisHoldsNoUnkeyedHashOfANumberNorAnOptOutLinkSecret() {
        String phone = randomMobile();
        sms(phone, "Hoe vraag ik een paspoort aan?");
        optOuts.linkToken(Identity.email("digest-" + ThreadLocalRandom.current().nextInt() + "@example.nl"));

        try (var jedis = pool.getResource()) {
            assertThat(jedis.keys(keys.prefix() + ":*" + RedisKeys.hashed(phone) + "*"))
                    .as("the unkeyed SHA-256 of the number is in no key").isEmpty();
            assertThat(jedis.exists(keys.key("optout", "link-secret"))).as("no link secret in Redis").isFalse();
        }
        assertThat(contacts.residentIdOf(Identity.phone(phone))).isPresent();
    }

    @Test
    void aResidentStoredUnderAnUnkeyedDigestIsFoundAfterTheUpgrade() {
        String phone = randomMobile();
        sms(phone, "Hoe vraag ik een paspoort aan?");
        String residentId = contacts.residentIdOf(Identity.phone(phone)).orElseThrow();
        // As an earlier version wrote it: the identity under the unkeyed digest only.
        String keyed = keyOf(phone, false);
        String unkeyed = keyOf(phone, true);
        try (var jedis = pool.getResource()) {
            jedis.rename(keyed, unkeyed);
        }

        sms(phone, "En hoe lang is die geldig?");

        assertThat(contacts.residentIdOf(Identity.phone(phone))).as("the same resident, not a new one").hasValue(residentId);
        try (var jedis = pool.getResource()) {
            assertThat(jedis.get(keyed)).as("written keyed again").isEqualTo(residentId);
        }
    }

    @Test
    void anOptOutStoredUnderAnUnkeyedDigestStillHoldsAndCanBeUndone() {
        String phone = randomMobile();
        Identity identity = Identity.phone(phone);
        optOuts.record(identity, OptOutCommand.OPT_OUT, Channel.SMS, "STOP");
        try (var jedis = pool.getResource()) {
            jedis.rename(keys.key("optout", "state", "identity:PHONE:" + digests.of(phone)),
                    keys.key("optout", "state", "identity:PHONE:" + RedisKeys.hashed(phone)));
        }

        assertThat(optOuts.optedOut(List.of(identity))).as("a STOP from before the upgrade still holds").isTrue();
        optOuts.record(identity, OptOutCommand.OPT_IN, Channel.SMS, "START");
        assertThat(optOuts.optedOut(List.of(identity))).as("and START undoes it").isFalse();
    }

    /** The identity key of a phone number, keyed as now or unkeyed as before. */
    private String keyOf(String phone, boolean unkeyed) {
        return keys.key("identity", "PHONE", unkeyed ? RedisKeys.hashed(phone) : digests.of(phone));
    }
}
