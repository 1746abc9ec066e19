package nl.loket.knowledge;

import nl.loket.platform.RedisKeys;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A release is trained once across instances: the others load the model the first one offered, through real Redis. */
class SharedModelsTest {

    static JedisPool pool;

    @BeforeAll
    static void connect() {
        pool = new JedisPool(URI.create(TestRedis.serverUrl()));
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void aSecondInstanceLoadsTheModelTheFirstTrainedInsteadOfTrainingItAgain() {
        Counting shared = new Counting(new RedisSharedModels(pool, new RedisKeys("loket-models-" + UUID.randomUUID())));
        List<Article> articles = ArticleLoader.load(ArticleLoaderTest.VALID);
        TopicCategorizer.forgetTrainedModels();
        try (KnowledgeBase first = new KnowledgeBase(articles, List.of(), KnowledgeBase.ANSWER_THRESHOLD, Calibration.DEFAULT, shared)) {
            TopicCategorizer.forgetTrainedModels(); // the second instance is another process
            try (KnowledgeBase second = new KnowledgeBase(articles, List.of(), KnowledgeBase.ANSWER_THRESHOLD, Calibration.DEFAULT, shared)) {
                assertThat(second.categorizer().sharesModelWith(first.categorizer())).isFalse();
                assertThat(second.categorizer().probabilities("mijn oude kast moet weg", "nl"))
                        .isEqualTo(first.categorizer().probabilities("mijn oude kast moet weg", "nl"));
                // trained once (one offer), loaded once by the second instance
                assertThat(shared.offers).isEqualTo(1);
                assertThat(shared.found).isEqualTo(1);
            }
        }
    }

    /** Counts what the instances ask of the shared store. */
    static final class Counting implements SharedModels {
        final SharedModels inner;
        int offers;
        int found;

        Counting(SharedModels inner) {
            this.inner = inner;
        }

        @Override
        public java.util.Optional<byte[]> find(String digest) {
            java.util.Optional<byte[]> model = inner.find(digest);
            found += model.isPresent() ? 1 : 0;
            return model;
        }

        @Override
        public void offer(String digest, byte[] model) {
            offers++;
            inner.offer(digest, model);
        }
    }

    @Test
    void aDamagedSharedModelIsNotTrustedAndTheInstanceTrainsItsOwn() {
        RedisKeys keys = new RedisKeys("loket-models-" + UUID.randomUUID());
        RedisSharedModels shared = new RedisSharedModels(pool, keys);
        List<Article> articles = ArticleLoader.load(ArticleLoaderTest.VALID);
        TopicCategorizer.forgetTrainedModels();
        try (KnowledgeBase first = new KnowledgeBase(articles, List.of(), KnowledgeBase.ANSWER_THRESHOLD, Calibration.DEFAULT, shared)) {
            try (Jedis jedis = pool.getResource()) {
                for (String key : jedis.keys(keys.key("knowledge", "model", "*"))) {
                    jedis.set(key.getBytes(StandardCharsets.UTF_8), "not a model".getBytes(StandardCharsets.UTF_8),
                            redis.clients.jedis.params.SetParams.setParams().px(60_000));
                }
            }
            TopicCategorizer.forgetTrainedModels();
            try (KnowledgeBase again = new KnowledgeBase(articles, List.of(), KnowledgeBase.ANSWER_THRESHOLD, Calibration.DEFAULT, shared)) {
                assertThat(again.categorizer().probabilities("mijn oude kast moet weg", "nl"))
                        .isEqualTo(first.categorizer().probabilities("mijn oude kast moet weg", "nl"));
            }
        }
    }

    @Test
    void aCandidateForTheTestBoxLoadsASharedModelButOffersNone() {
        Counting shared = new Counting(SharedModels.NONE);
        shared.readOnly().offer("abc", new byte[] {1});
        assertThat(shared.offers).isZero();
    }

    @Test
    void theFirstOfferWinsAndIsKeptForAnHour() {
        RedisKeys keys = new RedisKeys("loket-models-" + UUID.randomUUID());
        RedisSharedModels shared = new RedisSharedModels(pool, keys);
        shared.offer("abc", new byte[] {1, 2, 3});
        shared.offer("abc", new byte[] {9});
        assertThat(shared.find("abc")).hasValue(new byte[] {1, 2, 3});
        assertThat(shared.find("other")).isEmpty();
        try (Jedis jedis = pool.getResource()) {
            assertThat(jedis.pttl(keys.key("knowledge", "model", "abc"))).isBetween(RedisSharedModels.KEPT.toMillis() - 60_000,
                    RedisSharedModels.KEPT.toMillis());
        }
    }
}
