package nl.loket.platform;

import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Tells a failure of the store (Redis away, hanging, restarting, failing over, every pooled
 * connection busy, a write no replica confirmed in time) from a bug. Store failures are answered 503 with {@code Retry-After}: the caller
 * may try again, and nothing was acknowledged.
 */
final class RedisTrouble {

    /**
     * Redis answers these while it loads its data, after a failover, when a replica lost its primary, or when a master
     * with {@code min-replicas-to-write} has too few replicas (NOREPLICAS).
     */
    private static final Set<String> TRANSIENT_ERRORS = Set.of("LOADING", "READONLY", "MASTERDOWN", "TRYAGAIN", "CLUSTERDOWN",
            "NOREPLICAS");

    static final String RETRY_AFTER_SECONDS = "10";

    private RedisTrouble() { }

    static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JedisConnectionException || t instanceof JedisBusyException || t instanceof NotReplicatedException) {
                return true;
            }
            if (t instanceof JedisDataException data && transientError(data.getMessage())) {
                return true;
            }
            // The pool wraps "no connection free within maxWait" in a plain JedisException.
            if (t instanceof JedisException && t.getCause() instanceof NoSuchElementException) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientError(String message) {
        if (message == null) {
            return false;
        }
        int space = message.indexOf(' ');
        return TRANSIENT_ERRORS.contains(space < 0 ? message : message.substring(0, space));
    }
}
