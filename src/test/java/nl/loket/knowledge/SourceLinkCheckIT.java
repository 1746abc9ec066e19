package nl.loket.knowledge;

import com.github.tomakehurst.wiremock.WireMockServer;
import nl.loket.platform.RedisKeys;
import nl.loket.support.LoketInstance;
import nl.loket.support.TestRedis;
import nl.loket.support.WorkbenchSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An article whose source page is gone shows up for the editors as broken: in the list ("werkt niet (404)", and under
 * the filter for broken links), on the article page and in the editors' API. The municipality's site is played by
 * WireMock; the other articles are never checked here. The supervisors' indicators count it, and its review date
 * long past.
 */
class SourceLinkCheckIT {

    static final String GONE = "/diensten/grofvuil-oud/";
    static final String MOVED_BACK = "/diensten/paspoort-nieuw/";

    static WireMockServer site = new WireMockServer(options().dynamicPort());
    static LoketInstance loket;
    static int port;

    @BeforeAll
    static void start() {
        site.start();
        site.stubFor(head(urlEqualTo(GONE)).willReturn(aResponse().withStatus(404)));
        loket = new LoketInstance(TestRedis.serverUrl(), "loket-links-" + UUID.randomUUID(), KnowledgePublishingIT.editors(
                "--loket.knowledge.links.timeout=5s"));
        port = URI.create(loket.url("/")).getPort();
        publishGrofvuilWithSource(site.baseUrl() + GONE);
    }

    @AfterAll
    static void stop() {
        if (loket != null) {
            loket.close();
        }
        site.stop();
    }

    /**
     * Publishes nl-grofvuil again with another source, straight into the store: the editors' rules take only https
     * links and the test site speaks http.
     */
    static void publishGrofvuilWithSource(String source) {
        publishWithSource("grofvuil", source, LocalDate.of(2020, 1, 6));
    }

    static void publishWithSource(String topic, String source, LocalDate reviewed) {
        Article live = loket.bean(CurrentKnowledge.class).current().article(topic, "nl").orElseThrow();
        Article moved = new Article(live.id(), live.topic(), live.language(), live.title(), live.summary(), live.body(),
                source, reviewed == null ? live.lastReviewed() : reviewed, live.related(), live.examples(), live.keywords(),
                live.sample());
        loket.bean(ArticleVersions.class).appendPublished(live.id(), state -> { }, number -> state ->
                new ArticleVersion(number, ArticleVersion.Kind.IMPORT, moved, "test", Instant.now(), List.of("source"), "",
                        state.published(), null));
    }

    @Test
    void anArticleWhoseSourceAnswers404IsListedAsBrokenForTheEditorsAndCountedInTheIndicators() {
        SourceLinks links = loket.bean(SourceLinks.class);
        WorkbenchSession editor = new WorkbenchSession(port);
        assertThat(editor.login("redacteur-a", LoketInstance.AGENT_PASSWORD).statusCode()).isEqualTo(302);
        assertThat(row(editor.get("/redactie").body(), "nl-grofvuil")).contains("nog niet gecontroleerd");

        assertThat(links.check(List.of("nl-grofvuil"))).isEqualTo(1);

        site.verify(headRequestedFor(urlEqualTo(GONE)));
        String list = editor.get("/redactie").body();
        assertThat(row(list, "nl-grofvuil")).contains("werkt niet (404)");
        assertThat(row(list, "en-grofvuil")).as("never checked here").contains("nog niet gecontroleerd");
        String onlyBroken = editor.get("/redactie?bron=werkt-niet").body();
        assertThat(onlyBroken).contains("data-article=\"nl-grofvuil\"").doesNotContain("data-article=\"en-grofvuil\"")
                .contains("1 artikelen");
        assertThat(editor.get("/redactie/artikelen/nl-grofvuil").body()).contains("id=\"source-check\"")
                .contains("werkt niet (404), gecontroleerd");

        String api = loket.agentGet("redacteur-a", "/api/knowledge/articles?topic=grofvuil&language=nl").body();
        assertThat(api).contains("\"sourceStatus\":\"BROKEN\"").contains("\"sourceHttpStatus\":404")
                .contains("\"sourceCheckedAt\":\"");

        String indicators = loket.agentGet("teamleider", "/api/insight/indicators").body();
        assertThat(indicators).as("counted in the supervisors' indicators; the review date was set long ago")
                .contains("\"pastReview\":1").contains("\"brokenSource\":1");
    }

    @Test
    void anEditorChecksASourceLinkNowFromTheArticlePage() {
        site.stubFor(head(urlEqualTo(MOVED_BACK)).willReturn(aResponse().withStatus(200)));
        publishWithSource("paspoort", site.baseUrl() + MOVED_BACK, null); // its review date as it was
        WorkbenchSession editor = new WorkbenchSession(port);
        assertThat(editor.login("redacteur-b", LoketInstance.AGENT_PASSWORD).statusCode()).isEqualTo(302);
        String before = editor.get("/redactie/artikelen/nl-paspoort").body();
        assertThat(before).contains("nog niet gecontroleerd").contains("Bronlink nu controleren");

        String after = editor.submit("/redactie/artikelen/nl-paspoort/bron-controleren", java.util.Map.of()).body();

        site.verify(headRequestedFor(urlEqualTo(MOVED_BACK)));
        assertThat(after).contains("De bronlink is nu gecontroleerd.").contains("OK, gecontroleerd");
        assertThat(editor.postWithoutToken("/redactie/artikelen/nl-paspoort/bron-controleren", java.util.Map.of()).statusCode())
                .as("without the form's CSRF token").isEqualTo(403);
    }

    @Test
    void whileAnotherInstanceHoldsTheLockNoSourceIsChecked() {
        RedisKeys keys = loket.bean(RedisKeys.class);
        String lock = keys.key("lock", "knowledge", "links");
        @SuppressWarnings("unchecked")
        Pool<Jedis> pool = loket.bean(Pool.class);
        try (Jedis jedis = pool.getResource()) {
            jedis.set(lock, "another-instance");
            int before = site.findAll(anyRequestedFor(anyUrl())).size();
            assertThat(loket.bean(SourceLinks.class).check(List.of("nl-grofvuil"))).isZero();
            assertThat(site.findAll(anyRequestedFor(anyUrl()))).hasSize(before);
            assertThat(jedis.get(lock)).as("another's lock is left alone").isEqualTo("another-instance");
            jedis.del(lock);
        }
    }

    private static String row(String page, String articleId) {
        int start = page.indexOf("data-article=\"" + articleId + "\"");
        assertThat(start).as(articleId + " listed").isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
