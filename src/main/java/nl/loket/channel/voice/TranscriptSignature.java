package nl.loket.channel.voice;

import nl.loket.platform.ProblemException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Proof that a transcript comes from the municipality's telephony platform: {@code X-Loket-Signature:
 * sha256=<hex HMAC-SHA256 of the raw body>} with the shared secret {@code loket.transcripts.secret}, as
 * Twilio signs its webhooks. Only then is the caller id a verified identity; a forged transcript could
 * otherwise write lines as "Medewerker" into another resident's case.
 */
final class TranscriptSignature {

    static final String HEADER = "X-Loket-Signature";
    private static final String PREFIX = "sha256=";

    private TranscriptSignature() {
    }

    /** Throws {@link UnsignedTranscriptException} unless the header is the body's signature with this secret. */
    static void verify(String secret, byte[] body, String header) {
        if (secret == null || secret.isBlank() || header == null || !header.startsWith(PREFIX)) {
            throw new UnsignedTranscriptException();
        }
        byte[] expected = HexFormat.of().formatHex(hmac(secret, body)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.substring(PREFIX.length()).strip().toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new UnsignedTranscriptException();
        }
    }

    static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** No or a wrong signature, or no secret configured: nothing is stored. */
    static final class UnsignedTranscriptException extends ProblemException {
        UnsignedTranscriptException() {
            super(401, "Unauthorized", HEADER, "Transcripts must be signed by the telephony platform (" + HEADER + ").");
        }
    }
}
