package nl.loket.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The full application on a random port, real Redis (machine or embedded), real Camel routes.
 * Every integration test shares this one configuration, so Spring starts it once per test run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class LoketIntegrationTest {

    public static final String TWILIO_TOKEN = "test-auth-token";
    public static final String TRANSCRIPT_SECRET = "test-transcript-secret";
    public static final Path TRANSCRIPT_INBOX = createInbox();

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void loketProperties(DynamicPropertyRegistry registry) {
        registry.add("loket.redis.url", TestRedis::url);
        registry.add("loket.redis.key-prefix", () -> TestRedis.KEY_PREFIX);
        registry.add("loket.twilio.auth-token", () -> TWILIO_TOKEN);
        registry.add("loket.twilio.webhook-base-url", () -> "https://loket.example.nl");
        registry.add("loket.transcripts.inbox", TRANSCRIPT_INBOX::toString);
        registry.add("loket.transcripts.secret", () -> "${loket.test.transcript-secret:" + TRANSCRIPT_SECRET + "}");
        registry.add("loket.transcripts.poll-delay", () -> "200");
        registry.add("loket.relay.numbers.TOLKCONTACT[0]", () -> "+31880500600");
        // Tests close idle conversations themselves: a sweep on a clock one test moves would close others' conversations.
        registry.add("loket.contact.idle-sweep-interval", () -> "365d");
        registry.add("loket.handoff.repair-interval", () -> "365d");
        registry.add("loket.handoff.repair-grace", () -> "0s");
        // No test calls the municipality's site: the source-link check has its own tests against WireMock.
        registry.add("loket.knowledge.links.enabled", () -> "false");
        // Contexts share one key prefix; only the one with Twilio and mail (HandoffIntegrationTest) sends campaigns.
        registry.add("loket.outreach.sending-enabled", () -> "${loket.test.sends-campaigns:false}");
        // Every test request comes from 127.0.0.1; the per-IP limit has its own test.
        registry.add("loket.rate-limit.per-ip-per-minute", () -> "1000000");
        registry.add("loket.rate-limit.chat-sessions-per-ip-per-minute", () -> "1000000");
        // Likewise the failed logins per address (the fuzz test sends random credentials); accounts are still limited.
        registry.add("loket.login.max-failures-per-address", () -> "1000000");
        // The test JVM closes every cached context at exit: a few seconds of grace each, not the production 30.
        registry.add("spring.lifecycle.timeout-per-shutdown-phase", () -> "3s");
    }

    private static Path createInbox() {
        try {
            return Files.createTempDirectory("loket-transcripts");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), headers);
    }

    protected HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    /** A phone transcript, signed as the telephony platform signs it (X-Loket-Signature, HMAC-SHA256 of the body). */
    protected HttpResponse<String> postTranscript(String json, String... headers) {
        String[] signed = java.util.Arrays.copyOf(headers, headers.length + 2);
        signed[headers.length] = "X-Loket-Signature";
        signed[headers.length + 1] = signTranscript(json);
        return postJson("/api/channels/transcripts", json, signed);
    }

    public static String signTranscript(String json) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(TRANSCRIPT_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))), headers);
    }

    protected HttpResponse<String> postRaw(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder, headers);
    }

    /** A Twilio webhook, signed for the public URL Loket is configured with. */
    protected HttpResponse<String> postTwilio(String path, Map<String, String> params) {
        String signature = TwilioSigner.sign(TWILIO_TOKEN, "https://loket.example.nl" + path, params);
        return postForm(path, params, "X-Twilio-Signature", signature);
    }

    protected static Map<String, String> params(String... keyValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put(keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return TestHttp.send(http, builder.build());
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
