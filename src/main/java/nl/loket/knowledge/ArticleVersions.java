package nl.loket.knowledge;

import nl.loket.platform.Json;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The articles and all their versions in Redis. A version, once stored, is never changed or removed: a list per
 * article, appended to. Which version is live is one hash (article → version) and one counter, the release, that
 * every publish raises, so an instance knows by one number whether it is behind. Writes that depend on what was read
 * (the next version number, "is this still the latest draft") run under WATCH, so two editors at once never both win.
 */
@Component
class ArticleVersions {

    /** A consistent view of what is live: the release and the published version of every article, read together. */
    record Published(long release, Map<String, Integer> versions) {
    }

    /** What the checks before a publish see: the article's versions so far and the version live now (null: none). */
    record State(List<ArticleVersion> versions, Integer published) {
        int latest() {
            return versions.size();
        }
    }

    private static final Duration SEED_LOCK = Duration.ofMinutes(2);

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Json json;

    ArticleVersions(Pool<Jedis> pool, RedisKeys keys, Json json) {
        this.pool = pool;
        this.keys = keys;
        this.json = json;
    }

    /**
     * Fills an empty store with the articles from the Markdown files, each as its published version 1, and waits while
     * another instance does the same. Does nothing once the store holds a release.
     */
    void seedIfEmpty(java.util.function.Supplier<List<ArticleVersion>> imported) {
        long waitUntil = System.nanoTime() + SEED_LOCK.toNanos();
        while (release() == 0) {
            try (Jedis jedis = pool.getResource()) {
                if ("OK".equals(jedis.set(seedLockKey(), "seeding", SetParams.setParams().nx().px(SEED_LOCK.toMillis())))) {
                    try {
                        if (jedis.get(releaseKey()) == null) {
                            Transaction t = jedis.multi();
                            for (ArticleVersion v : imported.get()) {
                                t.rpush(versionsKey(v.article().id()), json.write(v));
                                t.hset(publishedKey(), v.article().id(), String.valueOf(v.number()));
                                t.sadd(idsKey(), v.article().id());
                            }
                            t.set(releaseKey(), "1");
                            t.exec();
                        }
                    } finally {
                        jedis.del(seedLockKey());
                    }
                    return;
                }
            }
            if (System.nanoTime() > waitUntil) {
                throw new IllegalStateException("another instance has been seeding the knowledge base for " + SEED_LOCK);
            }
            try {
                Thread.sleep(200); // another instance is seeding; its articles are there within a second or two
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the knowledge base seed", e);
            }
        }
    }

    /** The current release number; 0 while the store is empty. */
    long release() {
        try (Jedis jedis = pool.getResource()) {
            String r = jedis.get(releaseKey());
            return r == null ? 0 : Long.parseLong(r);
        }
    }

    Published published() {
        try (Jedis jedis = pool.getResource()) {
            Transaction t = jedis.multi();
            Response<String> release = t.get(releaseKey());
            Response<Map<String, String>> versions = t.hgetAll(publishedKey());
            t.exec();
            Map<String, Integer> out = new TreeMap<>();
            versions.get().forEach((id, v) -> out.put(id, Integer.parseInt(v)));
            return new Published(release.get() == null ? 0 : Long.parseLong(release.get()), out);
        }
    }

    /**
     * The published articles of a release in the order of their files ({@code en/…} before {@code nl/…}, then by
     * topic), so that an unchanged knowledge base trains the very same categorizer as from the files.
     */
    List<Article> articles(Published published) {
        List<Response<String>> read = new ArrayList<>();
        try (Jedis jedis = pool.getResource()) {
            Pipeline p = jedis.pipelined();
            published.versions().forEach((id, v) -> read.add(p.lindex(versionsKey(id), v - 1)));
            p.sync();
        }
        return read.stream().map(r -> json.read(r.get(), ArticleVersion.class).article())
                .sorted(Comparator.comparing((Article a) -> a.language() + "/" + a.topic() + ".md"))
                .toList();
    }

    Set<String> ids() {
        try (Jedis jedis = pool.getResource()) {
            return jedis.smembers(idsKey());
        }
    }

