package nl.loket.agent;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.handoff.TaskStatus;
import nl.loket.support.LoketInstance;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Offer, don't only pull: a waiting task is offered to the longest-idle available agent of its team with free capacity,
 * on two instances sharing one Redis (their own key prefix, so no other test's tasks or statuses interfere). Offers
 * lapse after 2 s here, so the lapse can be seen without waiting long.
 */
class AgentOffersIT {

    static final String ADA = "ada";   // algemeen, capacity 2, speaks Dutch only
    static final String BEN = "ben";   // algemeen, capacity 2
    static final String COR = "cor";   // algemeen, capacity 1
    static final String DIRK = "dirk"; // belastingen: another team
    static final String EVA = "eva";   // algemeen, Dutch and English, one chat at a time
    static final String LEAD = "lead"; // a team lead: never offered work
    static final List<String> AGENTS = List.of(ADA, BEN, COR, DIRK, EVA);
    static final JsonMapper JSON = JsonMapper.builder().build();

    static LoketInstance a;
    static LoketInstance b;

    @BeforeAll
    static void start() {
        List<String> args = new ArrayList<>(List.of("--loket.offers.timeout=2s", "--loket.offers.decline-cooldown=1m",
                "--loket.offers.sweep-interval=100ms", "--loket.handoff.pending-idle=1ms",
                "--loket.offers.skill-fallback-after=4s"));
        int n = 2; // agent0 and agent1 of LoketInstance stay offline
        for (String[] agent : new String[][] {{ADA, "algemeen", "2"}, {BEN, "algemeen", "2"}, {COR, "algemeen", "1"},
                {DIRK, "belastingen", "2"}}) {
            args.addAll(account(n, agent[0], "AGENT"));
            args.add("--loket.agents[" + n + "].teams[0]=" + agent[1]);
            args.add("--loket.agents[" + n++ + "].capacity=" + agent[2]);
        }
        args.add("--loket.agents[2].languages[0]=nl"); // ada
        args.addAll(account(n, EVA, "AGENT"));
        args.add("--loket.agents[" + n + "].teams[0]=algemeen");
        args.add("--loket.agents[" + n + "].languages[0]=nl");
        args.add("--loket.agents[" + n + "].languages[1]=en");
        args.add("--loket.agents[" + n++ + "].capacity.CHAT=1");
        args.addAll(account(n, LEAD, "SUPERVISOR"));
        String prefix = "loket-offers-" + System.nanoTime();
        a = new LoketInstance(TestRedis.serverUrl(), prefix, args.toArray(String[]::new));
        b = new LoketInstance(TestRedis.serverUrl(), prefix, args.toArray(String[]::new));
    }

    static List<String> account(int n, String user, String role) {
        return List.of("--loket.agents[" + n + "].username=" + user,
                "--loket.agents[" + n + "].password={noop}" + LoketInstance.AGENT_PASSWORD,
                "--loket.agents[" + n + "].roles[0]=" + role);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    /** Each test starts with nobody available and no open task. */
    @AfterEach
    void cleanUp() {
        AGENTS.forEach(agent -> status(a, agent, "offline"));
        SkillChanges skills = a.bean(SkillChanges.class);
        AGENTS.stream().filter(agent -> skills.of(agent).isPresent()).forEach(agent -> skills.reset(agent, LEAD));
        TeamChanges teams = a.bean(TeamChanges.class);
        AGENTS.stream().filter(agent -> teams.of(agent).isPresent()).forEach(agent -> teams.reset(agent, LEAD));
        CapacityChanges capacity = a.bean(CapacityChanges.class);
        AGENTS.stream().filter(agent -> capacity.of(agent).isPresent()).forEach(agent -> capacity.reset(agent, LEAD));
        HandoffService handoff = a.bean(HandoffService.class);
        for (HandoffTask task : handoff.tasks(EnumSet.of(TaskStatus.WAITING, TaskStatus.CLAIMED))) {
            handoff.close(task.id(), LEAD, "OTHER", true);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> AGENTS.stream().allMatch(agent -> offerOf(a, agent) == null));
    }

    @Test
    void aNewTaskIsOfferedToTheLongestIdleAvailableAgentOfItsTeamWithFreeCapacity() throws Exception {
        status(a, BEN, "available");
        status(a, ADA, "available");
        status(b, DIRK, "available");
        try (Stream ben = new Stream(b, BEN)) {
            String task = escalate(a, "Ik wil een medewerker spreken over mijn geheime zaak");

            await().atMost(Duration.ofSeconds(5)).until(() -> task.equals(offerOf(b, BEN)));
            String event = ben.next("\"until\"");
            assertThat(event).as("offer event on the stream of the agent, on the other instance").isNotNull()
                    .contains("\"id\":\"" + task + "\"").contains("\"reference\":\"LK-").contains("\"team\":\"algemeen\"").contains("\"until\"")
                    .doesNotContain("geheime zaak");
            assertThat(ben.seen).anyMatch(line -> line.equals("event:offer"));
            assertThat(offerOf(a, ADA)).as("one open offer per task").isNull();
            assertThat(offerOf(a, DIRK)).as("another team's agent").isNull();
        }
    }

    @Test
    void aDeclinedOfferGoesToTheNextAgentAndNotBackToTheOneWhoDeclined() {
        status(a, ADA, "available");
        status(a, BEN, "available");
        String task = escalate(a, "Ik wil een medewerker spreken");
        await().atMost(Duration.ofSeconds(5)).until(() -> task.equals(offerOf(a, ADA)));

        assertThat(a.agentPost(ADA, "/api/agent/handoffs/" + task + "/offer/decline", "").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> task.equals(offerOf(b, BEN)));
        assertThat(b.agentPost(ADA, "/api/agent/handoffs/" + task + "/offer/decline", "").statusCode())
                .as("declining an offer that is not yours").isEqualTo(409);

        assertThat(b.agentPost(BEN, "/api/agent/handoffs/" + task + "/offer/decline", "").statusCode()).isEqualTo(204);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> offerOf(a, ADA) == null && offerOf(a, BEN) == null);
        assertThat(audit()).anyMatch(e -> e.path("action").asString().equals("OFFER_DECLINED")
                && e.path("agent").asString().equals(ADA) && e.path("taskId").asString().equals(task));
        assertThat(a.agentPost(ADA, "/api/agent/handoffs/" + task + "/claim", "").statusCode())
                .as("the task still waits in the queue for anyone to take").isEqualTo(200);
    }

    @Test
    void anOfferNotAcceptedWithinTheTimeoutMovesOnToTheNextAgent() {
        status(a, ADA, "available");
        status(a, BEN, "available");
        String task = escalate(a, "Ik wil een medewerker spreken");
        await().atMost(Duration.ofSeconds(5)).until(() -> task.equals(offerOf(a, ADA)));

        await().atMost(Duration.ofSeconds(6)).until(() -> task.equals(offerOf(b, BEN)));
        assertThat(offerOf(a, ADA)).isNull();
        assertThat(a.agentPost(ADA, "/api/agent/handoffs/" + task + "/offer/accept", "").statusCode())
                .as("a lapsed offer cannot be accepted").isEqualTo(409);
    }

    @Test
    void anAgentWhoLetsTwoOffersInARowLapseIsSetAwayAndTheTasksGoToAColleague() {
        String[] tasks = adaLetsTheFirstOfTwoTasksLapse();
        String first = tasks[0];
        String second = tasks[1];
        assertThat(statusOf(a, ADA).path("status").asString()).as("one lapse is not yet away").isEqualTo("AVAILABLE");
        await("the second lapses too").atMost(Duration.ofSeconds(8)).until(() -> "AWAY".equals(statusOf(b, ADA).path("status").asString()));
        assertThat(statusOf(a, ADA).path("setBy").asString()).isEqualTo("OFFERS_LAPSED");
        assertThat(offerOf(a, ADA)).isNull();
        assertThat(audit()).filteredOn(e -> e.path("action").asString().equals("OFFER_LAPSED") && e.path("agent").asString().equals(ADA))
                .extracting(e -> e.path("taskId").asString()).contains(first, second);
        assertThat(audit()).anyMatch(e -> e.path("action").asString().equals("STATUS") && e.path("agent").asString().equals(ADA)
                && e.path("detail").asString().equals("AWAY OFFERS_LAPSED"));

        status(a, BEN, "available");
        await("a colleague gets the waiting tasks at once").atMost(Duration.ofSeconds(5)).until(() -> first.equals(offerOf(b, BEN)));
        status(a, ADA, "available");
        assertThat(statusOf(b, ADA).path("setBy").asString()).as("her own choice again").isEqualTo("AGENT");
    }

    @Test
    void anAgentWhoTakesATaskBetweenTwoLapsesStaysAvailable() {
        String second = adaLetsTheFirstOfTwoTasksLapse()[1];
        assertThat(a.agentPost(ADA, "/api/agent/handoffs/" + second + "/offer/accept", "").statusCode()).isEqualTo(200);

        String third = escalate(a, "Ik wil graag bellen met een mens");
        await().atMost(Duration.ofSeconds(5)).until(() -> third.equals(offerOf(a, ADA)));
        await("the third lapses: one in a row").atMost(Duration.ofSeconds(6)).until(() -> offerOf(a, ADA) == null);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> "AVAILABLE".equals(statusOf(b, ADA).path("status").asString()));
    }

    @Test
    void acceptingAnOfferClaimsTheTask() {
        status(a, ADA, "available");
        String task = escalate(a, "Ik wil een medewerker spreken");
        await().atMost(Duration.ofSeconds(5)).until(() -> task.equals(offerOf(b, ADA)));

        HttpResponse<String> accepted = b.agentPost(ADA, "/api/agent/handoffs/" + task + "/offer/accept", "");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        JsonNode view = JSON.readTree(accepted.body());
        assertThat(view.path("status").asString()).isEqualTo("CLAIMED");
        assertThat(view.path("claimedBy").asString()).isEqualTo(ADA);
        assertThat(offerOf(a, ADA)).isNull();
        assertThat(a.agentPost(BEN, "/api/agent/handoffs/" + task + "/offer/accept", "").statusCode()).isEqualTo(409);
        assertThat(audit()).anyMatch(e -> e.path("action").asString().equals("OFFER_ACCEPTED")
                && e.path("agent").asString().equals(ADA) && e.path("taskId").asString().equals(task));
    }

    @Test
    void anAwayOfflineOrFullAgentGetsNoOfferUntilTheyAreAvailableWithRoom() {
        status(a, COR, "available");
        String first = escalate(a, "Ik wil een medewerker spreken");
        await().atMost(Duration.ofSeconds(5)).until(() -> first.equals(offerOf(a, COR)));
        assertThat(a.agentPost(COR, "/api/agent/handoffs/" + first + "/offer/accept", "").statusCode()).isEqualTo(200);
        status(a, ADA, "away");
        status(a, DIRK, "available"); // another team; BEN stays offline

        String second = escalate(b, "Ik wil een medewerker spreken");
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> AGENTS.stream().allMatch(agent -> offerOf(a, agent) == null));

        status(b, ADA, "available");
        await().atMost(Duration.ofSeconds(5)).until(() -> second.equals(offerOf(a, ADA)));
        status(b, ADA, "away");
        await().atMost(Duration.ofSeconds(5)).until(() -> offerOf(a, ADA) == null);

        assertThat(a.agentPost(COR, "/api/agent/handoffs/" + first + "/close", "{\"resolution\":\"ANSWERED\"}").statusCode())
                .isEqualTo(200);
        await("free capacity again").atMost(Duration.ofSeconds(5)).until(() -> second.equals(offerOf(b, COR)));
    }

    @Test
    void aTaskInALanguageAnAgentDoesNotSpeakGoesToAColleagueWhoDoesAndToAnyoneOfTheTeamAfterTheWait() {
        status(a, ADA, "available"); // idle longest, but Dutch only
        status(b, EVA, "available");
        String english = escalate(a, "I would like to speak to a person please");
        assertThat(a.bean(HandoffService.class).task(english).language()).isEqualTo("en");

        await().atMost(Duration.ofSeconds(5)).until(() -> english.equals(offerOf(b, EVA)));
        assertThat(offerOf(a, ADA)).as("no English").isNull();
        assertThat(a.agentPost(EVA, "/api/agent/handoffs/" + english + "/offer/decline", "").statusCode()).isEqualTo(204);

        await("nobody left with the skill: after the wait anyone of the team").atMost(Duration.ofSeconds(10))
                .until(() -> english.equals(offerOf(b, ADA)));
        java.time.Instant offeredAt = java.time.Instant.parse(JSON.readTree(a.agentGet(ADA, "/api/agent/offer").body())
                .path("until").asString()).minusSeconds(2);
        java.time.Instant created = a.bean(HandoffService.class).task(english).createdAt().toInstant();
        assertThat(offeredAt).as("not before the 4 s wait").isAfterOrEqualTo(created.plusSeconds(4));
    }

    @Test
    void aLanguageATeamLeadAddsCountsOnEveryInstanceWithoutARestart() {
        status(a, ADA, "available"); // Dutch only, as configured
        String english = escalate(a, "I would like to speak to a person please");
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(2)).until(() -> offerOf(a, ADA) == null);

        HttpResponse<String> set = skills(b, LEAD, ADA, "PUT", "{\"languages\":[\"nl\",\"en\"],\"channels\":[\"chat\"]}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(JSON.readTree(set.body()).path("changed").asBoolean()).isTrue();
        await("offered by her new skill, before the 4 s wait for anyone").atMost(Duration.ofSeconds(5))
                .until(() -> english.equals(offerOf(a, ADA)));
        java.time.Instant offeredAt = java.time.Instant.parse(JSON.readTree(a.agentGet(ADA, "/api/agent/offer").body())
                .path("until").asString()).minusSeconds(2);
        assertThat(offeredAt).isBefore(a.bean(HandoffService.class).task(english).createdAt().toInstant().plusSeconds(4));
        assertThat(audit()).anyMatch(e -> e.path("action").asString().equals("SKILLS") && e.path("agent").asString().equals(LEAD)
                && e.path("detail").asString().equals("ada languages=nl,en;relay=false;channels=CHAT"));

        assertThat(skills(a, ADA, ADA, "PUT", "{\"languages\":[\"en\"]}").statusCode()).as("an agent sets no skills").isEqualTo(403);
        assertThat(skills(a, LEAD, ADA, "PUT", "{\"languages\":[\"english\"]}").statusCode()).isEqualTo(400);
        assertThat(skills(a, LEAD, ADA, "PUT", "{\"channels\":[\"FAX\"]}").statusCode()).isEqualTo(400);
        assertThat(skills(a, LEAD, "nobody", "PUT", "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> reset = skills(a, LEAD, ADA, "DELETE", null);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                JSON.readTree(skills(b, LEAD, ADA, "GET", null).body()).path("languages").toString().equals("[\"nl\"]"));
    }

    @Test
    void aTeamATeamLeadAddsCountsOnEveryInstanceWithoutARestart() {
        status(a, DIRK, "available"); // belastingen only, as configured
        String general = escalate(a, "Ik wil een medewerker spreken");
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(2)).until(() -> offerOf(a, DIRK) == null);
        assertThat(b.agentPost(DIRK, "/api/agent/handoffs/" + general + "/claim", "").statusCode())
                .as("not his queue").isEqualTo(404);

        HttpResponse<String> set = setting(b, LEAD, DIRK, "teams", "PUT", "{\"teams\":[\"belastingen\",\"algemeen\"]}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(JSON.readTree(set.body()).path("teams").toString()).isEqualTo("[\"algemeen\",\"belastingen\"]");
        await("offered from the queue he works now").atMost(Duration.ofSeconds(5)).until(() -> general.equals(offerOf(a, DIRK)));
        assertThat(audit()).anyMatch(e -> e.path("action").asString().equals("TEAMS") && e.path("agent").asString().equals(LEAD)
                && e.path("detail").asString().equals("dirk belastingen,algemeen"));

        assertThat(setting(a, DIRK, DIRK, "teams", "PUT", "{\"teams\":[\"algemeen\"]}").statusCode()).as("an agent sets no teams")
                .isEqualTo(403);
        HttpResponse<String> unknown = setting(a, LEAD, DIRK, "teams", "PUT", "{\"teams\":[\"sport\"]}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("burgerzaken").contains("sport");
        assertThat(setting(a, LEAD, DIRK, "teams", "PUT", "{\"teams\":[]}").statusCode()).as("at least one").isEqualTo(400);
        assertThat(setting(a, LEAD, "nobody", "teams", "PUT", "{\"teams\":[\"algemeen\"]}").statusCode()).isEqualTo(404);
        assertThat(setting(a, LEAD, DIRK, "teams", "DELETE", null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> JSON.readTree(setting(b, LEAD, DIRK, "teams", "GET", null).body())
                .path("teams").toString().equals("[\"belastingen\"]"));
    }

    @Test
    void aCapacityATeamLeadLowersCountsOnEveryInstanceWithoutARestart() {
        status(a, BEN, "available"); // two tasks at once, as configured
        HttpResponse<String> set = setting(b, LEAD, BEN, "capacity", "PUT", "{\"total\":1}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(JSON.readTree(set.body()).path("total").asInt()).isEqualTo(1);

        String first = escalate(a, "Ik wil een medewerker spreken");
        await().atMost(Duration.ofSeconds(5)).until(() -> first.equals(offerOf(a, BEN)));
        assertThat(a.agentPost(BEN, "/api/agent/handoffs/" + first + "/offer/accept", "").statusCode()).isEqualTo(200);
        String second = escalate(b, "Ik wil een medewerker spreken");
        await("one task at a time now").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> offerOf(a, BEN) == null);
        assertThat(b.agentPost(BEN, "/api/agent/handoffs/" + second + "/claim", "").statusCode()).isEqualTo(409);
        assertThat(audit()).anyMatch(e -> e.path("action").asString().equals("CAPACITY")
                && e.path("detail").asString().equals("ben total=1;chat=;phone=;sms=;webform="));

        assertThat(setting(a, LEAD, BEN, "capacity", "PUT", "{\"chat\":0}").statusCode()).isEqualTo(400);
        assertThat(setting(a, LEAD, BEN, "capacity", "PUT", "{\"total\":\"twee\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> reset = setting(b, LEAD, BEN, "capacity", "DELETE", null);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        await("room for his second task again").atMost(Duration.ofSeconds(5)).until(() -> second.equals(offerOf(a, BEN)));
    }

    @Test
    void volgendeTaakHandsOutTheTaskInTheAgentsLanguageFirstAndTheOtherAfterwards() {
        // Nobody available, so nothing is offered: ada pulls.
        String english = escalate(a, "I would like to speak to a person please");
        String dutch = escalate(b, "Ik wil een medewerker spreken");

        HttpResponse<String> first = a.agentPost(ADA, "/api/agent/handoffs/next", "");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("id").asString()).as("Dutch first, though newer").isEqualTo(dutch);
        HttpResponse<String> second = b.agentPost(ADA, "/api/agent/handoffs/next", "");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(JSON.readTree(second.body()).path("id").asString()).as("a pull still gets the rest").isEqualTo(english);
    }

    @Test
    void anAgentWithTheirChatsFullIsNotOfferedAnotherChat() {
        status(a, EVA, "available");
        String first = escalate(a, "Ik wil een medewerker spreken");
        await().atMost(Duration.ofSeconds(5)).until(() -> first.equals(offerOf(a, EVA)));
        assertThat(a.agentPost(EVA, "/api/agent/handoffs/" + first + "/offer/accept", "").statusCode()).isEqualTo(200);

        String second = escalate(b, "Ik wil een medewerker spreken");
        await("one chat at a time").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> offerOf(a, EVA) == null);
        HttpResponse<String> claim = b.agentPost(EVA, "/api/agent/handoffs/" + second + "/claim", "");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(409);
        assertThat(claim.body()).contains("CHAT");
        HttpResponse<String> next = a.agentPost(EVA, "/api/agent/handoffs/next", "");
        assertThat(next.statusCode()).as("a chat waits, but not one she may take: at capacity, not 'nothing waits'")
                .isEqualTo(409);
        assertThat(next.body()).contains("CHAT");
    }

    @Test
    void twoInstancesTwoAgentsAcceptingAndClaimingAtOnceGiveExactlyOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 8; round++) {
                status(a, ADA, "available");
                String task = escalate(round % 2 == 0 ? a : b, "Ik wil een medewerker spreken");
                await().atMost(Duration.ofSeconds(5)).until(() -> task.equals(offerOf(a, ADA)));

                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = List.of(
                        pool.submit(at(go, () -> a.agentPost(ADA, "/api/agent/handoffs/" + task + "/offer/accept", ""))),
                        pool.submit(at(go, () -> b.agentPost(BEN, "/api/agent/handoffs/" + task + "/claim", ""))),
                        pool.submit(at(go, () -> b.agentPost(COR, "/api/agent/handoffs/next", ""))));
                go.countDown();
                List<Integer> codes = new ArrayList<>();
                for (Future<HttpResponse<String>> answer : answers) {
                    codes.add(answer.get(10, TimeUnit.SECONDS).statusCode());
                }
                HandoffTask after = a.bean(HandoffService.class).task(task);
                assertThat(codes.stream().filter(c -> c == 200).count()).as("round %d: %s", round, codes).isEqualTo(1);
                assertThat(codes).as("the others: 409 (taken or offer gone) or 204 (nothing left)").allMatch(c -> c == 200 || c == 409 || c == 204);
                assertThat(after.status()).isEqualTo(TaskStatus.CLAIMED);
                await("a claim by anyone withdraws the offer").atMost(Duration.ofSeconds(5)).until(() -> offerOf(b, ADA) == null);
                a.bean(HandoffService.class).close(task, LEAD, "OTHER", true);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- helpers ----

    static <T> java.util.concurrent.Callable<T> at(CountDownLatch go, Supplier<T> call) {
        return () -> {
            go.await();
            return call.get();
        };
    }

    /** A chat resident asks for a person; returns the id of the task that opens. */
    static String escalate(LoketInstance on, String text) {
        LoketInstance.Chat chat = on.openChat();
        assertThat(on.sendChat(chat, text).statusCode()).isEqualTo(200);
        ContactService contacts = on.bean(ContactService.class);
        HandoffService handoff = on.bean(HandoffService.class);
        String conversation = contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id();
        return await().atMost(Duration.ofSeconds(5)).until(
                () -> handoff.taskOfConversation(conversation).map(HandoffTask::id).orElse(null), id -> id != null);
    }

    static void status(LoketInstance on, String agent, String status) {
        HttpResponse<String> r = on.send(HttpRequest.newBuilder(URI.create(on.url("/api/agent/status")))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")), LoketInstance.basic(agent));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** Ada, alone available, is offered a first task, lets it lapse and is offered a second: the two task ids. */
    static String[] adaLetsTheFirstOfTwoTasksLapse() {
        status(a, ADA, "available");
        String first = escalate(a, "Ik wil een medewerker spreken");
        await().atMost(Duration.ofSeconds(5)).until(() -> first.equals(offerOf(a, ADA)));
        String second = escalate(b, "Kan ik iemand van de gemeente spreken?");
        await("the first lapses, the second comes to her").atMost(Duration.ofSeconds(8)).until(() -> second.equals(offerOf(b, ADA)));
        return new String[] {first, second};
    }

    /** The skills endpoint of one agent, as {@code user}. */
    static HttpResponse<String> skills(LoketInstance on, String user, String agent, String method, String json) {
        return setting(on, user, agent, "skills", method, json);
    }

    /** One of an agent's settings ({@code skills}, {@code teams}, {@code capacity}), as {@code user}. */
    static HttpResponse<String> setting(LoketInstance on, String user, String agent, String kind, String method, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(on.url("/api/agent/agents/" + agent + "/" + kind)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return on.send(request, LoketInstance.basic(user));
    }

    /** The agent's own status as the API gives it: status, since, setBy. */
    static JsonNode statusOf(LoketInstance on, String agent) {
        HttpResponse<String> r = on.agentGet(agent, "/api/agent/status");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** The id of the task offered to this agent now, or null. */
    static String offerOf(LoketInstance on, String agent) {
        HttpResponse<String> r = on.agentGet(agent, "/api/agent/offer");
        if (r.statusCode() == 204) {
            return null;
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("id").asString();
    }

    static List<JsonNode> audit() {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(a.agentGet(LEAD, "/api/agent/audit?limit=200").body()).forEach(out::add);
        return out;
    }

    /** The lines of one agent's event stream. */
    static final class Stream implements AutoCloseable {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> seen = new ArrayList<>();
        final CompletableFuture<?> response;

        Stream(LoketInstance on, String user) throws InterruptedException {
            String[] auth = LoketInstance.basic(user);
            HttpRequest request = HttpRequest.newBuilder(URI.create(on.url("/api/agent/stream")))
                    .header(auth[0], auth[1]).header("Accept", "text/event-stream").GET().build();
            response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(r -> r.body().forEach(lines::add));
            assertThat(next("event:ready")).isNotNull();
        }

        /** The first line with this text within ten seconds, or null; every line read is kept in {@link #seen}. */
        String next(String containing) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < end) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line.replace(" ", ""));
                    if (line.replace(" ", "").contains(containing.replace(" ", ""))) {
                        return line;
                    }
                }
            }
            return null;
        }

        @Override
        public void close() {
            response.cancel(true);
        }
    }
}
