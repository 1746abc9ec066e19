package nl.loket.resilience;

import com.github.tomakehurst.wiremock.WireMockServer;
import nl.loket.contact.ContactService;
import nl.loket.contact.Direction;
import nl.loket.contact.Identity;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.support.LoketInstance;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Twilio waits 15 seconds for a webhook's answer. The hand-off's summary by a language model is a reaction
 * of its own, after the answer: with a model that needs 4 seconds, the SMS is still answered at once, in
 * its TwiML, with its reference; the task is there with its extractive summary, and the model's summary
 * joins it later. Nothing goes through Twilio's API (no late-answer path exists any more).
 */
class SlowSmsAnswerIT {

    static final String MESSAGES = "/2010-04-01/Accounts/ACslow/Messages.json";
    static final String WRITTEN = "De inwoner wil een medewerker spreken over een paspoort.";

    static WireMockServer model;
    static WireMockServer twilio;
    static LoketInstance loket;

    @BeforeAll
    static void start() {
        model = new WireMockServer(options().dynamicPort());
        model.start();
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(4_000).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"" + WRITTEN + "\"},\"finish_reason\":\"stop\"}]}")));
        twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        loket = new LoketInstance(TestRedis.serverUrl(), "loket-slow-sms-" + UUID.randomUUID(),
                "--loket.assistant.llm.base-url=" + model.baseUrl() + "/v1", "--loket.assistant.llm.api-key=sk-test",
                "--loket.assistant.llm.timeout=8s",
                "--loket.twilio.account-sid=ACslow", "--loket.twilio.from-number=+3197010000000",
                "--loket.twilio.api-base-url=" + twilio.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (loket != null) {
            loket.close();
        }
        if (twilio != null) {
            twilio.stop();
        }
        if (model != null) {
            model.stop();
        }
    }

    @Test
    void aSlowModelSummaryNeverHoldsUpTheSmsAnswer() {
        String phone = "+3161" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
        long started = System.nanoTime();
        HttpResponse<String> webhook = loket.postTwilio("/api/channels/twilio/sms", Map.of(
                "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""), "From", phone,
                "To", "+3197010000000", "Body", "Ik wil een medewerker spreken over mijn paspoort"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        ContactService contacts = loket.bean(ContactService.class);
        String residentId = contacts.residentIdOf(Identity.phone(phone)).orElseThrow();
        String conversationId = contacts.history(residentId).get(0).conversationId();
        String reference = contacts.conversation(conversationId).orElseThrow().reference();
        assertThat(webhook.statusCode()).isEqualTo(200);
        assertThat(webhook.body()).as("the answer itself, with the reference").contains("<Message>").contains(reference);
        assertThat(took).as("well within Twilio's 15 s, without waiting for the 4 s model").isLessThan(Duration.ofSeconds(3));
        assertThat(contacts.messages(conversationId)).anySatisfy(m -> assertThat(m.direction()).isEqualTo(Direction.IN));

        HandoffService handoff = loket.bean(HandoffService.class);
        HandoffTask task = handoff.taskOfConversation(conversationId).orElseThrow();
        assertThat(task.summary()).as("opened at once with the extractive summary").contains("Wie:").doesNotContain(WRITTEN);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(handoff.task(task.id()).summary()).as("the model's summary added by its own reaction")
                        .contains("Wie:").contains(WRITTEN));
        assertThat(twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES)))).as("no answer by API").isEmpty();
    }
}
