package nl.loket.registry;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import nl.loket.contact.Conversation;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Registration in the Klantinteracties API end to end: residents write, agents close through the real
 * agent API, the real Camel route sends to WireMock playing the API (success, 400, 500, timeout) and
 * the real Redis keeps the outbox, the progress and the dead letters.
 */
class KlantinteractiesRegistrationIT extends RegistryIntegrationTest {

    // ---- success: the exact bodies ----

    @Test
    void aReferredChatIsRegisteredWithBetrokkeneActorsAndAnInterneTaak() {
        String conversationId = referredChat("Ik wil een medewerker spreken over mijn paspoort. Mijn BSN is 111222333.",
                "REFERRED");
        awaitRegistered(conversationId);

        List<LoggedRequest> all = KI.findAll(postRequestedFor(urlPathEqualTo(API + "/maak-klantcontact")));
        assertThat(all).hasSize(1);
        assertThat(all.get(0).getHeader("Authorization")).isEqualTo("Token " + TOKEN);
        JsonNode made = json.readTree(all.get(0).getBodyAsString());
        assertThat(made.properties().stream().map(Map.Entry::getKey))
                .containsExactly("klantcontact", "betrokkene", "onderwerpobject");
        JsonNode klantcontact = made.get("klantcontact");
        Conversation conversation = contacts.conversation(conversationId).orElseThrow();
        assertThat(klantcontact.get("kanaal").asString()).isEqualTo("Live chat");
        assertThat(klantcontact.get("taal").asString()).isEqualTo("nld");
        assertThat(klantcontact.get("vertrouwelijk").asBoolean()).isFalse();
        assertThat(klantcontact.get("indicatieContactGelukt").asBoolean()).isTrue();
        assertThat(klantcontact.get("plaatsgevondenOp").asString())
                .isEqualTo(conversation.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        assertThat(klantcontact.get("onderwerp").asString()).isNotBlank().hasSizeLessThanOrEqualTo(200);
        String inhoud = klantcontact.get("inhoud").asString();
        assertThat(inhoud).hasSizeLessThanOrEqualTo(1000)
                .startsWith("Uw vraag: Ik wil een medewerker spreken over mijn paspoort. Mijn BSN is [BSN].")
                .contains("Ons antwoord: Wij nemen uw aanvraag voor een nieuw paspoort in behandeling")
                .doesNotContain("111222333");
        assertThat(klantcontact.properties().stream().map(Map.Entry::getKey)).containsExactlyInAnyOrder(
                "kanaal", "onderwerp", "inhoud", "indicatieContactGelukt", "taal", "vertrouwelijk", "plaatsgevondenOp");

        assertThat(made.get("betrokkene").toString()).isEqualTo("{\"rol\":\"klant\",\"initiator\":true}");
        assertThat(made.get("onderwerpobject").toString()).isEqualTo("{\"onderwerpobjectidentificator\":{\"objectId\":\""
                + conversationId + "\",\"codeObjecttype\":\"gesprek\",\"codeRegister\":\"loket\",\"codeSoortObjectId\":\"id\"}}");
        String klantcontactUuid = jobs.step(conversationId, "klantcontact").orElseThrow().uuid();
        assertThat(KI.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(API + "/klantcontacten"))))
                .as("nothing to look up on a first try").isEmpty();
        assertThat(KI.findAll(postRequestedFor(urlEqualTo(API + "/digitaleadressen"))))
                .as("an anonymous chat visitor leaves no address").isEmpty();

        List<String> links = bodies("actorklantcontacten").stream().map(JsonNode::toString).toList();
        assertThat(links).containsExactlyInAnyOrder(
                "{\"actor\":{\"uuid\":\"" + ASSISTANT_ACTOR + "\"},\"klantcontact\":{\"uuid\":\"" + klantcontactUuid + "\"}}",
                "{\"actor\":{\"uuid\":\"" + AGENTS_ACTOR + "\"},\"klantcontact\":{\"uuid\":\"" + klantcontactUuid + "\"}}");

