package nl.loket.channel.sms;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Outbound SMS through the real Twilio SDK, against a fake Twilio API. */
class SmsSenderTest {

    static final String MESSAGES = "/2010-04-01/Accounts/ACtest/Messages.json";

    WireMockServer twilio = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        twilio.start();
    }

    @AfterEach
    void stop() {
        twilio.stop();
    }

    SmsSender sender() {
        return new SmsSender(new TwilioProperties("ACtest", "secret", "+3197010000000", twilio.baseUrl(), "https://loket.example.nl"));
    }

    @Test
    void sendsThroughTheConfiguredApiWithTheAccountCredentials() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM123\",\"status\":\"queued\",\"to\":\"+31612345678\",\"body\":\"x\"}")));

        SmsSender.SendResult result = sender().send("+31612345678", "Uw paspoort ligt klaar. Meer: https://www.nijmegen.nl");

        assertThat(result.sent()).isTrue();
        assertThat(result.providerId()).isEqualTo("SM123");
        twilio.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", containing("Basic "))
                .withRequestBody(containing("To=%2B31612345678"))
                .withRequestBody(containing("From=%2B3197010000000"))
                .withRequestBody(containing("Body=Uw+paspoort")));
    }

    @Test
    void aRefusalOrAnOutageIsReportedNotThrown() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\",\"status\":400}")));
        SmsSender.SendResult refused = sender().send("+31612345678", "hallo");
        assertThat(refused.sent()).isFalse();
        assertThat(refused.failure()).contains("400");

        SmsSender stale = sender();
        twilio.stop();
        SmsSender.SendResult unreachable = stale.send("+31612345678", "hallo");
        assertThat(unreachable.sent()).isFalse();
    }

    @Test
    void aServerErrorIsOneCallTheRetriesBelongToTheDeliveryWithItsBackoff() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":20503,\"message\":\"Service unavailable\",\"status\":503}")));
        SmsSender.SendResult result = sender().send("+31612345678", "hallo");
        assertThat(result.sent()).isFalse();
        // The SDK and its HTTP client alone would have sent this up to five times.
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void withoutAccountSettingsNothingIsSent() {
        SmsSender unconfigured = new SmsSender(new TwilioProperties(null, null, null, twilio.baseUrl(), "http://localhost"));
        assertThat(unconfigured.send("+31612345678", "hallo").sent()).isFalse();
        assertThat(twilio.getAllServeEvents()).isEmpty();
    }
}
