package nl.loket.platform;

import java.util.regex.Pattern;

/**
 * The name a client gives one request that changes something ({@code Idempotency-Key}), and sends again when it
 * resends that request after a 503: what the first try stored may be there (e.g. no replica confirmed it in time),
 * and the resend then gets the first answer instead of storing it twice. The chat page and the agent workbench use it.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private IdempotencyKey() {
    }

    /** The key as given, or null when there is none; 400 when it is not 1 to 64 letters, digits, '-', '_' or '.'. */
    public static String orNull(String given, String field) {
        if (given == null || given.isBlank()) {
            return null;
        }
        if (!VALID.matcher(given).matches()) {
            throw new InvalidRequestException(field, "'" + field + "' must be 1 to 64 letters, digits, '-', '_' or '.'.");
        }
        return given;
    }
}