        JsonNode taak = onlyBody("internetaken");
        assertThat(taak.get("aanleidinggevendKlantcontact").get("uuid").asString()).isEqualTo(klantcontactUuid);
        assertThat(taak.get("toegewezenAanActoren").get(0).get("uuid").asString()).isEqualTo(AGENTS_ACTOR);
        assertThat(taak.get("status").asString()).isEqualTo("te_verwerken");
        assertThat(taak.get("gevraagdeHandeling").asString()).hasSizeLessThanOrEqualTo(200)
                .contains(conversation.reference());
        assertThat(taak.get("toelichting").asString()).hasSizeLessThanOrEqualTo(1000)
                .contains("De reden: inwoner wil een medewerker spreken").contains("paspoort").doesNotContain("111222333");
    }

    @Test
    void theActorsAreCreatedOnceAndThenReused() {
        awaitRegistered(referredChat("Ik wil een medewerker spreken", "ANSWERED"));
        KI.resetRequests();
        awaitRegistered(referredChat("Ik wil een medewerker spreken over de WOZ", "ANSWERED"));
        assertThat(KI.findAll(postRequestedFor(urlEqualTo(API + "/actoren")))).isEmpty();
        assertThat(bodies("actorklantcontacten")).hasSize(2);
        assertThat(KI.findAll(postRequestedFor(urlEqualTo(API + "/internetaken"))))
                .as("answered by the agent: nothing left for the back office").isEmpty();
    }

    @Test
    void aLongQuestionIsCutToTheApisLimitOnAWord() {
        String longQuestion = "Ik wil een medewerker spreken over " + "de container voor papier en karton ".repeat(60);
        String conversationId = referredChat(longQuestion.strip(), "ANSWERED");
        awaitRegistered(conversationId);
        String inhoud = onlyBody("maak-klantcontact").get("klantcontact").get("inhoud").asString();
        assertThat(inhoud).hasSizeLessThanOrEqualTo(1000).contains("…").contains("Ons antwoord:");
        String kept = inhoud.substring("Uw vraag: ".length(), inhoud.indexOf('…'));
        assertThat(kept).doesNotEndWith(" ");
        assertThat(longQuestion).as("cut after a whole word").startsWith(kept + " ");
    }

    // ---- SMS: a phone number as digital address; 500s retried ----

    @Test
    void serverErrorsAreRetriedAndTheContactIsRegisteredOnce() {
        KI.stubFor(post(urlEqualTo(API + "/maak-klantcontact")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(500, "{\"detail\":\"database busy\"}")).willSetStateTo("second"));
        KI.stubFor(post(urlEqualTo(API + "/maak-klantcontact")).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(json(503, "")).willSetStateTo("up"));
        KI.stubFor(post(urlEqualTo(API + "/maak-klantcontact")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(made(UUID.randomUUID().toString())));
        String mobile = randomMobile();
        String conversationId = closedSms(mobile, "Ik wil een medewerker spreken", "ANSWERED");
        awaitRegistered(conversationId);

        assertThat(KI.findAll(postRequestedFor(urlEqualTo(API + "/maak-klantcontact")).withRequestBody(containing(conversationId)))).hasSize(3);
        assertThat(KI.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(API + "/klantcontacten"))))
                .as("before each retry Loket looks whether the failed try created it after all").hasSize(2);
        assertThat(bodies("maak-klantcontact").get(2).get("klantcontact").get("kanaal").asString()).isEqualTo("SMS");
        JsonNode adres = onlyBody("digitaleadressen");
        assertThat(adres.get("adres").asString()).isEqualTo(mobile);
        assertThat(adres.get("soortDigitaalAdres").asString()).isEqualTo("telefoonnummer");
        assertThat(adres.get("verstrektDoorBetrokkene").get("uuid").asString())
                .isEqualTo(jobs.step(conversationId, "betrokkene").orElseThrow().uuid());
        assertThat(deadLetters.find(conversationId)).isEmpty();
    }

    @Test
    void aTimeoutIsRetriedWithoutASecondKlantcontactWhenTheSlowTryCreatedIt() {
        // The API is slow: Loket gives up waiting, but the API did create the contact.
        KI.stubFor(post(urlEqualTo(API + "/maak-klantcontact"))
                .willReturn(made(UUID.randomUUID().toString()).withFixedDelay(1500)));
        String conversationId = referredChat("Ik wil een medewerker spreken", "ANSWERED");
        String createdBySlowTry = UUID.randomUUID().toString();
        String betrokkeneOfSlowTry = UUID.randomUUID().toString();
        KI.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(API + "/klantcontacten"))
                .withQueryParam("onderwerpobject__onderwerpobjectidentificatorCodeRegister", equalTo("loket"))
                .withQueryParam("onderwerpobject__onderwerpobjectidentificatorObjectId", equalTo(conversationId))
                .willReturn(json(200, "{\"count\":1,\"results\":[{\"uuid\":\"" + createdBySlowTry
                        + "\",\"hadBetrokkenen\":[{\"uuid\":\"" + betrokkeneOfSlowTry + "\"}]}]}")));
        awaitRegistered(conversationId);

        assertThat(KI.findAll(postRequestedFor(urlEqualTo(API + "/maak-klantcontact")).withRequestBody(containing(conversationId)))).hasSize(1);
        assertThat(jobs.step(conversationId, "klantcontact").orElseThrow().uuid()).isEqualTo(createdBySlowTry);
        assertThat(jobs.step(conversationId, "betrokkene").orElseThrow().uuid()).isEqualTo(betrokkeneOfSlowTry);
        assertThat(bodies("actorklantcontacten")).allSatisfy(link ->
                assertThat(link.get("klantcontact").get("uuid").asString()).isEqualTo(createdBySlowTry));
    }

    @Test
    void aTimeoutIsRetriedAndSentAgainWhenTheApiHasNothing() {
        KI.stubFor(post(urlEqualTo(API + "/maak-klantcontact")).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(504, "").withFixedDelay(1500)).willSetStateTo("fast"));
        KI.stubFor(post(urlEqualTo(API + "/maak-klantcontact")).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(made(UUID.randomUUID().toString())));
        String conversationId = referredChat("Ik wil een medewerker spreken", "ANSWERED");
        awaitRegistered(conversationId);
        assertThat(KI.findAll(postRequestedFor(urlEqualTo(API + "/maak-klantcontact")).withRequestBody(containing(conversationId)))).hasSize(2);
        assertThat(deadLetters.find(conversationId)).isEmpty();
    }

    // ---- 400: dead letter at once, with the API's validation errors ----

    @Test
    void validationErrorsGoToTheDeadLettersWithoutRetry() {
        String problem = "{\"type\":\"https://example.org/ref/fouten/ValidationError/\",\"code\":\"invalid\","
                + "\"title\":\"Invalid input.\",\"status\":400,\"detail\":\"\",\"invalidParams\":[{\"name\":\"kanaal\","
                + "\"code\":\"invalid\",\"reason\":\"Kanaal is niet bekend in de referentielijst.\"}]}";
        KI.stubFor(post(urlEqualTo(API + "/maak-klantcontact")).willReturn(json(400, problem)));
        String conversationId = referredChat("Ik wil een medewerker spreken", "REFERRED");

        DeadLetter letter = awaitDeadLetter(conversationId);
        assertThat(letter.status()).isEqualTo(400);
        assertThat(letter.attempts()).isEqualTo(1);
        assertThat(letter.errorBody()).contains("invalidParams").contains("Kanaal is niet bekend");
        assertThat(letter.reason()).contains("/maak-klantcontact").contains("400");
        assertThat(KI.findAll(postRequestedFor(urlEqualTo(API + "/maak-klantcontact")).withRequestBody(containing(conversationId)))).hasSize(1);
        assertThat(jobs.queued(conversationId)).isFalse();

        HttpResponse<String> list = agentGet("supervisor", "/api/registry/dead-letters");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode mine = findById(body(list), conversationId);
        assertThat(mine.get("status").asInt()).isEqualTo(400);
        assertThat(mine.get("errorBody").asString()).contains("invalidParams");
        assertThat(agentGet("agent1", "/api/registry/dead-letters").statusCode()).as("operators only").isEqualTo(403);
        assertThat(get("/api/registry/dead-letters").statusCode()).isEqualTo(401);

        // The municipality adds the channel to its list; the operator replays.
        KI.stubFor(post(urlEqualTo(API + "/maak-klantcontact")).willReturn(made(UUID.randomUUID().toString())));
        assertThat(agentPost("supervisor", "/api/registry/dead-letters/" + conversationId + "/replay", null).statusCode())
                .isEqualTo(202);
        awaitRegistered(conversationId);
        assertThat(KI.findAll(postRequestedFor(urlEqualTo(API + "/internetaken")))).hasSize(1);
    }

    @Test
    void replayingAnUnknownDeadLetterIs404() {
        HttpResponse<String> r = agentPost("supervisor", "/api/registry/dead-letters/no-such-id/replay", null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    // ---- API down: retries, dead letter, replay continues without a second Klantcontact ----

    @Test
    void whenTheApiStaysDownTheJobIsADeadLetterAndAReplayRegistersItOnce() {
        KI.stubFor(post(urlEqualTo(API + "/actorklantcontacten")).willReturn(json(502, "<html>Bad gateway</html>")));
        String conversationId = referredChat("Ik wil een medewerker spreken", "REFERRED");

        DeadLetter letter = awaitDeadLetter(conversationId);
        assertThat(letter.attempts()).isEqualTo(MAX_REDELIVERIES + 1);
        assertThat(letter.status()).isEqualTo(502);
        assertThat(KI.findAll(postRequestedFor(urlEqualTo(API + "/maak-klantcontact")).withRequestBody(containing(conversationId)))).hasSize(1);
        assertThat(KI.findAll(postRequestedFor(urlEqualTo(API + "/actorklantcontacten")))).hasSize(MAX_REDELIVERIES + 1);

        KI.stubFor(post(urlEqualTo(API + "/actorklantcontacten")).willReturn(created(UUID.randomUUID().toString())));
        // This one only: replaying all would also replay other tests' dead letters, whose links the stub gives
        // the same Klantcontact uuid.
        HttpResponse<String> replayed = agentPost("supervisor", "/api/registry/dead-letters/" + conversationId + "/replay", null);
        assertThat(replayed.statusCode()).isEqualTo(202);
        assertThat(body(replayed).get("status").asString()).isEqualTo("QUEUED");
        awaitRegistered(conversationId);

        assertThat(KI.findAll(postRequestedFor(urlEqualTo(API + "/maak-klantcontact")).withRequestBody(containing(conversationId))))
                .as("the replay continued after the Klantcontact, it did not create a second one").hasSize(1);
        String klantcontact = jobs.step(conversationId, "klantcontact").orElseThrow().uuid();
        assertThat(bodies("actorklantcontacten")).as("4 failed tries of the first link, then both links")
                .filteredOn(b -> klantcontact.equals(b.get("klantcontact").get("uuid").asString()))
                .hasSize(MAX_REDELIVERIES + 1 + 2);
        assertThat(KI.findAll(postRequestedFor(urlEqualTo(API + "/internetaken")).withRequestBody(containing(klantcontact))))
                .hasSize(1);
        assertThat(deadLetters.find(conversationId)).isEmpty();
        HttpResponse<String> all = agentPost("supervisor", "/api/registry/dead-letters/replay", null);
        assertThat(all.statusCode()).as("replaying all the others").isEqualTo(202);
        assertThat(body(all).has("replayed")).isTrue();
        assertThat(agentPost("supervisor", "/api/registry/dead-letters/" + conversationId + "/replay", null).statusCode())
                .isEqualTo(404);
    }

    // ---- durable: nothing lost while nothing sends ----

    @Test
    void aJobWaitsInRedisWhileNothingSendsAndAnAbandonedJobIsTakenAgain() throws Exception {
        camel.getRouteController().stopRoute("registry-outbox");
        String conversationId;
        try {
            conversationId = referredChat("Ik wil een medewerker spreken", "ANSWERED");
            String closed = conversationId;
            // Queued by the registry's reaction to the close, a moment later in the background.
            await().atMost(Duration.ofSeconds(10)).until(() -> jobs.queued(closed));
            // An instance takes the job and stops before sending anything: the job keeps its place for one lease.
            assertThat(jobs.claimDue()).contains(conversationId);
            assertThat(jobs.claimDue()).doesNotContain(conversationId);
            assertThat(KI.findAll(postRequestedFor(urlEqualTo(API + "/maak-klantcontact")).withRequestBody(containing(conversationId)))).isEmpty();
        } finally {
            camel.getRouteController().startRoute("registry-outbox");
        }
        awaitRegistered(conversationId);
        assertThat(KI.findAll(postRequestedFor(urlEqualTo(API + "/maak-klantcontact")).withRequestBody(containing(conversationId)))).hasSize(1);
    }

}
