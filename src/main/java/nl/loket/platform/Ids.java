package nl.loket.platform;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Ids, secrets and resident-facing references. References avoid letters and digits that are easy
 * to confuse when read aloud or copied by hand (0/O, 1/I/L, 5/S, 2/Z, 8/B).
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679".toCharArray();
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private Ids() { }

    /** A random id, 20 characters, fine to show in URLs and logs. */
    public static String newId() {
        return random(ID_ALPHABET, 20);
    }

    /** An unguessable secret (256 bits), URL-safe. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A short reference a resident can read out on the phone, e.g. {@code LK-7KQ-M4X}. */
    public static String newReference() {
        String body = random(REFERENCE_ALPHABET, 6);
        return "LK-" + body.substring(0, 3) + "-" + body.substring(3);
    }

    private static String random(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
