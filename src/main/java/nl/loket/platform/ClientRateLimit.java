package nl.loket.platform;

import nl.loket.platform.privacy.PersonalDigests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * A per-IP request limit on the resident endpoints, counted in Redis so every instance counts together
 * (a fixed one-minute window). Over the limit: 429 problem+json with {@code Retry-After} until the window
 * ends. The address is hashed before it is used in a key. When Redis cannot be reached the request goes
 * on: the endpoint itself then answers 503, and a limit must never turn an outage into a different error.
 * Behind a load balancer set {@code server.forward-headers-strategy=native} so the address is the resident's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ClientRateLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ClientRateLimit.class);
    private static final List<String> LIMITED = List.of("/api/chat/", "/api/forms/", "/api/channels/transcripts", "/contact");

    private static final String CHAT_SESSIONS = "/api/chat/sessions";

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Clock clock;
    private final ProblemWriter problems;
    private final PersonalDigests digests;
    private final int perMinute;
    private final int sessionsPerMinute;

    ClientRateLimit(Pool<Jedis> pool, RedisKeys keys, Clock clock, ProblemWriter problems, ClientRateLimitProperties properties,
                    PersonalDigests digests) {
        this.pool = pool;
        this.digests = digests;
        this.keys = keys;
        this.clock = clock;
        this.problems = problems;
        this.perMinute = properties.perIpPerMinute();
        this.sessionsPerMinute = properties.chatSessionsPerIpPerMinute();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RoutedPath.of(request); // decoded and normalised, as routed: "/api/%63hat/…" is the chat
        return perMinute == 0 || LIMITED.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long now = clock.millis();
        long minute = now / 60_000;
        String client = digests.of(request.getRemoteAddr());
        Long count = count("ip", client, minute);
        // Opening chat sessions has a stricter limit of its own: each one is a key in Redis.
        boolean opensSession = "POST".equals(request.getMethod()) && CHAT_SESSIONS.equals(RoutedPath.of(request));
        Long sessions = opensSession && sessionsPerMinute > 0 ? count("chat-sessions", client, minute) : null;
        if ((count != null && count > perMinute) || (sessions != null && sessions > sessionsPerMinute)) {
            long retryAfter = Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
            problems.write(response, Problem.of(429, "Too many requests",
                    "Too many requests from your address. Please wait a moment and try again.", request.getRequestURI()),
                    Long.toString(retryAfter));
            return;
        }
        chain.doFilter(request, response);
    }

    /** This request's number in its minute, or null when Redis cannot count now. */
    private Long count(String bucket, String client, long minute) {
        String key = keys.key("rate", bucket, client, Long.toString(minute));
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined();
            Response<Long> count = p.incr(key);
            p.expire(key, 120);
            p.sync();
            return count.get();
        } catch (RuntimeException e) {
            if (!RedisTrouble.isCauseOf(e)) {
                throw e;
            }
            log.debug("Rate limit not counted: Redis unavailable");
            return null;
        }
    }
}
