package nl.loket.knowledge;

import com.github.tomakehurst.wiremock.WireMockServer;
import nl.loket.support.LoketInstance;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import from Open Producten against WireMock serving responses shaped like the examples of its OpenAPI contract
 * ({@code producttypen-openapi.yaml}: a paginated list of product types, and a product type's content element): paging,
 * a retry after a 503, drafts that wait for four eyes, unchanged product types left alone, an editor's waiting draft
 * never replaced, a withdrawn product type reported. Its own Loket on its own key prefix.
 */
class OpenProductenImportIT {

    static final String API = "/producttypen/api/v0";
    static final String TOKEN = "op-token-" + UUID.randomUUID();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static WireMockServer catalogue;
    static LoketInstance loket;

    @BeforeAll
    static void start() {
        catalogue = new WireMockServer(options().dynamicPort());
        catalogue.start();
        loket = new LoketInstance(TestRedis.serverUrl(), "loket-openproducten-" + UUID.randomUUID(), KnowledgePublishingIT.editors(
                "--loket.knowledge.open-producten.base-url=" + catalogue.baseUrl() + API,
                "--loket.knowledge.open-producten.token=" + TOKEN));
    }

    @AfterAll
    static void stop() {
        if (loket != null) {
            loket.close();
        }
        if (catalogue != null) {
            catalogue.stop();
        }
    }

    /** A product type as the contract's example has it, with this name, UPL and summary. */
    static String productType(String id, String name, String upl, String summary, boolean published) {
        return """
                {"id":"%s","uniforme_product_naam":"%s",
                 "prijzen":[{"id":"497f6eca-6276-4993-bfeb-53cbbbba6f08","prijsopties":[{"id":"497f6eca-6276-4993-bfeb-53cbbbba6f08","bedrag":"50.99","beschrijving":"normaal"}],"actief_vanaf":"2019-08-24"}],
                 "links":[{"id":"497f6eca-6276-4993-bfeb-53cbbbba6f08","naam":"Meer informatie","url":"https://www.nijmegen.nl/diensten/%s/"}],
                 "acties":[{"id":"497f6eca-6276-4993-bfeb-53cbbbba6f08","naam":"%s aanvragen","url":"https://loket.nijmegen.nl/aanvragen/%s"}],
                 "naam":"%s","samenvatting":"%s","taal":"nl","gepubliceerd":%s,
                 "aanmaak_datum":"2019-08-24T14:15:22Z","update_datum":"2026-11-24T14:15:22Z","code":"PT-12345",
                 "toegestane_statussen":["gereed"],"keywords":["auto"],"interne_opmerkingen":"interne opmerkingen..."}"""
                .formatted(id, upl, upl, name, upl, name, summary, published);
    }

    static void catalogueWith(String parkingSummary) {
        catalogue.resetAll();
        // The next link names the catalogue's own host (as the contract's example does): Loket asks its base URL.
        String page1 = "{\"count\":4,\"next\":\"http://api.example.org/producttypen/api/v0/producttypen/?page=2\",\"previous\":null,\"results\":["
                + productType("11111111-1111-4111-8111-111111111111", "Parkeervergunning", "parkeervergunning", parkingSummary, true) + ","
                + productType("22222222-2222-4222-8222-222222222222", "Aanleunwoning", "aanleunwoning",
                        "Een aanleunwoning is een woning dicht bij een zorgcentrum. U vraagt hem aan bij de woningcorporatie.", true)
                + "]}";
        String page2 = "{\"count\":4,\"next\":null,\"previous\":\"" + catalogue.baseUrl() + API + "/producttypen/\",\"results\":["
                + productType("33333333-3333-4333-8333-333333333333", "Hondenbelasting", "hondenbelasting", "Wie een hond heeft, betaalt hondenbelasting.", false) + ","
                + productType("44444444-4444-4444-8444-444444444444", "Standplaatsvergunning", "standplaatsvergunning", "Lang. ".repeat(70), true)
                + "]}";
        catalogue.stubFor(get(urlEqualTo(API + "/producttypen/")).withHeader("Authorization", equalTo("Token " + TOKEN))
                .willReturn(okJson(page1)));
        catalogue.stubFor(get(urlEqualTo(API + "/producttypen/?page=2")).withHeader("Authorization", equalTo("Token " + TOKEN))
                .willReturn(okJson(page2)));
        catalogue.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlMatching(API + "/producttypen/[0-9a-f-]+/content/"))
                .willReturn(okJson("""
                        {"id":"497f6eca-6276-4993-bfeb-53cbbbba6f08","labels":["openingstijden"],"content":"ma-vr 8:00-17:00",
                         "taal":"nl","product_type_id":"5f6a2219-5768-4e11-8a8e-ffbafff32482"}""")));
    }

    static JsonNode sync(String editor) {
        HttpResponse<String> r = loket.agentPost(editor, "/api/knowledge/open-producten/sync", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    @Test
    void productTypesBecomeDraftsWithTheCataloguesFactsAndWaitForASecondEditor() {
        catalogueWith("Voor parkeren in uw straat heeft u een vergunning nodig. U vraagt hem online aan.");
        // The first answer is a 503: the import tries again.
        catalogue.stubFor(get(urlEqualTo(API + "/producttypen/")).inScenario("busy").whenScenarioStateIs(
                com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willReturn(aResponse().withStatus(503))
                .willSetStateTo("answering"));

        JsonNode report = sync("redacteur-a");

        assertThat(texts(report.get("drafted"))).containsExactlyInAnyOrder("parkeervergunning", "aanleunwoning");
        assertThat(texts(report.get("withdrawnUpstream"))).containsExactly("hondenbelasting");
        assertThat(report.get("notImported").get("standplaatsvergunning").asString()).startsWith("summary");
        assertThat(report.get("productTypes").asInt()).isEqualTo(4);
        catalogue.verify(2, getRequestedFor(urlEqualTo(API + "/producttypen/")));

        KnowledgeEditing editing = loket.bean(KnowledgeEditing.class);
        ArticleHistory parking = editing.history("nl-parkeervergunning").orElseThrow();
        VersionView draft = parking.versions().get(parking.versions().size() - 1);
        assertThat(draft.author()).isEqualTo(OpenProductenImport.AUTHOR);
        assertThat(draft.status()).isEqualTo("DRAFT");
        assertThat(parking.publishedVersion()).as("not live before a second editor approves").isLessThan(draft.number());
        assertThat(draft.article().body()).contains("Openingstijden: ma-vr 8:00-17:00").contains("Kosten: € 50,99 (normaal).")
                .contains("1. Parkeervergunning aanvragen: https://loket.nijmegen.nl/aanvragen/parkeervergunning");
        assertThat(draft.article().source()).isEqualTo("https://www.nijmegen.nl/diensten/parkeervergunning/");
        assertThat(draft.article().keywords()).contains("parkeervergunning");
        assertThat(editing.history("nl-aanleunwoning")).as("a new topic").isPresent();
        assertThat(editing.history("nl-hondenbelasting")).as("withdrawn: reported, not imported").isEmpty();

        // Nothing changed upstream: nothing new.
        JsonNode again = sync("redacteur-a");
        assertThat(texts(again.get("drafted"))).isEmpty();
        assertThat(texts(again.get("unchanged"))).containsExactlyInAnyOrder("parkeervergunning", "aanleunwoning");

        // An editor works on the parking article; a change upstream is reported, never put over their draft.
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        Article base = draft.article();
        fields.put("topic", base.topic());
        fields.put("language", "nl");
        fields.put("title", base.title());
        fields.put("summary", "Een parkeervergunning vraagt u online aan. Een redacteur schreef dit.");
        fields.put("body", base.body());
        fields.put("source", base.source());
        fields.put("examples", base.examples());
        fields.put("keywords", base.keywords());
        HttpResponse<String> editor = loket.agentPost("redacteur-b", "/api/knowledge/drafts", JSON.writeValueAsString(fields));
        assertThat(editor.statusCode()).as(editor.body()).isEqualTo(201);
        catalogueWith("Voor parkeren in uw straat heeft u een vergunning nodig. De vergunning kost nu meer.");
        JsonNode third = sync("redacteur-a");
        assertThat(third.get("notImported").get("parkeervergunning").asString()).contains("redacteur-b").contains("waits");
        ArticleHistory after = editing.history("nl-parkeervergunning").orElseThrow();
        assertThat(after.versions().get(after.versions().size() - 1).author()).isEqualTo("redacteur-b");

        assertThat(loket.agentPost("agent0", "/api/knowledge/open-producten/sync", "").statusCode()).isEqualTo(403);
    }
}
