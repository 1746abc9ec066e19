package nl.loket.knowledge;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a bigger knowledge base costs: a municipality has several hundred products. The shipped articles are copied to
 * 40, 400 and 4,000 articles (each copy its own topic, its examples made distinct), then per size: the time to build
 * the search index and to train the topic categorizer (what every publish does), the heap the knowledge base holds,
 * and the retrieval latency over the shipped example questions. Without the residents' labelled questions, so every
 * size is built alike. Prints figures; asserts nothing about time. Tag {@code benchmark};
 * {@code -Dloket.bench.articles=40,400} to choose the sizes.
 */
@Tag("benchmark")
class KnowledgeSizeBenchmark {

    @Test
    void buildTimeMemoryAndAnswerLatencyPerSize() {
        List<Article> shipped = ArticleLoader.load(ArticleLoader.DEFAULT_LOCATION);
        List<String> questions = shipped.stream().flatMap(a -> a.examples().stream().limit(3)).toList();
        System.out.printf("%-9s %-12s %-14s %-10s %-14s%n", "articles", "index (ms)", "training (ms)", "heap (MB)",
                "retrieve p50/p99 (ms)");
        for (String size : System.getProperty("loket.bench.articles", "40,400,4000").split(",")) {
            int n = Integer.parseInt(size.strip());
            List<Article> articles = copies(shipped, n);
            long before = usedHeap();
            long start = System.nanoTime();
            try (KnowledgeBase base = new KnowledgeBase(articles, List.of(), KnowledgeBase.ANSWER_THRESHOLD, Calibration.DEFAULT)) {
                long built = System.nanoTime() - start;
                long heap = usedHeap() - before;
                long[] latencies = new long[questions.size()];
                for (int round = 0; round < 2; round++) { // the first round warms up
                    for (int i = 0; i < questions.size(); i++) {
                        String q = questions.get(i);
                        long t = System.nanoTime();
                        base.retrieve(q, "nl");
                        latencies[i] = System.nanoTime() - t;
                    }
                }
                Arrays.sort(latencies);
                System.out.printf("%-9d %-12d %-14d %-10d %.2f / %.2f   (build in all %d ms)%n", n, base.indexTime().toMillis(),
                        base.trainingTime().toMillis(), heap / (1024 * 1024), latencies[latencies.length / 2] / 1e6,
                        latencies[(int) (latencies.length * 0.99)] / 1e6, built / 1_000_000);
            }
        }
    }

    /** {@code n} articles: the shipped ones first, then copies with a topic and examples of their own. */
    private static List<Article> copies(List<Article> shipped, int n) {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Article a = shipped.get(i % shipped.size());
            int copy = i / shipped.size();
            if (copy == 0) {
                out.add(a);
                continue;
            }
            String topic = a.topic() + "-" + copy;
            String mark = " wijk" + copy;
            out.add(new Article(a.language() + "-" + topic, topic, a.language(), a.title() + mark, a.summary(), a.body(),
                    a.source(), a.lastReviewed(), List.of(), a.examples().stream().map(e -> e + mark).toList(), a.keywords(),
                    a.sample()));
        }
        return out;
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }
}
