package nl.loket.handoff;

import nl.loket.contact.Resolution;
import nl.loket.contact.Channel;
import nl.loket.contact.Priority;
import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.ConversationEscalated;
import nl.loket.contact.ConversationState;
import nl.loket.platform.RedisKeys;
import nl.loket.support.HandoffIntegrationTest;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue on real Redis through the real agent API: claims, ordering, reclaiming, closing. */
class HandoffQueueIT extends HandoffIntegrationTest {

    @Autowired HandoffService handoff;
    @Autowired ContactService contacts;
    @Autowired ClaimReclaimer reclaimer;
    @Autowired TaskStore store;
    @Autowired MissingTaskRepair repair;
    @Autowired Pool<Jedis> pool;
    @Autowired RedisKeys keys;

    /** A chat that asked for a person; returns its task. */
    HandoffTask escalatedChat(String text) {
        Chat chat = chat();
        JsonNode reply = say(chat, text);
        assertThat(reply.get("outcome").asString()).isEqualTo("ESCALATED");
        Conversation conversation = contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow();
        return handoff.taskOfConversation(conversation.id()).orElseThrow();
    }

    ConversationState stateOf(HandoffTask task) {
        return contacts.conversation(task.conversationId()).orElseThrow().state();
    }

    @Test
    void anEscalationBecomesAWaitingTaskWithSummaryAndContext() {
        HandoffTask task = escalatedChat("Ik wil een medewerker spreken over mijn paspoort");

        assertThat(task.status()).isEqualTo(TaskStatus.WAITING);
        assertThat(task.reason().name()).isEqualTo("HUMAN_REQUESTED");
        assertThat(task.priority().name()).isEqualTo("NORMAL");
        assertThat(task.queue()).isEqualTo("algemeen");
        assertThat(task.channel()).isEqualTo(Channel.CHAT);
        assertThat(task.summary()).contains("Wie: CHAT").contains("Vraag: Ik wil een medewerker spreken over mijn paspoort")
                .contains("Reden overdracht").contains("HUMAN_REQUESTED");
        assertThat(stateOf(task)).isEqualTo(ConversationState.WAITING);
    }

    @Test
    void aConversationGetsOneTaskHoweverOftenItIsEscalated() {
        HandoffTask task = escalatedChat("Ik wil een medewerker spreken");
        HandoffTask again = handoff.open(new ConversationEscalated(task.conversationId(), task.residentId(), null, null, null));
        assertThat(again.id()).isEqualTo(task.id());
        assertThat(handoff.tasks(java.util.EnumSet.allOf(TaskStatus.class)))
                .filteredOn(t -> t.conversationId().equals(task.conversationId())).hasSize(1);
    }

    @Test
    void twentyAgentsClaimingAtOnceGiveExactlyOneWinner() throws Exception {
        HandoffTask task = escalatedChat("Ik wil een medewerker spreken");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RACE_AGENTS);
        try {
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (int i = 0; i < RACE_AGENTS; i++) {
                String agent = "agent" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return agentPost(agent, "/api/agent/handoffs/" + task.id() + "/claim", null);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> r : results) {
                statuses.add(r.get().statusCode());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(RACE_AGENTS - 1);
        } finally {
            pool.shutdownNow();
        }
        HandoffTask claimed = handoff.task(task.id());
        assertThat(claimed.status()).isEqualTo(TaskStatus.CLAIMED);
        assertThat(claimed.claimedBy()).startsWith("agent");
        assertThat(stateOf(claimed)).isEqualTo(ConversationState.WITH_AGENT);
    }

