package nl.loket.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Builds Redis keys under Loket's prefix. Personal values (phone numbers, e-mail addresses) never
 * appear in a key as they are: {@link #hashed} turns them into a digest first.
 */
public final class RedisKeys {

    private final String prefix;

    public RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    public String key(String... parts) {
        return prefix + ":" + String.join(":", parts);
    }

    /** A stable digest of a personal value, for use inside a key. */
    public static String hashed(String personalValue) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(personalValue.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public String prefix() {
        return prefix;
    }
}
