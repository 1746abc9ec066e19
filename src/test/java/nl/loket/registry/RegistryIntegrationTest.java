package nl.loket.registry;

import com.github.tomakehurst.wiremock.WireMockServer;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Identity;
import nl.loket.handoff.HandoffService;
import nl.loket.support.HandoffIntegrationTest;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The full application with the registry on, pointed at WireMock playing the Klantinteracties API
 * (token, fast retries, short lease). Residents write and agents close through the real APIs; every
 * registry test shares this configuration, so Spring starts it once.
 */
abstract class RegistryIntegrationTest extends HandoffIntegrationTest {

    static final String API = "/klantinteracties/api/v1";
    static final String TOKEN = "ki-test-token-123";
    static final String ASSISTANT_ACTOR = "0b6a3d5e-0000-4000-8000-00000000a551";
    static final String AGENTS_ACTOR = "0b6a3d5e-0000-4000-8000-0000000a6e47";
    static final int MAX_REDELIVERIES = 3;
    static final WireMockServer KI = startApi();

    @Autowired ContactService contacts;
    @Autowired HandoffService handoff;
    @Autowired RegistrationJobs jobs;
    @Autowired DeadLetters deadLetters;
    @Autowired CamelContext camel;

    @DynamicPropertySource
    static void klantinteracties(DynamicPropertyRegistry registry) {
        // Its own keys: the registry reacts to every close in its Redis, and the other test contexts (registry off)
        // close conversations too. In production every instance of one Loket has the same settings.
        registry.add("loket.redis.key-prefix", () -> nl.loket.support.TestRedis.KEY_PREFIX + "-registry");
        registry.add("loket.klantinteracties.base-url", () -> KI.baseUrl() + API);
        registry.add("loket.klantinteracties.token", () -> TOKEN);
        registry.add("loket.klantinteracties.timeout", () -> "700ms");
        registry.add("loket.klantinteracties.max-redeliveries", () -> MAX_REDELIVERIES);
        registry.add("loket.klantinteracties.retry-delay-ms", () -> "20");
        registry.add("loket.klantinteracties.poll-interval", () -> "100ms");
        registry.add("loket.klantinteracties.lease", () -> "3s");
    }

    private static WireMockServer startApi() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    @Autowired nl.loket.platform.reactions.Reactions reactions;

    @BeforeEach
    void apiWorks() {
        // Registration follows a close a moment later (a reaction in the background): let the previous test's
        // closes finish registering, so they are not counted as this test's requests.
        await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(reactions.backlogPerGroup()).as("reactions not finished").isEmpty();
            assertThat(jobs.queuedConversations()).as("registrations queued, with their steps: %s",
                    jobs.queuedConversations().stream().map(id -> id + "=" + jobs.progress(id).keySet() + " attempts " + jobs.attempts(id)).toList()).isEmpty();
        });
        KI.resetAll();
        KI.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(API + "/actoren")).willReturn(json(200, "{\"count\":0,\"results\":[]}")));
        KI.stubFor(post(urlEqualTo(API + "/actoren"))
                .withRequestBody(matchingJsonPath("$.soortActor", equalTo("geautomatiseerde_actor")))
                .willReturn(created(ASSISTANT_ACTOR)));
        KI.stubFor(post(urlEqualTo(API + "/actoren"))
                .withRequestBody(matchingJsonPath("$.soortActor", equalTo("organisatorische_eenheid")))
                .willReturn(created(AGENTS_ACTOR)));
        KI.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(API + "/klantcontacten"))
                .willReturn(json(200, "{\"count\":0,\"results\":[]}")));
        KI.stubFor(post(urlEqualTo(API + "/maak-klantcontact")).atPriority(10).willReturn(made(UUID.randomUUID().toString())));
        for (String collection : List.of("digitaleadressen", "actorklantcontacten", "internetaken")) {
            KI.stubFor(post(urlEqualTo(API + "/" + collection)).atPriority(10).willReturn(created(UUID.randomUUID().toString())));
        }
    }

    // ---- helpers ----

    /** A chat that asks for a person, an agent's reply, and a close with the given resolution. */
    String referredChat(String question, String resolution) {
        Chat chat = chat();
        assertThat(say(chat, question).get("outcome").asString()).isEqualTo("ESCALATED");
        String conversationId = contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id();
        answerAndClose(conversationId, resolution);
        return conversationId;
    }

    String closedSms(String from, String text, String resolution) {
        sms(from, text);
        String residentId = contacts.residentIdOf(Identity.phone(from)).orElseThrow();
        String conversationId = contacts.history(residentId).get(0).conversationId();
        answerAndClose(conversationId, resolution);
        return conversationId;
    }

    private void answerAndClose(String conversationId, String resolution) {
        String task = handoff.taskOfConversation(conversationId).orElseThrow().id();
        String path = "/api/agent/handoffs/" + task;
        assertThat(agentPost("agent1", path + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(agentPost("agent1", path + "/messages",
                "{\"text\":\"Wij nemen uw aanvraag voor een nieuw paspoort in behandeling. U hoort binnen twee dagen van ons.\"}")
                .statusCode()).isEqualTo(202);
        HttpResponse<String> closed = agentPost("agent1", path + "/close", "{\"resolution\":\"" + resolution + "\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    }

    void awaitRegistered(String conversationId) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> jobs.isDone(conversationId) || deadLetters.find(conversationId).isPresent());
        assertThat(deadLetters.find(conversationId)).as("no dead letter").isEmpty();
        assertThat(jobs.queued(conversationId)).isFalse();
    }

    DeadLetter awaitDeadLetter(String conversationId) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> deadLetters.find(conversationId).isPresent());
        return deadLetters.find(conversationId).orElseThrow();
    }

    List<JsonNode> bodies(String collection) {
        return KI.findAll(postRequestedFor(urlEqualTo(API + "/" + collection))).stream()
                .map(r -> json.readTree(r.getBodyAsString())).toList();
    }

    JsonNode onlyBody(String collection) {
        List<JsonNode> all = bodies(collection);
        assertThat(all).as(collection).hasSize(1);
        return all.get(0);
    }

    static JsonNode findById(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (id.equals(node.get("id").asString())) {
                return node;
            }
        }
        throw new AssertionError("no dead letter " + id + " in " + array);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String uuid) {
        return json(201, "{\"uuid\":\"" + uuid + "\",\"url\":\"" + KI.baseUrl() + API + "/x/" + uuid + "\"}");
    }

    /** What {@code /maak-klantcontact} answers: the three resources it made. */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder made(String klantcontactUuid) {
        return json(201, "{\"klantcontact\":{\"uuid\":\"" + klantcontactUuid + "\",\"url\":\"" + KI.baseUrl() + API
                + "/klantcontacten/" + klantcontactUuid + "\"},\"betrokkene\":{\"uuid\":\"" + UUID.randomUUID()
                + "\"},\"onderwerpobject\":{\"uuid\":\"" + UUID.randomUUID() + "\"}}");
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
