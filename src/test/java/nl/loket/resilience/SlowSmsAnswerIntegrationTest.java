package nl.loket.resilience;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Direction;
import nl.loket.contact.Identity;
import nl.loket.support.LoketInstance;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
 * Twilio waits 15 seconds for a webhook's answer. When the answer takes longer than
 * {@code loket.twilio.reply-within} (here 500 ms; the hand-off summary waits for a language model that answers
 * only after its 2.5 s timeout), the stored SMS is acknowledged with empty TwiML and the answer follows through Twilio's API.
 */
class SlowSmsAnswerIntegrationTest {

    static final String MESSAGES = "/2010-04-01/Accounts/ACslow/Messages.json";

    static WireMockServer model;
    static WireMockServer twilio;
    static LoketInstance loket;

    @BeforeAll
    static void start() {
        model = new WireMockServer(options().dynamicPort());
        model.start();
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200).withFixedDelay(20_000)));
        twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "") + "\",\"status\":\"queued\"}")));
        loket = new LoketInstance(TestRedis.serverUrl(), "loket-slow-sms-" + UUID.randomUUID(),
                "--loket.assistant.llm.base-url=" + model.baseUrl() + "/v1", "--loket.assistant.llm.api-key=sk-test",
                "--loket.twilio.account-sid=ACslow", "--loket.twilio.from-number=+3197010000000",
                "--loket.twilio.api-base-url=" + twilio.baseUrl(), "--loket.twilio.reply-within=500ms");
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
    void aSlowAnswerIsAcknowledgedAtOnceAndFollowsThroughTheApi() {
        String phone = "+3161" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
        long started = System.nanoTime();
        HttpResponse<String> webhook = loket.postTwilio("/api/channels/twilio/sms", Map.of(
                "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""), "From", phone,
                "To", "+3197010000000", "Body", "Ik wil een medewerker spreken over mijn paspoort"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(webhook.statusCode()).isEqualTo(200);
        assertThat(webhook.body()).as("acknowledged without an answer").doesNotContain("<Message>").contains("<Response>");
        assertThat(took).as("well within Twilio's 15 s").isLessThan(Duration.ofSeconds(2));

        ContactService contacts = loket.bean(ContactService.class);
        String residentId = contacts.residentIdOf(Identity.phone(phone)).orElseThrow();
        String conversationId = contacts.history(residentId).get(0).conversationId();
        assertThat(contacts.messages(conversationId)).as("stored before it was acknowledged")
                .anySatisfy(m -> assertThat(m.direction()).isEqualTo(Direction.IN));

        await().atMost(Duration.ofSeconds(10)).until(() -> !twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).isEmpty());
        List<LoggedRequest> sent = twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES)));
        assertThat(sent).hasSize(1);
        String form = URLDecoder.decode(sent.get(0).getBodyAsString(), StandardCharsets.UTF_8);
        String reference = contacts.conversation(conversationId).orElseThrow().reference();
        assertThat(form).contains("To=" + phone).contains(reference);
        assertThat(contacts.conversation(conversationId).orElseThrow().channel()).isEqualTo(Channel.SMS);
    }
}
