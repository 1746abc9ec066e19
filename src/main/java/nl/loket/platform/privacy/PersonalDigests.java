package nl.loket.platform.privacy;

import nl.loket.platform.Ids;
import nl.loket.platform.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.params.SetParams;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Digests that stand for a resident's phone number or e-mail address in Redis keys. Keyed (HMAC-SHA256 with a
 * secret key), so a copy of Redis does not give the numbers back: an unkeyed SHA-256 of every Dutch mobile number
 * is computed in about a minute. The key is configured ({@code loket.privacy.digest-key}) or kept in a file made
 * on the very first start; Redis holds only its fingerprint, so an instance with another key refuses to start
 * instead of silently splitting every resident in two.
 *
 * <p>Data written before digests were keyed is still found through {@link #unkeyed}: stores read both, write keyed.
 */
@Component
public class PersonalDigests {

    private static final Logger log = LoggerFactory.getLogger(PersonalDigests.class);
    private static final int MIN_KEY_LENGTH = 32;

    private final byte[] key;

    public PersonalDigests(DigestKeyProperties properties, Pool<Jedis> pool, RedisKeys keys) {
        this.key = load(properties).getBytes(StandardCharsets.UTF_8);
        checkFingerprint(pool, keys);
    }

    /** The digest of a personal value, for use inside a key (32 hexadecimal characters). */
    public String of(String personalValue) {
        return HexFormat.of().formatHex(hmac(key, personalValue), 0, 16);
    }

    /** The digest data written before keyed digests used; read only, to find what was stored then. */
    public String unkeyed(String personalValue) {
        return RedisKeys.hashed(personalValue);
    }

    /** A key of its own for one purpose (e.g. signing opt-out links), derived from the digest key, never stored. */
    public byte[] derivedKey(String purpose) {
        return hmac(key, "loket:" + purpose);
    }

    private void checkFingerprint(Pool<Jedis> pool, RedisKeys keys) {
        String fingerprint = HexFormat.of().formatHex(hmac(key, "loket:fingerprint"), 0, 8);
        String redisKey = keys.key("privacy", "digest-key-fingerprint");
        try (Jedis jedis = pool.getResource()) {
            jedis.set(redisKey, fingerprint, SetParams.setParams().nx());
            String expected = jedis.get(redisKey);
            if (!fingerprint.equals(expected)) {
                throw new IllegalStateException("This instance's digest key (loket.privacy.digest-key or "
                        + "loket.privacy.digest-key-file) is not the one this Redis was written with: every instance "
                        + "must use the same key, or residents are split. See docs/security.md.");
            }
        }
    }

    private static String load(DigestKeyProperties properties) {
        String configured = properties.digestKey();
        if (configured != null && !configured.isBlank()) {
            return checked(configured.strip(), "loket.privacy.digest-key");
        }
        Path file = properties.digestKeyFile();
        try {
            if (Files.exists(file)) {
                return checked(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
            }
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            String made = Ids.newSecret();
            Files.writeString(file, made + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own access rules apply.
            }
            log.info("Made a new digest key in {}: back it up, and give every instance of this Loket the same "
                    + "(docs/security.md)", file);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the digest key file " + file
                    + "; configure loket.privacy.digest-key instead", e);
        }
    }

    private static String checked(String key, String where) {
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("The digest key in " + where + " is shorter than " + MIN_KEY_LENGTH
                    + " characters");
        }
        return key;
    }

    private static byte[] hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