    @Test
    void aLosingClaimIsAProblemResponse() {
        HandoffTask task = escalatedChat("Ik wil een medewerker spreken");
        assertThat(agentPost("agent1", "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(agentPost("agent1", "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode())
                .as("claiming your own task again is harmless").isEqualTo(200);
        HttpResponse<String> lost = agentPost("agent2", "/api/agent/handoffs/" + task.id() + "/claim", null);
        assertThat(lost.statusCode()).isEqualTo(409);
        assertThat(lost.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(lost).get("title").asString()).isEqualTo("Task already claimed");
    }

    @Test
    void aClaimWithoutActivityGoesBackToTheQueueWhenTheReclaimJobRuns() {
        HandoffTask task = escalatedChat("Ik wil een medewerker spreken");
        assertThat(agentPost("agent3", "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);

        reclaimer.reclaim(Instant.now().plus(Duration.ofMinutes(4)));
        assertThat(handoff.task(task.id()).status()).as("deadline (5m) not passed yet").isEqualTo(TaskStatus.CLAIMED);

        // As if the agent's instance died: nobody touches the task for longer than the claim timeout.
        reclaimer.reclaim(Instant.now().plus(Duration.ofMinutes(6)));
        HandoffTask back = handoff.task(task.id());
        assertThat(back.status()).isEqualTo(TaskStatus.WAITING);
        assertThat(back.claimedBy()).isNull();
        assertThat(stateOf(back)).isEqualTo(ConversationState.WAITING);
        assertThat(agentPost("agent4", "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aQueueEntryReadByAnInstanceThatDiedIsHandedOutByAnother() {
        HandoffTask task = escalatedChat("Ik wil een medewerker spreken");
        // The "dead" instance reads entries (they become pending for it) and never claims or acknowledges them.
        boolean seen = false;
        for (int i = 0; i < 500 && !seen; i++) {
            TaskStore.QueueEntry entry = store.readNew(nl.loket.contact.Priority.NORMAL, "instance-that-died").orElseThrow();
            seen = entry.taskId().equals(task.id());
        }
        assertThat(seen).isTrue();
        assertThat(handoff.task(task.id()).status()).isEqualTo(TaskStatus.WAITING);

        List<String> handedOut = new ArrayList<>();
        for (int i = 0; i < 500 && !handedOut.contains(task.id()); i++) {
            HttpResponse<String> next = agentPost("agent0", "/api/agent/handoffs/next", null);
            if (next.statusCode() == 204) {
                break;
            }
            handedOut.add(body(next).get("id").asString());
        }
        assertThat(handedOut).contains(task.id());
        assertThat(handoff.task(task.id()).claimedBy()).isEqualTo("agent0");
    }

    @Test
    void theListShowsTheMostUrgentFirst() {
        HandoffTask normal = escalatedChat("Ik wil een medewerker spreken");
        HandoffTask urgent = escalatedChat("ik wil niet meer leven");
        HandoffTask high = escalatedChat("Ik ben echt boos, de medewerker aan de balie was onbeschoft");
        assertThat(List.of(normal.priority().name(), urgent.priority().name(), high.priority().name()))
                .containsExactly("NORMAL", "URGENT", "HIGH");
        assertThat(urgent.queue()).isEqualTo("urgent");

        HttpResponse<String> response = agentGet("agent5", "/api/agent/handoffs?status=WAITING");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        List<String> priorities = new ArrayList<>();
        for (JsonNode item : body(response)) {
            assertThat(item.get("status").asString()).isEqualTo("WAITING");
            ids.add(item.get("id").asString());
            priorities.add(item.get("priority").asString());
        }
        assertThat(ids).containsSubsequence(urgent.id(), high.id(), normal.id());
        assertThat(priorities).isSortedAccordingTo(java.util.Comparator.comparing(p -> List.of("URGENT", "HIGH", "NORMAL").indexOf(p)));

        JsonNode item = body(response).get(ids.indexOf(high.id()));
        for (String field : List.of("id", "reference", "conversationId", "residentId", "channel", "language", "reason",
                "priority", "status", "summary", "createdAt", "transcript", "history", "suggestions")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
        assertThat(item.get("transcript").get(0).get("author").asString()).isEqualTo("resident");
        assertThat(item.get("transcript").get(0).get("direction").asString()).isEqualTo("IN");
        assertThat(item.get("transcript").get(1).get("author").asString()).isEqualTo("assistant");
    }

    @Test
    void aCrisisWhileWaitingMovesTheTaskToTheFrontAndNextHandsItOutFirst() {
        Chat chat = chat();
        say(chat, "Ik wil een medewerker spreken");
        Conversation conversation = contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow();
        HandoffTask before = handoff.taskOfConversation(conversation.id()).orElseThrow();
        assertThat(before.priority()).isEqualTo(Priority.NORMAL);

        JsonNode reply = say(chat, "ik zie het niet meer zitten, ik wil er een eind aan maken");

        assertThat(reply.get("text").asString()).contains("113");
        HandoffTask after = handoff.task(before.id());
        assertThat(after.priority()).isEqualTo(Priority.URGENT);
        assertThat(after.reason()).isEqualTo(nl.loket.contact.EscalationReason.CRISIS);
        assertThat(after.status()).isEqualTo(TaskStatus.WAITING);
        HttpResponse<String> next = agentPost("agent8", "/api/agent/handoffs/next", null);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(body(next).get("priority").asString()).isEqualTo("URGENT");
    }

    @Test
    void nextHandsOutUrgentThenHighThenNormal() {
        HandoffTask normal = escalatedChat("Ik wil een medewerker spreken");
        HandoffTask high = escalatedChat("Ik ben echt boos, de medewerker aan de balie was onbeschoft");
        HandoffTask urgent = escalatedChat("ik wil niet meer leven");
        List<String> handedOut = new ArrayList<>();
        List<String> priorities = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            HttpResponse<String> next = agentPost("agent6", "/api/agent/handoffs/next", null);
            if (next.statusCode() == 204) {
                break;
            }
            assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
            assertThat(body(next).get("claimedBy").asString()).isEqualTo("agent6");
            handedOut.add(body(next).get("id").asString());
            priorities.add(body(next).get("priority").asString());
        }
        assertThat(handedOut).containsSubsequence(urgent.id(), high.id(), normal.id());
        assertThat(priorities).isSortedAccordingTo(java.util.Comparator.comparing(p -> List.of("URGENT", "HIGH", "NORMAL").indexOf(p)));
    }

    @Test
    void releaseAndCloseMoveTheConversationAlong() {
        HandoffTask task = escalatedChat("Ik wil een medewerker spreken");
        String path = "/api/agent/handoffs/" + task.id();
        assertThat(agentPost("agent7", path + "/close", "{\"resolution\":\"ANSWERED\"}").statusCode())
                .as("not claimed yet").isEqualTo(409);
        assertThat(agentPost("agent7", path + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(agentPost("agent8", path + "/release", null).statusCode()).as("not yours").isEqualTo(409);

        HttpResponse<String> released = agentPost("agent7", path + "/release", null);
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(body(released).get("status").asString()).isEqualTo("WAITING");
        assertThat(stateOf(task)).isEqualTo(ConversationState.WAITING);

        assertThat(agentPost("agent8", path + "/claim", null).statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = agentPost("agent8", path + "/close", "{\"resolution\":\"SOLVED_SOMEHOW\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(body(unknown).get("field").asString()).isEqualTo("resolution");

        HttpResponse<String> closed = agentPost("agent8", path + "/close", "{\"resolution\":\"COMPLAINT_HANDLED_INFORMALLY\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(body(closed).get("status").asString()).isEqualTo("CLOSED");
        Conversation conversation = contacts.conversation(task.conversationId()).orElseThrow();
        assertThat(conversation.state()).isEqualTo(ConversationState.CLOSED);
        assertThat(conversation.resolution()).isEqualTo(Resolution.COMPLAINT_HANDLED_INFORMALLY);
        assertThat(agentPost("agent8", path + "/messages", "{\"text\":\"nog iets\"}").statusCode()).isEqualTo(409);
        assertThat(agentPost("agent8", path + "/claim", null).statusCode()).isEqualTo(409);
    }

    @Test
    void anUnknownTaskIsNotFound() {
        HttpResponse<String> response = agentPost("agent9", "/api/agent/handoffs/doesnotexist/claim", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(agentGet("agent9", "/api/agent/handoffs/doesnotexist").statusCode()).isEqualTo(404);
    }

    @Test
    void aConversationLeftWaitingWithoutItsTaskGetsOneFromTheRepair() {
        HandoffTask lost = escalatedChat("Ik wil een medewerker spreken over mijn rijbewijs");
        // As if Redis went away between storing the escalated conversation and creating its task.
        try (Jedis jedis = pool.getResource()) {
            jedis.del(keys.key("handoff", "conversation", lost.conversationId()), keys.key("handoff", "task", lost.id()));
            jedis.zrem(keys.key("handoff", "open"), lost.id());
        }
        assertThat(handoff.taskOfConversation(lost.conversationId())).isEmpty();

        assertThat(repair.repair()).isGreaterThanOrEqualTo(1);

        HandoffTask repaired = handoff.taskOfConversation(lost.conversationId()).orElseThrow();
        assertThat(repaired.id()).isNotEqualTo(lost.id());
        assertThat(repaired.reason().name()).isEqualTo("HUMAN_REQUESTED");
        assertThat(repaired.status()).isEqualTo(TaskStatus.WAITING);
        assertThat(handoff.tasks(Set.of(TaskStatus.WAITING))).extracting(HandoffTask::conversationId)
                .contains(lost.conversationId());
        assertThat(repair.repair()).as("a conversation with its task is not opened again").isZero();
        assertThat(handoff.taskOfConversation(lost.conversationId()).orElseThrow().id()).isEqualTo(repaired.id());
    }
}
