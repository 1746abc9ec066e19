package nl.loket.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full application with agents, a fake Twilio API (WireMock) and a real SMTP server (GreenMail) for
 * outbound replies. Every hand-off test shares this configuration, so Spring starts it once.
 */
public abstract class HandoffIntegrationTest extends LoketIntegrationTest {

    public static final String TWILIO_MESSAGES = "/2010-04-01/Accounts/ACtest/Messages.json";
    public static final int RACE_AGENTS = 20;
    public static final String PASSWORD = "geheim-wachtwoord";
    public static final String BCRYPT_AGENT = "anna";
    /** AGENTs of one team each ({@code loket.agents[n].teams}). */
    public static final String BURGERZAKEN_AGENT = "bas";
    public static final String BELASTINGEN_AGENT = "bea";
    /** An AGENT of Burgerzaken who may hold one task at once ({@code loket.agents[n].capacity}). */
    public static final String ONE_AT_A_TIME_AGENT = "cas";
    /** An AGENT limited to the queue {@code urgent} ({@code loket.agents[n].queues}). */
    public static final String URGENT_AGENT = "crisisdienst";

    protected static final WireMockServer TWILIO = startTwilio();
    protected static final GreenMail MAIL = startMail();

    @Autowired protected JsonMapper json;

    @DynamicPropertySource
    static void handoffProperties(DynamicPropertyRegistry registry) {
        int n = 0;
        for (int i = 0; i < RACE_AGENTS; i++, n++) {
            account(registry, n, "agent" + i, "{noop}" + PASSWORD, "AGENT");
        }
        account(registry, n++, "supervisor", "{noop}" + PASSWORD, "SUPERVISOR");
        account(registry, n++, "visitor", "{noop}" + PASSWORD, "VISITOR");
        account(registry, n, URGENT_AGENT, "{noop}" + PASSWORD, "AGENT");
        registry.add("loket.agents[" + n++ + "].queues[0]", () -> "urgent");
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        account(registry, n++, BCRYPT_AGENT, hash, "AGENT");
        // Only the brute-force test logs in wrongly with these: locking them disturbs no other test.
        // (Indexes up to 28 are taken here; a subclass adding accounts starts at 29.)
        account(registry, n++, "lockout-agent", "{noop}" + PASSWORD, "AGENT");
        account(registry, n++, "lockout-form-agent", "{noop}" + PASSWORD, "AGENT");
        account(registry, n, BURGERZAKEN_AGENT, "{noop}" + PASSWORD, "AGENT");
        registry.add("loket.agents[" + n++ + "].teams[0]", () -> "burgerzaken");
        account(registry, n, BELASTINGEN_AGENT, "{noop}" + PASSWORD, "AGENT");
        registry.add("loket.agents[" + n++ + "].teams[0]", () -> "belastingen");
        account(registry, n, ONE_AT_A_TIME_AGENT, "{noop}" + PASSWORD, "AGENT");
        registry.add("loket.agents[" + n + "].teams[0]", () -> "burgerzaken");
        registry.add("loket.agents[" + n++ + "].capacity", () -> "1");
        registry.add("loket.twilio.account-sid", () -> "ACtest");
        registry.add("loket.twilio.from-number", () -> "+3197010000000");
        registry.add("loket.twilio.api-base-url", TWILIO::baseUrl);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("loket.mail.from", () -> "loket@nijmegen.example");
        registry.add("loket.handoff.claim-timeout", () -> "5m");
        registry.add("loket.handoff.delivery-backoff", () -> "20ms");
        // Queue entries left by a "dead" instance are taken over at once, so tests need not wait.
        registry.add("loket.handoff.pending-idle", () -> "1ms");
        // Campaigns: any day and hour (tests run on Sundays too), rates counted per second, quick polls.
        registry.add("loket.test.sends-campaigns", () -> "true");
        registry.add("loket.outreach.allowed-days", () -> "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY");
        registry.add("loket.outreach.earliest", () -> "00:00");
        registry.add("loket.outreach.latest", () -> "23:59:59");
        registry.add("loket.outreach.rate-period", () -> "1000");
        registry.add("loket.outreach.poll-interval", () -> "100");
        registry.add("loket.outreach.batch-size", () -> "20");
        registry.add("loket.outreach.public-base-url", () -> "https://loket.example.nl");
    }

    private static void account(DynamicPropertyRegistry registry, int n, String username, String password, String role) {
        registry.add("loket.agents[" + n + "].username", () -> username);
        registry.add("loket.agents[" + n + "].password", () -> password);
        registry.add("loket.agents[" + n + "].roles[0]", () -> role);
    }

    private static WireMockServer startTwilio() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo(TWILIO_MESSAGES)).atPriority(10).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "") + "\",\"status\":\"queued\"}")));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    // ---- residents ----

    protected record Chat(String id, String token) { }

    protected Chat chat() {
        JsonNode s = json.readTree(postRaw("/api/chat/sessions", null, "").body());
        return new Chat(s.get("sessionId").asString(), s.get("token").asString());
    }

    protected JsonNode say(Chat chat, String text) {
        HttpResponse<String> r = postJson("/api/chat/sessions/" + chat.id() + "/messages",
                json.writeValueAsString(Map.of("text", text)), "Authorization", "Bearer " + chat.token());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("reply");
    }

    protected JsonNode chatMessages(Chat chat) {
        HttpResponse<String> r = get("/api/chat/sessions/" + chat.id() + "/messages", "Authorization", "Bearer " + chat.token());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    /** Sends a contact form; returns the response body. */
    protected JsonNode form(Map<String, String> fields) {
        HttpResponse<String> r = postJson("/api/forms/contact", json.writeValueAsString(fields));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json.readTree(r.body());
    }

    /** A signed Twilio SMS webhook; returns the TwiML. */
    protected String sms(String from, String body) {
        HttpResponse<String> r = postTwilio("/api/channels/twilio/sms",
                params("MessageSid", "SM" + UUID.randomUUID(), "From", from, "Body", body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    protected static String randomMobile() {
        return "+3161" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    // ---- agents ----

    protected static String[] basic(String user) {
        return basic(user, PASSWORD);
    }

    protected static String[] basic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new String[] {"Authorization", "Basic " + token};
    }

    protected HttpResponse<String> agentGet(String user, String path) {
        return get(path, basic(user));
    }

    protected HttpResponse<String> agentPost(String user, String path, String jsonBody) {
        return postJson(path, jsonBody == null ? "" : jsonBody, basic(user));
    }

    protected HttpResponse<String> send(HttpRequest request) {
        return TestHttp.send(http, request);
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url(path)));
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
