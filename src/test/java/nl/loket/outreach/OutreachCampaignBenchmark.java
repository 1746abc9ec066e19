package nl.loket.outreach;

import nl.loket.support.HandoffIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 1,000-resident campaign against WireMock's Twilio: 970 with a mobile number, 10 of whom opted out
 * by SMS before, 15 without any address, 15 with a number that is not a phone number. Prints the time
 * from start to DONE and the counts; asserts no timing. In tests the rate counts per second
 * ({@code loket.outreach.rate-period=1000}) and is set to 6000, so the route's own speed is measured, not
 * the limit. Run: {@code mvn -o verify -Dloket.test.groups=benchmark -Dloket.excluded.test.groups=none -Dtest=OutreachCampaignBenchmark}
 */
@Tag("benchmark")
class OutreachCampaignBenchmark extends HandoffIntegrationTest {

    private static final int RESIDENTS = 1000;

    @Test
    void thousandResidents() {
        StringBuilder csv = new StringBuilder("reference,phone,language,name\n");
        for (int i = 0; i < RESIDENTS; i++) {
            String phone = i < 15 ? "" : i < 30 ? "12345" : randomMobile();
            if (i >= 30 && i < 40) {
                sms(phone, "STOP");
            }
            csv.append("b").append(i).append(',').append(phone).append(',').append(i % 4 == 0 ? "en" : "nl")
                    .append(",Inwoner ").append(i).append('\n');
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Benchmark");
        body.put("purpose", "Meting van de verzending.");
        body.put("template", Map.of("nl", "Beste {name}, uw ID-kaart verloopt binnenkort. Vraag op tijd een nieuwe aan.",
                "en", "Dear {name}, your ID card expires soon. Apply for a new one in time."));
        body.put("channels", List.of("SMS"));
        body.put("ratePerMinute", 6000);
        body.put("audienceCsv", csv.toString());
        String id = body(agentPost("supervisor", "/api/outreach/campaigns", json.writeValueAsString(body))).get("id").asString();
        JsonNode dry = body(agentPost("supervisor", "/api/outreach/campaigns/" + id + "/dry-run", ""));

        long start = System.nanoTime();
        agentPost("supervisor", "/api/outreach/campaigns/" + id + "/start", "");
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() ->
                "DONE".equals(body(agentGet("supervisor", "/api/outreach/campaigns/" + id)).get("status").asString()));
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode status = body(agentGet("supervisor", "/api/outreach/campaigns/" + id));

        System.out.printf("%nOutreach benchmark: %d residents%n", RESIDENTS);
        System.out.printf("  dry run: wouldSend %d, skipped %s%n", dry.get("wouldSend").asInt(), dry.get("skipped"));
        System.out.printf("  start to DONE: %.2f s (%.0f messages/s)%n", seconds, status.get("sent").asInt() / seconds);
        System.out.printf("  sent %d, failed %d, skipped %d %s%n", status.get("sent").asInt(), status.get("failed").asInt(),
                status.get("skipped").asInt(), status.get("skippedBy"));
        assertThat(status.get("sent").asInt() + status.get("failed").asInt() + status.get("skipped").asInt()).isEqualTo(RESIDENTS);
    }
}
