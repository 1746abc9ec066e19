package nl.loket.knowledge;

import nl.loket.support.LoketInstance;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Publish to answered on a second instance: an editor changes the summary of an article, a second editor approves it
 * on instance a (the evaluation gate included), and the time runs until instance b answers a resident with the new
 * text. Twenty publishes by default ({@code -Dloket.bench.publishes=N}); a reworded summary, no new example, so no
 * new training. Prints p50 and p95 of the approval and of publish-to-answered; asserts nothing about time. Tag
 * {@code benchmark}.
 */
@Tag("benchmark")
class PublishToLiveBenchmark {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void publishToAnsweredOnASecondInstance() throws Exception {
        int publishes = Integer.getInteger("loket.bench.publishes", 20);
        String prefix = "loket-publish-bench-" + UUID.randomUUID();
        String redis = TestRedis.serverUrl();
        try (LoketInstance a = new LoketInstance(redis, prefix, KnowledgePublishingIT.editors());
             LoketInstance b = new LoketInstance(redis, prefix, KnowledgePublishingIT.editors())) {
            List<Long> approvals = new ArrayList<>();
            List<Long> live = new ArrayList<>();
            for (int i = 1; i <= publishes; i++) {
                String marker = "Kenmerk van deze versie: " + i + ".";
                JsonNode article = JSON.readTree(a.agentGet("redacteur-a", "/api/knowledge/articles/nl-grofvuil").body());
                JsonNode versions = article.get("versions");
                ObjectNode draft = (ObjectNode) versions.get(versions.size() - 1).get("article").deepCopy();
                draft.remove(List.of("id", "lastReviewed", "sample"));
                draft.put("summary", "Grofvuil haalt de gemeente op. Maak eerst online een afspraak. " + marker);
                HttpResponse<String> saved = a.agentPost("redacteur-a", "/api/knowledge/drafts", JSON.writeValueAsString(draft));
                String id = JSON.readTree(saved.body()).get("id").asString();

                long start = System.nanoTime();
                HttpResponse<String> approved = a.agentPost("redacteur-b", "/api/knowledge/drafts/" + id + "/approve", "");
                long approvedAt = System.nanoTime();
                if (approved.statusCode() != 200) {
                    throw new IllegalStateException("publish " + i + " refused: " + approved.body());
                }
                while (!b.sendChat(b.openChat(), KnowledgePublishingIT.QUESTION).body().contains(marker)) {
                    if (System.nanoTime() - start > 120_000_000_000L) {
                        throw new IllegalStateException("publish " + i + " not answered on b within 2 minutes");
                    }
                    Thread.sleep(20);
                }
                approvals.add((approvedAt - start) / 1_000_000);
                live.add((System.nanoTime() - start) / 1_000_000);
            }
            System.out.printf("Publish to answered on a second instance, %d publishes: approval p50 %d ms, p95 %d ms;"
                    + " answered on b p50 %d ms, p95 %d ms, max %d ms%n", publishes, percentile(approvals, 50),
                    percentile(approvals, 95), percentile(live, 50), percentile(live, 95), percentile(live, 100));
        }
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
