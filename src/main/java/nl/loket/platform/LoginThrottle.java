package nl.loket.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.loket.platform.privacy.PersonalDigests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * Brute-force protection for agent logins (the login form and HTTP Basic): failed attempts are counted per account
 * and per address in Redis, so every instance sees them. From {@code loket.login.max-failures} failures on an account
 * (or {@code loket.login.max-failures-per-address} from one address within 15 minutes) further attempts are refused before the password is checked, for a time
 * that doubles with every further failure (1 minute, 2, 4 … at most an hour). A refusal says so clearly (429, or the
 * login page with a message), a lock is published as {@link LoginLocked} for the audit log, and a successful login
 * clears the account's count.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class LoginThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final long MAX_LOCK_SECONDS = Duration.ofHours(1).toSeconds();

    /** An account was locked after too many failed logins. The account name only, never a password. */
    public record LoginLocked(String account, int failures, long lockedSeconds) { }

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final ApplicationEventPublisher events;
    private final ProblemWriter problems;
    private final PersonalDigests digests;
    private final int maxFailures;
    private final int maxFailuresPerAddress;

    LoginThrottle(Pool<Jedis> pool, RedisKeys keys, ApplicationEventPublisher events, ProblemWriter problems, PersonalDigests digests,
                  @Value("${loket.login.max-failures:5}") int maxFailures,
                  @Value("${loket.login.max-failures-per-address:25}") int maxFailuresPerAddress) {
        this.pool = pool;
        this.keys = keys;
        this.events = events;
        this.problems = problems;
        this.digests = digests;
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = attemptedAccount(request);
        if (account != null && locked(account, request.getRemoteAddr())) {
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String account = normalise(event.getAuthentication().getName());
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        try (Jedis jedis = pool.getResource()) {
            long failures = jedis.incr(accountKey(account));
            long lock = lockSeconds(failures);
            jedis.expire(accountKey(account), Math.max(lock, Duration.ofMinutes(15).toSeconds()));
            if (address != null) {
                jedis.incr(addressKey(address));
                jedis.expire(addressKey(address), Duration.ofMinutes(15).toSeconds());
            }
            if (failures == maxFailures) {
                log.warn("Agent account locked after {} failed logins", failures);
                events.publishEvent(new LoginLocked(account, (int) failures, lock));
            }
        } catch (RuntimeException e) {
            log.warn("Could not count a failed login: {}", e.getClass().getSimpleName());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        try (Jedis jedis = pool.getResource()) {
            jedis.del(accountKey(normalise(event.getAuthentication().getName())));
        } catch (RuntimeException e) {
            log.warn("Could not clear failed logins: {}", e.getClass().getSimpleName());
        }
    }

    /** 1 minute at the limit, doubling with every further failure, at most an hour. */
    long lockSeconds(long failures) {
        if (failures < maxFailures) {
            return 0;
        }
        long doublings = Math.min(failures - maxFailures, 6);
        return Math.min(60L << doublings, MAX_LOCK_SECONDS);
    }

    private boolean locked(String account, String address) {
        try (Jedis jedis = pool.getResource()) {
            String accountFailures = jedis.get(accountKey(account));
            String addressFailures = address == null ? null : jedis.get(addressKey(address));
            return (accountFailures != null && Long.parseLong(accountFailures) >= maxFailures)
                    || (addressFailures != null && Long.parseLong(addressFailures) >= maxFailuresPerAddress);
        } catch (RuntimeException e) {
            return false; // without Redis the login itself fails with 503 elsewhere; do not lock everyone out
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/agent/login".equals(RoutedPath.of(request))) {
            response.sendRedirect(request.getContextPath() + "/agent/login?locked");
            return;
        }
        problems.write(response, Problem.of(429, "Too many failed logins",
                "Too many failed logins for this account or from this address. Wait a few minutes, then try again.",
                request.getRequestURI()), "60");
    }

    /** The account a request tries to log in to: the login form's username, or HTTP Basic's user. */
    static String attemptedAccount(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && "/agent/login".equals(RoutedPath.of(request))) {
            String username = request.getParameter("username");
            return username == null ? null : normalise(username);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return normalise(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static String normalise(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }

    private String accountKey(String account) {
        return keys.key("login-failures", "account", digests.of(account));
    }

    private String addressKey(String address) {
        return keys.key("login-failures", "address", digests.of(address));
    }
}