    List<ArticleVersion> versions(String articleId) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.lrange(versionsKey(articleId), 0, -1).stream().map(v -> json.read(v, ArticleVersion.class)).toList();
        }
    }

    Map<Integer, Approval> approvals(String articleId) {
        try (Jedis jedis = pool.getResource()) {
            Map<Integer, Approval> out = new HashMap<>();
            jedis.hgetAll(approvalsKey(articleId)).forEach((v, a) -> out.put(Integer.parseInt(v), json.read(a, Approval.class)));
            return out;
        }
    }

    /** The version of an article that is live now, if any. */
    Optional<Integer> publishedVersion(String articleId) {
        try (Jedis jedis = pool.getResource()) {
            return Optional.ofNullable(jedis.hget(publishedKey(), articleId)).map(Integer::parseInt);
        }
    }

    /**
     * Appends a new version, numbered after the last one, as a draft (not published).
     *
     * @param make builds the version from its number and the article's state
     */
    ArticleVersion appendDraft(String articleId, java.util.function.BiFunction<Integer, State, ArticleVersion> make) {
        return appendDraft(articleId, state -> { }, make);
    }

    /** {@link #appendDraft(String, java.util.function.BiFunction)} after checks on the state, before anything is written. */
    ArticleVersion appendDraft(String articleId, Consumer<State> checks,
                               java.util.function.BiFunction<Integer, State, ArticleVersion> make) {
        return write(articleId, checks, false, (t, state) -> {
            ArticleVersion v = make.apply(state.latest() + 1, state);
            t.rpush(versionsKey(articleId), json.write(v));
            t.sadd(idsKey(), articleId);
            return v;
        }).version();
    }

    /** What a publish wrote: the version now live and the release it belongs to. */
    record Publication(ArticleVersion version, long release) {
    }

    /**
     * Publishes a stored version after the checks pass on what is stored at this moment; records who approved it. An
     * approved {@link ArticleVersion.Kind#WITHDRAWAL} takes the article offline instead: no version of it is live then.
     */
    Publication approve(DraftId draft, Consumer<State> checks, Approval approval) {
        return write(draft.articleId(), checks, true, (t, state) -> {
            ArticleVersion v = state.versions().get(draft.version() - 1);
            t.hset(approvalsKey(draft.articleId()), String.valueOf(draft.version()), json.write(approval));
            if (v.kind() == ArticleVersion.Kind.WITHDRAWAL) {
                t.hdel(publishedKey(), draft.articleId());
            } else {
                t.hset(publishedKey(), draft.articleId(), String.valueOf(draft.version()));
            }
            return v;
        });
    }

    /** Appends a version made from the article's state and publishes it in the same step (a roll-back). */
    Publication appendPublished(String articleId, Consumer<State> checks, IntFunction<java.util.function.Function<State, ArticleVersion>> make) {
        return write(articleId, checks, true, (t, state) -> {
            ArticleVersion v = make.apply(state.latest() + 1).apply(state);
            t.rpush(versionsKey(articleId), json.write(v));
            t.hset(publishedKey(), articleId, String.valueOf(v.number()));
            return v;
        });
    }

    private interface Writes {
        ArticleVersion apply(Transaction t, State state);
    }

    /**
     * Reads the article's state under WATCH, runs the checks and the writes in one transaction; a publish also raises
     * the release. Another editor's write in between aborts it: {@link ArticleChangedMeanwhile}, nothing stored.
     */
    private Publication write(String articleId, Consumer<State> checks, boolean publishes, Writes writes) {
        try (Jedis jedis = pool.getResource()) {
            jedis.watch(versionsKey(articleId), publishedKey());
            List<ArticleVersion> versions = jedis.lrange(versionsKey(articleId), 0, -1).stream()
                    .map(v -> json.read(v, ArticleVersion.class)).toList();
            String published = jedis.hget(publishedKey(), articleId);
            State state = new State(versions, published == null ? null : Integer.parseInt(published));
            try {
                checks.accept(state);
            } catch (RuntimeException e) {
                jedis.unwatch();
                throw e;
            }
            Transaction t = jedis.multi();
            ArticleVersion written = writes.apply(t, state);
            Response<Long> release = publishes ? t.incr(releaseKey()) : null;
            List<Object> done = t.exec();
            if (done == null || done.isEmpty()) {
                throw new ArticleChangedMeanwhile(articleId);
            }
            return new Publication(written, release == null ? 0 : release.get());
        }
    }

    private String versionsKey(String articleId) {
        return keys.key("knowledge", "article", articleId, "versions");
    }

    private String approvalsKey(String articleId) {
        return keys.key("knowledge", "article", articleId, "approvals");
    }

    private String publishedKey() {
        return keys.key("knowledge", "published");
    }

    private String releaseKey() {
        return keys.key("knowledge", "release");
    }

    private String idsKey() {
        return keys.key("knowledge", "ids");
    }

    private String seedLockKey() {
        return keys.key("lock", "knowledge", "seed");
    }
}
