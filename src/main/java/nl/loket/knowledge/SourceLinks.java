package nl.loket.knowledge;

import nl.loket.platform.Json;
import nl.loket.platform.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The check of the published articles' source links: every {@code loket.knowledge.links.poll-interval} an instance
 * takes a lock in Redis (with an expiry, so at most one instance checks at a time, and a stopped one holds it no
 * longer than {@code run-limit}), checks every published article whose source was not checked within
 * {@code interval} (the oldest check first) until the run limit, and stores each result in Redis. The editors see it
 * in their list and on the article page; the indicators count the broken ones.
 */
@Component
class SourceLinks {

    private static final Logger log = LoggerFactory.getLogger(SourceLinks.class);
    private static final String RELEASE_LOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final ArticleVersions store;
    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Json json;
    private final SourceLinkProperties properties;
    private final Clock clock;
    private final SourceLinkChecker checker;

    SourceLinks(ArticleVersions store, Pool<Jedis> pool, RedisKeys keys, Json json, SourceLinkProperties properties,
                Clock clock) {
        this.store = store;
        this.pool = pool;
        this.keys = keys;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.checker = new SourceLinkChecker(properties.timeout(), clock);
    }

    @Scheduled(fixedDelayString = "${loket.knowledge.links.poll-interval:1m}",
            initialDelayString = "${loket.knowledge.links.poll-interval:1m}")
    void checkDueQuietly() {
        if (!properties.enabled()) {
            return;
        }
        try {
            int checked = checkDue();
            if (checked > 0) {
                log.info("Checked {} source links of published articles", checked);
            }
        } catch (RuntimeException e) {
            log.warn("Checking the articles' source links failed: {}", e.toString());
        }
    }

    /**
     * Under the lock, checks the sources due (never checked, changed since, or checked longer than {@code interval}
     * ago), oldest check first, until the run limit; returns how many were checked (0 when another instance holds the
     * lock).
     */
    int checkDue() {
        List<Article> due = due(publishedArticles(), all(), clock.instant(), properties.interval());
        return due.isEmpty() ? 0 : underLock(due);
    }

    /**
     * The articles whose source is due for a check at {@code now}: never checked, changed since its last check, or
     * last checked {@code interval} ago or longer; never checked first, then the oldest check first.
     */
    static List<Article> due(List<Article> published, Map<String, SourceCheck> last, Instant now, Duration interval) {
        List<Article> due = new ArrayList<>();
        for (Article a : published) {
            SourceCheck c = current(last.get(a.id()), a);
            if (c == null || !c.checkedAt().plus(interval).isAfter(now)) {
                due.add(a);
            }
        }
        due.sort(Comparator.comparing((Article a) -> {
            SourceCheck c = current(last.get(a.id()), a);
            return c == null ? Instant.MIN : c.checkedAt();
        }));
        return due;
    }

    /** Checks these published articles' sources now, under the same lock (for a test, or an editor's request). */
    int check(List<String> articleIds) {
        List<Article> chosen = publishedArticles().stream().filter(a -> articleIds.contains(a.id())).toList();
        return underLock(chosen);
    }

    private int underLock(List<Article> articles) {
        String token = UUID.randomUUID().toString();
        long limit = properties.runLimit().toMillis();
        try (Jedis jedis = pool.getResource()) {
            if (!"OK".equals(jedis.set(lockKey(), token, SetParams.setParams().nx().px(limit)))) {
                return 0;
            }
        }
        // stop early enough that a last check (HEAD then GET) ends before the lock expires
        long stopAt = System.nanoTime() + Math.max(0, limit - 2 * properties.timeout().toMillis() - 1_000) * 1_000_000;
        int checked = 0;
        try {
            for (Article a : articles) {
                if (System.nanoTime() - stopAt > 0) {
                    break;
                }
                SourceCheck result = checker.check(a.source());
                try (Jedis jedis = pool.getResource()) {
                    jedis.hset(resultsKey(), a.id(), json.write(result));
                }
                if (result.broken()) {
                    log.info("Source link of {} does not work: {}", a.id(), result.label());
                }
                checked++;
            }
        } finally {
            try (Jedis jedis = pool.getResource()) {
                jedis.eval(RELEASE_LOCK, 1, lockKey(), token);
            }
        }
        return checked;
    }

    /** The last check of every article checked so far, by article id. */
    Map<String, SourceCheck> all() {
        Map<String, SourceCheck> out = new HashMap<>();
        try (Jedis jedis = pool.getResource()) {
            jedis.hgetAll(resultsKey()).forEach((id, v) -> out.put(id, json.read(v, SourceCheck.class)));
        }
        return out;
    }

    /** The last check of this article's source as it is now; empty when not checked yet (or the link changed since). */
    Optional<SourceCheck> of(String articleId, String source) {
        try (Jedis jedis = pool.getResource()) {
            String v = jedis.hget(resultsKey(), articleId);
            return v == null ? Optional.empty() : Optional.ofNullable(current(json.read(v, SourceCheck.class), source));
        }
    }

    /** The editors' list with each article's last check of its current source. */
    List<ArticleSummary> annotate(List<ArticleSummary> articles) {
        Map<String, SourceCheck> last = all();
        return articles.stream().map(a -> a.withSource(current(last.get(a.id()), a.source()))).toList();
    }

    private static SourceCheck current(SourceCheck check, Article article) {
        return current(check, article.source());
    }

    private static SourceCheck current(SourceCheck check, String source) {
        return check != null && check.url().equals(source) ? check : null;
    }

    private List<Article> publishedArticles() {
        return store.articles(store.published());
    }

    private String resultsKey() {
        return keys.key("knowledge", "links");
    }

    private String lockKey() {
        return keys.key("lock", "knowledge", "links");
    }
}
