package nl.loket.platform.privacy;

import nl.loket.platform.RedisKeys;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPool;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Phone numbers and e-mail addresses stand in Redis keys as keyed digests: a copy of Redis does not give them back,
 * and an instance with another key refuses to start rather than split every resident in two.
 */
class PersonalDigestsTest {

    static JedisPool pool;

    @BeforeAll
    static void connect() {
        pool = new JedisPool(URI.create(TestRedis.url()));
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    static RedisKeys freshPrefix() {
        return new RedisKeys("loket-digests-" + UUID.randomUUID());
    }

    static DigestKeyProperties key(String key) {
        return new DigestKeyProperties(key, Path.of("unused"));
    }

    @Test
    void aDigestIsKeyedSoTheUnkeyedHashOfANumberDoesNotFindIt() {
        PersonalDigests one = new PersonalDigests(key("a".repeat(40)), pool, freshPrefix());
        PersonalDigests other = new PersonalDigests(key("b".repeat(40)), pool, freshPrefix());

        String phone = "+31612345678";
        assertThat(one.of(phone)).hasSize(32).isEqualTo(one.of(phone))
                .isNotEqualTo(RedisKeys.hashed(phone)).isNotEqualTo(other.of(phone));
        assertThat(one.unkeyed(phone)).as("only to find data written before").isEqualTo(RedisKeys.hashed(phone));
        assertThat(one.derivedKey("optout-link")).isNotEqualTo(one.derivedKey("other")).isNotEqualTo(other.derivedKey("optout-link"));
    }

    @Test
    void withoutAConfiguredKeyOneIsMadeOnceInAFileOnlyTheOwnerReads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/digest.key");
        RedisKeys prefix = freshPrefix();
        PersonalDigests first = new PersonalDigests(new DigestKeyProperties(null, file), pool, prefix);
        assertThat(file).exists();
        assertThat(Files.readString(file).strip()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        PersonalDigests again = new PersonalDigests(new DigestKeyProperties(null, file), pool, prefix);
        assertThat(again.of("jan@example.nl")).as("the same key at the next start").isEqualTo(first.of("jan@example.nl"));
        try (var jedis = pool.getResource()) {
            assertThat(jedis.keys(prefix.prefix() + ":*")).as("Redis holds a fingerprint, never the key")
                    .containsExactly(prefix.key("privacy", "digest-key-fingerprint"));
            assertThat(jedis.get(prefix.key("privacy", "digest-key-fingerprint"))).doesNotContain(Files.readString(file).strip());
        }
    }

    @Test
    void anInstanceWithAnotherKeyRefusesToStartOnTheSameRedis() {
        RedisKeys prefix = freshPrefix();
        new PersonalDigests(key("a".repeat(40)), pool, prefix);
        assertThatThrownBy(() -> new PersonalDigests(key("c".repeat(40)), pool, prefix))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("same key");
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new PersonalDigests(key("too-short"), pool, freshPrefix()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32");
    }
}
