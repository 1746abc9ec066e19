package nl.loket.resilience;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.support.LoketInstance;
import nl.loket.support.LoketInstance.Chat;
import nl.loket.support.RedisProxy;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis goes away while Loket runs (a TCP proxy between them is cut, or hangs): every endpoint that
 * needs the store answers 503 problem+json with Retry-After, fast, never a 500 or a 2xx; when Redis is
 * back, everything acknowledged before is still there and a retried request goes through once.
 */
class RedisOutageIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PREFIX = "loket-outage-" + UUID.randomUUID();
    static RedisProxy proxy;
    static LoketInstance loket;

    @BeforeAll
    static void start() {
        proxy = new RedisProxy(TestRedis.serverUrl());
        loket = new LoketInstance(proxy.url(), PREFIX, "--loket.redis.timeout=1s", "--loket.contact.lock-timeout=1s");
    }

    @AfterAll
    static void stop() {
        if (loket != null) {
            loket.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void whileRedisIsAwayEveryEndpointSays503AndNothingAcknowledgedIsLost() {
        // Acknowledged before the outage.
        Chat chat = openChat();
        assertThat(say(chat, "Hoe vraag ik een paspoort aan?").statusCode()).isEqualTo(200);
        String phone = "+3161" + (1_000_000 + (int) (Math.random() * 8_999_999));
        String smsSid = "SM" + UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> smsBefore = sms(smsSid, phone, "Wanneer wordt het grofvuil opgehaald?");
        assertThat(smsBefore.statusCode()).isEqualTo(200);
        HttpResponse<String> formBefore = loket.postJson("/api/forms/contact", "{\"message\":\"Ik wil graag een medewerker spreken over mijn container.\",\"email\":\"outage-"
                + UUID.randomUUID() + "@example.nl\"}");
        assertThat(formBefore.statusCode()).isEqualTo(202);
        String formReference = JSON.readTree(formBefore.body()).get("reference").asString();
        List<String> chatBefore = texts(chat);

        proxy.cut();
        String smsDuringSid = "SM" + UUID.randomUUID().toString().replace("-", "");
        assertUnavailable(() -> loket.postJson("/api/chat/sessions", ""));
        assertUnavailable(() -> say(chat, "Is dit bewaard?"));
        assertUnavailable(() -> loket.get("/api/chat/sessions/" + chat.id() + "/messages", chat.bearer()));
        assertUnavailable(() -> sms(smsDuringSid, phone, "Tijdens de storing verstuurd"));
        assertUnavailable(() -> loket.postJson("/api/forms/contact", "{\"message\":\"Tijdens de storing\"}"));
        String call = transcript();
        assertUnavailable(() -> loket.postJson("/api/channels/transcripts", call,
                "X-Loket-Signature", nl.loket.support.LoketIntegrationTest.signTranscript(call)));
        assertUnavailable(() -> loket.postTwilio("/api/channels/twilio/voice/gather",
                Map.of("CallSid", "CA" + UUID.randomUUID(), "From", phone, "SpeechResult", "Wanneer is het stadhuis open?")));
        assertUnavailable(() -> loket.agentGet("agent0", "/api/agent/handoffs?status=WAITING"));

        proxy.restore();
        waitUntil(() -> loket.get("/api/chat/sessions/" + chat.id() + "/messages", chat.bearer()).statusCode() == 200);

        // Everything acknowledged before is there, nothing refused was stored.
        assertThat(texts(chat)).isEqualTo(chatBefore);
        HttpResponse<String> smsRetry = sms(smsSid, phone, "Wanneer wordt het grofvuil opgehaald?");
        assertThat(smsRetry.statusCode()).isEqualTo(200);
        assertThat(smsRetry.body()).as("a Twilio retry of a stored SMS gets the same reply").isEqualTo(smsBefore.body());
        HttpResponse<String> history = loket.agentGet("agent0", "/api/agent/handoffs?status=WAITING");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains(formReference);

        // Twilio retries the SMS it got a 503 for: now stored, and once only.
        assertThat(sms(smsDuringSid, phone, "Tijdens de storing verstuurd").statusCode()).isEqualTo(200);
        assertThat(sms(smsDuringSid, phone, "Tijdens de storing verstuurd").statusCode()).isEqualTo(200);
        assertThat(say(chat, "Is dit bewaard?").statusCode()).isEqualTo(200);
        assertThat(texts(chat)).hasSize(chatBefore.size() + 2);
    }

    @Test
    void aHangingRedisIsAnswered503WithinTheTimeoutsNotAfterTheClientGaveUp() {
        Chat chat = openChat();
        proxy.freeze();
        try {
            long started = System.nanoTime();
            assertUnavailable(() -> say(chat, "Hallo, hangt het?"));
            assertUnavailable(() -> sms("SM" + UUID.randomUUID().toString().replace("-", ""), "+31612345678", "Hallo"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            // Twilio waits 15 s for a webhook; two requests must both fail well inside that.
            assertThat(took).isLessThan(Duration.ofSeconds(15));
        } finally {
            proxy.restore();
        }
        waitUntil(() -> say(chat, "En nu?").statusCode() == 200);
    }

    @Test
    void aConversationHeldTooLongByAnotherInstanceIsA503WithRetryAfterToo() {
        Chat chat = openChat();
        assertThat(say(chat, "Hoe vraag ik een paspoort aan?").statusCode()).isEqualTo(200);
        String conversationId = loket.bean(ContactService.class).conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id();
        String lock = PREFIX + ":lock:conversation:" + conversationId;
        try (Jedis redis = new Jedis(URI.create(TestRedis.serverUrl()))) {
            redis.set(lock, "held-by-a-stuck-instance", SetParams.setParams().px(30_000));
            assertUnavailable(() -> say(chat, "Nog een vraag"));
            redis.del(lock);
        }
        assertThat(say(chat, "Nog een vraag").statusCode()).isEqualTo(200);
    }

    private static void assertUnavailable(Supplier<HttpResponse<String>> call) {
        HttpResponse<String> r = call.get();
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("Retry-After")).hasValue("10");
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at nl.loket").doesNotContain("redis://");
    }

    private static Chat openChat() {
        return loket.openChat();
    }

    private static HttpResponse<String> say(Chat chat, String text) {
        return loket.sendChat(chat, text);
    }

    private static List<String> texts(Chat chat) {
        HttpResponse<String> r = loket.get("/api/chat/sessions/" + chat.id() + "/messages", chat.bearer());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        JSON.readTree(r.body()).forEach(m -> out.add(m.get("author").asString() + ": " + m.get("text").asString()));
        return out;
    }

    private static HttpResponse<String> sms(String sid, String from, String body) {
        return loket.postTwilio("/api/channels/twilio/sms", Map.of("MessageSid", sid, "From", from, "Body", body));
    }

    private static String transcript() {
        return "{\"callId\":\"call-" + UUID.randomUUID() + "\",\"from\":\"+31612345678\",\"to\":\"+31243299999\","
                + "\"startedAt\":\"2026-01-05T10:00:00+01:00\",\"endedAt\":\"2026-01-05T10:03:00+01:00\","
                + "\"segments\":[{\"speaker\":\"RESIDENT\",\"text\":\"Ik wil mijn adres wijzigen.\"}]}";
    }

    private static void waitUntil(Supplier<Boolean> condition) {
        // A refused connection while Redis comes back only means "not yet".
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(condition::get);
    }
}
