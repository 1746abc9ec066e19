package nl.loket.outreach;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import nl.loket.LoketApplication;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Loket stops halfway through a campaign and a new instance starts on the same Redis: the campaign goes
 * on where it was, and every resident gets exactly one message (counted at WireMock's Twilio).
 */
class OutreachRestartIT {

    static final String MESSAGES = "/2010-04-01/Accounts/ACrestart/Messages.json";
    static final int RESIDENTS = 40;

    static String redisUrl;
    static WireMockServer twilio;

    @BeforeAll
    static void outsideServices() throws IOException {
        twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        // A slow provider, so that the first instance is surely stopped halfway.
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201).withFixedDelay(40)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SMrestart\",\"status\":\"queued\"}")));
        // A Redis outside both application contexts, so it outlives the first one.
        redisUrl = TestRedis.serverUrl();
    }

    @AfterAll
    static void stop() throws IOException {
        twilio.stop();
    }

    ConfigurableApplicationContext start(String prefix) {
        return SpringApplication.run(LoketApplication.class, "--server.port=0", "--loket.redis.url=" + redisUrl,
                "--loket.redis.key-prefix=" + prefix, "--loket.transcripts.inbox=target/restart-inbox-" + prefix,
                "--loket.knowledge.links.enabled=false",
                "--loket.twilio.account-sid=ACrestart", "--loket.twilio.auth-token=restart-token",
                "--loket.twilio.from-number=+3197010000000", "--loket.twilio.api-base-url=" + twilio.baseUrl(),
                "--loket.outreach.allowed-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
                "--loket.outreach.earliest=00:00", "--loket.outreach.latest=23:59:59",
                "--loket.outreach.poll-interval=50", "--loket.outreach.batch-size=4",
                "--loket.outreach.rate-period=1000");
    }

    @Test
    void aRestartHalfwayNeverSendsTwice() {
        String prefix = "loket-outreach-restart-" + UUID.randomUUID();
        List<String> phones = new ArrayList<>();
        StringBuilder csv = new StringBuilder("reference,phone\n");
        for (int i = 0; i < RESIDENTS; i++) {
            String phone = "+3162" + (1_000_000 + i);
            phones.add(phone);
            csv.append("r").append(i).append(',').append(phone).append('\n');
        }
        String id;
        int sentBeforeStop;
        try (ConfigurableApplicationContext first = start(prefix)) {
            Outreach outreach = first.getBean(Outreach.class);
            id = outreach.create(CampaignRequest.of("Herstart", "Test van een herstart.", "Een bericht van de gemeente.",
                    null, List.of("SMS"), null, null, List.of(), 60, csv.toString()), "supervisor");
            outreach.start(id);
            await().atMost(Duration.ofSeconds(30)).until(() -> sentTo().size() >= 10);
        }
        sentBeforeStop = sentTo().size();
        assertThat(sentBeforeStop).as("stopped halfway").isLessThan(RESIDENTS);

        try (ConfigurableApplicationContext second = start(prefix)) {
            Outreach outreach = second.getBean(Outreach.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> outreach.status(id).status().equals("DONE"));
            Map<String, Integer> perPhone = new HashMap<>();
            sentTo().forEach(to -> perPhone.merge(to, 1, Integer::sum));
            assertThat(perPhone).hasSize(RESIDENTS);
            assertThat(perPhone.values()).allMatch(n -> n == 1);
            assertThat(perPhone.keySet()).containsExactlyInAnyOrderElementsOf(phones);
            assertThat(outreach.status(id).sent()).isLessThanOrEqualTo(RESIDENTS).isGreaterThanOrEqualTo(RESIDENTS - 1);
        }
    }

    private static List<String> sentTo() {
        List<String> out = new ArrayList<>();
        for (LoggedRequest r : twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES)))) {
            for (String pair : r.getBodyAsString().split("&")) {
                if (pair.startsWith("To=")) {
                    out.add(URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
