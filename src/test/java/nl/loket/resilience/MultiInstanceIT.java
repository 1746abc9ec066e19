package nl.loket.resilience;

import nl.loket.support.LoketInstance;
import nl.loket.support.LoketInstance.Chat;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Loket instances on one Redis, as behind a load balancer: whatever a resident or an agent does on
 * one instance holds on the other, and an instance that dies leaves nothing stuck.
 */
class MultiInstanceIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PREFIX = "loket-multi-" + UUID.randomUUID();
    /** Short, so a claim left by a dead instance comes back within the test. */
    static final String[] SHORT_CLAIMS = {"--loket.handoff.claim-timeout=3s", "--loket.handoff.reclaim-interval=300ms",
            "--loket.handoff.pending-idle=1ms"};

    static LoketInstance a;
    static LoketInstance b;

    @BeforeAll
    static void start() {
        a = new LoketInstance(TestRedis.serverUrl(), PREFIX, SHORT_CLAIMS);
        b = new LoketInstance(TestRedis.serverUrl(), PREFIX, SHORT_CLAIMS);
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void anAgentReplySentFromBReachesTheResidentChattingOnA() {
        Chat chat = openChat(a);
        JsonNode reply = say(a, chat, "Ik wil een medewerker spreken");
        assertThat(reply.get("outcome").asString()).isEqualTo("ESCALATED");
        String taskId = taskByReference(b, reply.get("escalation").get("reference").asString()).get("id").asString();

        assertThat(b.agentPost("agent0", "/api/agent/handoffs/" + taskId + "/claim", "").statusCode()).isEqualTo(200);
        HttpResponse<String> sent = b.agentPost("agent0", "/api/agent/handoffs/" + taskId + "/messages",
                "{\"text\":\"Goedemiddag, ik help u verder.\"}");
        assertThat(sent.statusCode()).as(sent.body()).isBetween(200, 202);

        // The chat page polls the instance it talks to; A shows what was sent on B.
        waitUntil(() -> chatTexts(a, chat).contains("agent: Goedemiddag, ik help u verder."));
    }

    @Test
    void aTwilioRetryLandingOnTheOtherInstanceIsStoredOnce() throws Exception {
        String phone = randomMobile();
        Map<String, String> sms = Map.of("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
                "From", phone, "Body", "Ik wil een medewerker spreken over mijn aanslag");
        // The first delivery and Twilio's retry arrive at the same moment on different instances.
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(() -> await(go, () -> a.postTwilio(SMS, sms)));
        CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(() -> await(go, () -> b.postTwilio(SMS, sms)));
        go.countDown();
        HttpResponse<String> first = onA.get();
        HttpResponse<String> second = onB.get();
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        // And a late retry, once more on the other side.
        assertThat(b.postTwilio(SMS, sms).body()).isEqualTo(first.body());

        String reference = first.body().replaceAll("(?s).*?([A-Z]{2}-[A-Z0-9]{3}-[A-Z0-9]{3}).*", "$1");
        JsonNode task = a.agentGet("agent0", "/api/agent/handoffs/" + taskByReference(a, reference).get("id").asString())
                .body().transform(JSON::readTree);
        long residentLines = StreamSupport.stream(task.get("transcript").spliterator(), false)
                .filter(l -> "IN".equals(l.get("direction").asString())).count();
        assertThat(residentLines).isEqualTo(1);
    }

    @Test
    void twoAgentsOnTwoInstancesClaimingOneTaskGiveOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Chat chat = openChat(round % 2 == 0 ? a : b);
                String reference = say(a, chat, "Ik wil een medewerker spreken").get("escalation").get("reference").asString();
                String path = "/api/agent/handoffs/" + taskByReference(a, reference).get("id").asString() + "/claim";
                CountDownLatch go = new CountDownLatch(1);
                Future<HttpResponse<String>> fromA = pool.submit(() -> await(go, () -> a.agentPost("agent0", path, "")));
                Future<HttpResponse<String>> fromB = pool.submit(() -> await(go, () -> b.agentPost("agent1", path, "")));
                go.countDown();
                List<Integer> statuses = List.of(fromA.get().statusCode(), fromB.get().statusCode());
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimHeldByAnInstanceThatDiedGoesBackToTheQueue() {
        String reference;
        String taskId;
        try (LoketInstance doomed = new LoketInstance(TestRedis.serverUrl(), PREFIX, SHORT_CLAIMS)) {
            Chat chat = openChat(doomed);
            reference = say(doomed, chat, "Ik wil een medewerker spreken").get("escalation").get("reference").asString();
            taskId = taskByReference(doomed, reference).get("id").asString();
            assertThat(doomed.agentPost("agent0", "/api/agent/handoffs/" + taskId + "/claim", "").statusCode()).isEqualTo(200);
            assertThat(task(a, taskId).get("status").asString()).isEqualTo("CLAIMED");
        }
        // The instance is gone with the claim on it; A's reclaimer gives the task back.
        waitUntil(() -> "WAITING".equals(task(a, taskId).get("status").asString()));
        assertThat(a.agentPost("agent1", "/api/agent/handoffs/" + taskId + "/claim", "").statusCode()).isEqualTo(200);
    }

    @Test
    void oneConversationsMessagesArrivingOnBothInstancesAreHandledOneAtATime() throws Exception {
        Chat chat = openChat(a);
        List<String> questions = List.of("Hoe vraag ik een paspoort aan?", "Wanneer wordt het grofvuil opgehaald?",
                "Hoe krijg ik een parkeervergunning?", "Ik ga verhuizen, wat moet ik doen?",
                "Hoe maak ik een afspraak bij de Stadswinkel?", "Hoe vraag ik een identiteitskaart aan?");
        ExecutorService pool = Executors.newFixedThreadPool(questions.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<JsonNode>> replies = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                LoketInstance instance = i % 2 == 0 ? a : b;
                String question = questions.get(i);
                replies.add(pool.submit(() -> await(go, () -> say(instance, chat, question))));
            }
            go.countDown();
            for (Future<JsonNode> reply : replies) {
                assertThat(reply.get().get("text").asString()).isNotBlank();
            }
        } finally {
            pool.shutdownNow();
        }
        // Every question is directly followed by its own answer: no two were handled at the same time.
        List<String> authors = chatTexts(b, chat).stream().map(line -> line.substring(0, line.indexOf(':'))).toList();
        assertThat(authors).hasSize(2 * questions.size());
        for (int i = 0; i < authors.size(); i += 2) {
            assertThat(authors.subList(i, i + 2)).as("messages %s", authors).containsExactly("resident", "assistant");
        }
        List<String> residentTexts = chatTexts(a, chat).stream().filter(l -> l.startsWith("resident: "))
                .map(l -> l.substring("resident: ".length())).toList();
        assertThat(residentTexts).containsExactlyInAnyOrderElementsOf(questions);
    }

    @Test
    void theFirstMessagesOfANewChatArrivingTogetherOnBothInstancesOpenOneConversation() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                Chat chat = openChat(a);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<JsonNode>> replies = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    LoketInstance instance = i % 2 == 0 ? a : b;
                    replies.add(pool.submit(() -> await(go, () -> say(instance, chat, "Hoe vraag ik een paspoort aan?"))));
                }
                go.countDown();
                for (Future<JsonNode> reply : replies) {
                    reply.get();
                }
                assertThat(chatTexts(a, chat)).as("round %d", round).hasSize(8);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static final String SMS = "/api/channels/twilio/sms";

    private static Chat openChat(LoketInstance instance) {
        return instance.openChat();
    }

    private static JsonNode say(LoketInstance instance, Chat chat, String text) {
        HttpResponse<String> r = instance.sendChat(chat, text);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("reply");
    }

    private static List<String> chatTexts(LoketInstance instance, Chat chat) {
        HttpResponse<String> r = instance.get("/api/chat/sessions/" + chat.id() + "/messages", chat.bearer());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        JSON.readTree(r.body()).forEach(m -> out.add(m.get("author").asString() + ": " + m.get("text").asString()));
        return out;
    }

    private static JsonNode taskByReference(LoketInstance instance, String reference) {
        HttpResponse<String> r = instance.agentGet("agent0", "/api/agent/handoffs?status=WAITING");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode t : JSON.readTree(r.body())) {
            if (reference.equals(t.get("reference").asString())) {
                return t;
            }
        }
        throw new AssertionError("no waiting task " + reference);
    }

    private static JsonNode task(LoketInstance instance, String id) {
        HttpResponse<String> r = instance.agentGet("agent1", "/api/agent/handoffs/" + id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String randomMobile() {
        return "+3161" + (1_000_000 + (int) (Math.random() * 8_999_999));
    }

    private static <T> T await(CountDownLatch go, Supplier<T> call) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return call.get();
    }

    private static void waitUntil(Supplier<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(condition::get);
    }
}
