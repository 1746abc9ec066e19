package nl.loket.resilience;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import nl.loket.contact.ContactService;
import nl.loket.contact.Identity;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.support.AcknowledgedMessages;
import nl.loket.support.LoketInstance;
import nl.loket.support.LoketInstance.Chat;
import nl.loket.support.RedisProxy;
import nl.loket.support.RedisSentinelGroup;
import nl.loket.support.ResidentLoad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.annotation.Bean;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.HostAndPortMapper;
import redis.clients.jedis.Jedis;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No single point of failure: two Loket instances on Redis with Sentinel (one master, one replica, three sentinels,
 * real processes on loopback), under chat and SMS load. A network cut between Loket and the master, an agent reply
 * the replica did not confirm in time, the replica killed, and the master killed (SIGKILL): residents get 503 with Retry-After in the gap, never a 500, and every
 * message that got a 2xx is in Redis exactly once, every acknowledged hand-off has its task, and no agent reply goes
 * out by SMS twice. Skipped when {@code redis-server} is not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SentinelFailoverIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PREFIX = "loket-sentinel-" + UUID.randomUUID();
    static final String MESSAGES = "/2010-04-01/Accounts/ACfailover/Messages.json";

    static RedisSentinelGroup redis;
    static RedisProxy proxy;
    static WireMockServer twilio;
    static LoketInstance a;
    static LoketInstance b;

    /** Both instances reach the first master through a proxy the test can cut; the sentinels reach it directly. */
    static class ThroughProxy {
        @Bean
        HostAndPortMapper throughProxy() {
            HostAndPort proxied = new HostAndPort("127.0.0.1", URI.create(proxy.url()).getPort());
            return address -> address.equals(redis.firstMaster()) ? proxied : address;
        }
    }

    @BeforeAll
    static void start() {
        redis = RedisSentinelGroup.start();
        proxy = new RedisProxy("redis://" + redis.firstMaster());
        twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"sid\":\"SMfailover\",\"status\":\"queued\"}")));
        String[] settings = {
                "--loket.redis.sentinel.master=" + RedisSentinelGroup.MASTER_NAME,
                "--loket.redis.sentinel.nodes=" + redis.sentinelNodes(),
                "--loket.redis.timeout=1s", "--loket.contact.lock-timeout=2s",
                "--loket.twilio.account-sid=ACfailover", "--loket.twilio.from-number=+3197010000000",
                "--loket.twilio.api-base-url=" + twilio.baseUrl(),
                "--loket.handoff.delivery-backoff=300ms", "--loket.handoff.delivery-attempts=5",
                "--loket.reactions.retry-after=1s", "--loket.assistant.messages-per-minute=1000",
                "--logging.level.nl.loket=WARN"};
        a = new LoketInstance(List.of(ThroughProxy.class), null, PREFIX, settings);
        b = new LoketInstance(List.of(ThroughProxy.class), null, PREFIX, settings);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, proxy, redis}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // stopping anyway
            }
        }
        if (twilio != null) {
            twilio.stop();
        }
    }

    @Test
    @Order(1)
    void aNetworkCutBetweenLoketAndTheMasterIs503UntilItHealsAndNothingIsStoredTwice() {
        Chat chat = a.openChat();
        assertThat(a.sendChat(chat, "Hoe vraag ik een paspoort aan?").statusCode()).isEqualTo(200);
        String key = UUID.randomUUID().toString();
        String text = "Wanneer wordt het grofvuil opgehaald? [" + key + "]";

        proxy.cut();
        for (LoketInstance instance : List.of(a, b)) {
            HttpResponse<String> during = resend(instance, chat, text, key);
            assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
            assertThat(during.headers().firstValue("Retry-After")).hasValue("10");
        }
        assertThat(redis.master()).as("the sentinels still see the master: no failover").isEqualTo(redis.firstMaster());

        proxy.restore();
        HttpResponse<String> healed = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> resend(b, chat, text, key), r -> r.statusCode() == 200);
        // The other instance may first spend a pooled connection the cut left broken (one more 503 with Retry-After).
        HttpResponse<String> resent = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> resend(a, chat, text, key), r -> r.statusCode() != 503);
        assertThat(resent.body()).as("the resend gets the first answer").isEqualTo(healed.body());
        assertThat(residentTexts(chat)).containsExactly("Hoe vraag ik een paspoort aan?", text);
    }

    @Test
    @Order(2)
    void anAgentReplyAnswered503BecauseNoReplicaConfirmedItIsStoredAndSentOnceWhenResentWithItsKey() {
        String taskId = smsHandoffsClaimedBy("agent1", 1).get(0);
        String conversation = a.bean(HandoffService.class).task(taskId).conversationId();
        String text = "Antwoord van de gemeente resent-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();

        redis.freeze(redis.firstReplica()); // the master still counts it online, but it confirms nothing
        HttpResponse<String> first;
        try {
            first = agentReply(a, taskId, text, key);
        } finally {
            redis.thaw(redis.firstReplica());
        }
        assertThat(first.statusCode()).as(first.body()).isEqualTo(503);
        redis.awaitReplicasOnline(1);

        HttpResponse<String> resent = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> agentReply(b, taskId, text, key), r -> r.statusCode() == 202);
        String messageId = JSON.readTree(resent.body()).get("messageId").asString();
        assertThat(a.bean(ContactService.class).messages(conversation)).as("the first try's reply, stored once")
                .filteredOn(m -> text.equals(m.text())).extracting(m -> m.id()).containsExactly(messageId);
        await().atMost(Duration.ofSeconds(10)).until(() -> timesSent(text) == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> timesSent(text) == 1);
    }

    private static HttpResponse<String> agentReply(LoketInstance instance, String taskId, String text, String key) {
        return instance.postJson("/api/agent/handoffs/" + taskId + "/messages", JSON.writeValueAsString(Map.of("text", text)),
                "Authorization", LoketInstance.basic("agent1")[1], "Idempotency-Key", key);
    }

    private static long timesSent(String text) {
        return twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream()
                .filter(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8).contains(text)).count();
    }

    @Test
    @Order(3)
    void aKilledReplicaCostsAtMostAFewSecondsOf503sAndLosesNothing() throws Exception {
        ResidentLoad load = new ResidentLoad(List.of(a, b), 20, 10).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> load.sent().size() >= 20);
        long killedAt = System.nanoTime();
        HostAndPort replica = redis.firstReplica();
        redis.kill(replica);
        await().atMost(Duration.ofSeconds(20)).until(() -> load.sent().size() >= 100);
        load.stop();

        List<ResidentLoad.Attempt> attempts = load.attempts();
        assertThat(ResidentLoad.statuses(attempts).keySet()).as("only answers and 503s").isSubsetOf(200, 201, 503);
        ResidentLoad.window(attempts, killedAt).ifPresent(w ->
                assertThat(Duration.ofNanos(w[1] - w[0])).as("writes go on without the replica").isLessThan(Duration.ofSeconds(3)));
        assertAcknowledgedOnceWithTasks(load);

        redis.restartAsReplica(replica);
        redis.awaitReplicasOnline(1);
    }

    @Test
    @Order(4)
    void aKilledMasterUnderChatAndSmsLoadLosesNoAcknowledgedMessageAndSendsNoSmsTwice() throws Exception {
        AgentReplies agent = new AgentReplies(smsHandoffsClaimedBy("agent0", 3));
        ResidentLoad load = new ResidentLoad(List.of(a, b), 30, 15).start();
        agent.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> load.sent().size() >= 60);
        HostAndPort old = redis.master();
        long killedAt = System.nanoTime();
        redis.kill(old);
        HostAndPort promoted = redis.awaitFailoverFrom(old, Duration.ofSeconds(10));
        int atFailover = load.sent().size();
        int repliesAtFailover = agent.acknowledged.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> load.sent().size() >= atFailover + 90
                && agent.acknowledged.size() >= repliesAtFailover + 4);
        agent.stop();
        load.stop();

        List<ResidentLoad.Attempt> attempts = load.attempts();
        Map<Integer, Long> statuses = ResidentLoad.statuses(attempts);
        assertThat(statuses.keySet()).as("never a 500, only answers and 503s: " + statuses).isSubsetOf(200, 201, 503);
        Optional<long[]> window = ResidentLoad.window(attempts, killedAt);
        assertThat(window).as("the failover was noticed").isPresent();
        assertThat(Duration.ofNanos(window.get()[1] - window.get()[0])).as("back within seconds, without a restart")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(promoted).isEqualTo(redis.firstReplica());
        AcknowledgedMessages.Check check = assertAcknowledgedOnceWithTasks(load);
        System.out.printf("Master killed: window %d ms, statuses %s, %d acknowledged, %d hand-offs, %d of %d agent replies "
                        + "acknowledged (others 503)%n", (window.get()[1] - window.get()[0]) / 1_000_000, statuses,
                check.acknowledged(), check.handoffs(), agent.acknowledged.size(), agent.tried.size());
        assertThat(agent.statuses).as("agent replies: accepted or 503").isSubsetOf(202, 503);

        // Every acknowledged agent reply goes out by SMS exactly once; none goes out twice.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(smsSent().keySet()).containsAll(agent.acknowledged));
        assertThat(smsSent()).allSatisfy((token, times) -> assertThat(times).as(token).isEqualTo(1));
    }

    /** An agent answering residents by SMS every quarter second, alternating instances; a 503 is tried again by hand. */
    static final class AgentReplies {
        final List<String> tasks;
        final java.util.Queue<String> tried = new ConcurrentLinkedQueue<>();
        final java.util.Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        final java.util.Set<Integer> statuses = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final Thread thread = new Thread(this::reply, "agent-replies");
        volatile boolean running = true;

        AgentReplies(List<String> tasks) {
            this.tasks = tasks;
        }

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(30_000);
        }

        private void reply() {
            for (int n = 0; running; n++) {
                String token = "reply-" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
                tried.add(token);
                try {
                    HttpResponse<String> reply = (n % 2 == 0 ? a : b).agentPost("agent0", "/api/agent/handoffs/"
                                    + tasks.get(n % tasks.size()) + "/messages",
                            JSON.writeValueAsString(Map.of("text", "Antwoord van de gemeente " + token)));
                    statuses.add(reply.statusCode());
                    if (reply.statusCode() == 202) {
                        acknowledged.add(token);
                    }
                } catch (RuntimeException e) {
                    statuses.add(0);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            }
        }
    }

    private static AcknowledgedMessages.Check assertAcknowledgedOnceWithTasks(ResidentLoad load) {
        List<ResidentLoad.Sent> sent = load.sent();
        assertThat(sent).as("the load ran").hasSizeGreaterThan(20);
        assertThat(sent).as("every message was acknowledged in the end").allMatch(ResidentLoad.Sent::acknowledged);
        // The hand-off task may come from the outbox's retry a moment later; the resident's message never.
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try (Jedis master = redis.connectToMaster()) {
                return AcknowledgedMessages.check(master, PREFIX, sent);
            }
        }, check -> {
            assertThat(check.lost()).as("acknowledged messages lost").isEmpty();
            assertThat(check.duplicates()).as("messages stored twice").isEmpty();
            return check.withoutTask().isEmpty();
        });
    }

    /** Residents who asked for a person by SMS, their tasks claimed by the agent, ready for replies. */
    private static List<String> smsHandoffsClaimedBy(String agent, int count) {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String phone = "+3165" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
            Map<String, String> sms = Map.of("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
                    "From", phone, "To", "+3197010000000", "Body", "Ik wil een medewerker spreken over mijn uitkering");
            // Right after the previous test's replica came back, a write may still get a 503 until it confirms
            // again; Twilio sends the same MessageSid again, which Loket stores once.
            HttpResponse<String> asked = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> a.postTwilio("/api/channels/twilio/sms", sms), r -> r.statusCode() != 503);
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
            ContactService contacts = a.bean(ContactService.class);
            String residentId = contacts.residentIdOf(Identity.phone(phone)).orElseThrow();
            String conversation = contacts.history(residentId).get(0).conversationId();
            HandoffTask task = await().atMost(Duration.ofSeconds(10))
                    .until(() -> a.bean(HandoffService.class).taskOfConversation(conversation), Optional::isPresent).get();
            HttpResponse<String> claimed = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> a.agentPost(agent, "/api/agent/handoffs/" + task.id() + "/claim", ""),
                            r -> r.statusCode() != 503);
            assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
            tasks.add(task.id());
        }
        return tasks;
    }

    /** How often each agent reply token went to Twilio. */
    private static Map<String, Integer> smsSent() {
        Map<String, Integer> counts = new HashMap<>();
        for (LoggedRequest r : twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES)))) {
            String body = URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(reply-\\d+-[0-9a-f]{8})").matcher(body);
            if (m.find()) {
                counts.merge(m.group(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static HttpResponse<String> resend(LoketInstance instance, Chat chat, String text, String key) {
        return instance.postJson("/api/chat/sessions/" + chat.id() + "/messages", JSON.writeValueAsString(Map.of("text", text)),
                "Authorization", "Bearer " + chat.token(), "Idempotency-Key", key);
    }

    private static List<String> residentTexts(Chat chat) {
        List<String> out = new ArrayList<>();
        JSON.readTree(a.get("/api/chat/sessions/" + chat.id() + "/messages", chat.bearer()).body()).forEach(m -> {
            if ("resident".equals(m.get("author").asString())) {
                out.add(m.get("text").asString());
            }
        });
        return out;
    }
}
