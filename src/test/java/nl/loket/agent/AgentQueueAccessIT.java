package nl.loket.agent;

import nl.loket.support.WorkbenchSession;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.handoff.TaskStatus;
import nl.loket.support.HandoffIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agents see only tasks of their queues ({@code loket.agents[n].queues}), supervisors and agents without
 * queues see all; a task of another queue is answered like an unknown one (404), on the API and the pages.
 */
class AgentQueueAccessIT extends HandoffIntegrationTest {

    @Autowired HandoffService handoff;
    @Autowired ContactService contacts;

    HandoffTask escalated(String text) {
        Chat chat = chat();
        say(chat, text);
        return handoff.taskOfConversation(contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id()).orElseThrow();
    }

    HandoffTask general() {
        HandoffTask task = escalated("Ik wil een medewerker spreken");
        assertThat(task.queue()).isEqualTo("algemeen");
        return task;
    }

    HandoffTask urgent() {
        HandoffTask task = escalated("ik wil niet meer leven");
        assertThat(task.queue()).isEqualTo("urgent");
        return task;
    }

    List<String> listedIds(String user, String query) {
        HttpResponse<String> response = agentGet(user, "/api/agent/handoffs" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        body(response).forEach(t -> ids.add(t.get("id").asString()));
        return ids;
    }

    @Test
    void anAgentWithQueuesSeesAndReadsOnlyTasksOfThoseQueues() {
        HandoffTask general = general();
        HandoffTask urgent = urgent();

        assertThat(listedIds(URGENT_AGENT, "")).contains(urgent.id()).doesNotContain(general.id());
        assertThat(listedIds(URGENT_AGENT, "?status=WAITING")).contains(urgent.id()).doesNotContain(general.id());
        assertThat(agentGet(URGENT_AGENT, "/api/agent/handoffs/" + urgent.id()).statusCode()).isEqualTo(200);

        HttpResponse<String> hidden = agentGet(URGENT_AGENT, "/api/agent/handoffs/" + general.id());
        HttpResponse<String> unknown = agentGet(URGENT_AGENT, "/api/agent/handoffs/no-such-task");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(body(hidden).get("title").asString()).isEqualTo(body(unknown).get("title").asString());
        assertThat(body(hidden).get("detail").asString()).isEqualTo(body(unknown).get("detail").asString());

        assertThat(listedIds("supervisor", "")).contains(urgent.id(), general.id());
        assertThat(agentGet("supervisor", "/api/agent/handoffs/" + general.id()).statusCode()).isEqualTo(200);
        assertThat(listedIds("agent7", "")).as("an agent without queues sees all").contains(urgent.id(), general.id());
        assertThat(agentGet("agent7", "/api/agent/handoffs/" + general.id()).statusCode()).isEqualTo(200);
    }

    @Test
    void anAgentWithQueuesReadsTheHistoryOnlyOfResidentsWithATaskInThoseQueues() {
        HandoffTask general = general();
        HandoffTask urgent = urgent();
        String generalResident = "/api/agent/residents/" + general.residentId() + "/contacts";
        String urgentResident = "/api/agent/residents/" + urgent.residentId() + "/contacts";

        assertThat(agentGet(URGENT_AGENT, urgentResident).statusCode()).isEqualTo(200);
        HttpResponse<String> hidden = agentGet(URGENT_AGENT, generalResident);
        HttpResponse<String> unknown = agentGet(URGENT_AGENT, "/api/agent/residents/no-such-resident/contacts");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(body(hidden).get("detail").asString()).isEqualTo(body(unknown).get("detail").asString());

        assertThat(agentGet("supervisor", generalResident).statusCode()).isEqualTo(200);
        assertThat(agentGet("agent7", generalResident).statusCode()).as("an agent without queues reads all").isEqualTo(200);
    }

    @Test
    void anAgentWithQueuesCannotClaimReplyReleaseOrCloseATaskOfAnotherQueue() {
        HandoffTask general = general();
        String path = "/api/agent/handoffs/" + general.id();

        assertThat(agentPost(URGENT_AGENT, path + "/claim", null).statusCode()).isEqualTo(404);
        assertThat(handoff.task(general.id()).status()).isEqualTo(TaskStatus.WAITING);

        assertThat(agentPost("agent8", path + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(agentPost(URGENT_AGENT, path + "/messages", "{\"text\":\"Hallo\"}").statusCode()).isEqualTo(404);
        assertThat(agentPost(URGENT_AGENT, path + "/release", null).statusCode()).isEqualTo(404);
        assertThat(agentPost(URGENT_AGENT, path + "/close", "{\"resolution\":\"ANSWERED\"}").statusCode()).isEqualTo(404);
        HandoffTask after = handoff.task(general.id());
        assertThat(after.status()).isEqualTo(TaskStatus.CLAIMED);
        assertThat(after.claimedBy()).isEqualTo("agent8");

        assertThat(agentPost("supervisor", path + "/release", null).statusCode()).as("a supervisor may").isEqualTo(200);
    }

    @Test
    void claimNextTakesOnlyFromTheAgentsQueues() {
        HandoffTask general = general();
        HandoffTask urgent = urgent();

        List<String> handedOut = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            HttpResponse<String> next = agentPost(URGENT_AGENT, "/api/agent/handoffs/next", null);
            if (next.statusCode() == 204) {
                break;
            }
            assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
            JsonNode task = body(next);
            assertThat(task.get("claimedBy").asString()).isEqualTo(URGENT_AGENT);
            assertThat(handoff.task(task.get("id").asString()).queue()).isEqualTo("urgent");
            handedOut.add(task.get("id").asString());
        }
        assertThat(handedOut).contains(urgent.id()).doesNotContain(general.id());
        assertThat(handoff.task(general.id()).status()).isEqualTo(TaskStatus.WAITING);

        // The general task is still handed out to an agent of all queues through the ordinary queue.
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 500 && !others.contains(general.id()); i++) {
            HttpResponse<String> next = agentPost("agent9", "/api/agent/handoffs/next", null);
            if (next.statusCode() == 204) {
                break;
            }
            others.add(body(next).get("id").asString());
        }
        assertThat(others).contains(general.id()).doesNotContain(urgent.id());
    }

    @Test
    void theWorkbenchPagesShowOnlyTasksOfTheAgentsQueues() {
        HandoffTask general = general();
        HandoffTask urgent = urgent();
        WorkbenchSession agent = new WorkbenchSession(port).loggedIn(URGENT_AGENT, PASSWORD);

        HttpResponse<String> queue = agent.get("/agent");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains(urgent.id()).doesNotContain(general.id());
        assertThat(agent.get("/agent/queue.json").body()).contains(urgent.id()).doesNotContain(general.id());

        assertThat(agent.get("/agent/tasks/" + urgent.id()).statusCode()).isEqualTo(200);
        assertThat(agent.get("/agent/tasks/" + general.id()).statusCode()).isEqualTo(404);
        assertThat(agent.get("/agent/tasks/" + general.id() + "/updates.json").statusCode()).isEqualTo(404);
        assertThat(agent.post("/agent/tasks/" + general.id() + "/reveal", Map.of()).statusCode()).isEqualTo(404);
        HttpResponse<String> claim = agent.post("/agent/tasks/" + general.id() + "/claim", Map.of());
        assertThat(claim.statusCode()).isEqualTo(404);
        assertThat(claim.body()).contains("Deze taak bestaat niet meer.");
        assertThat(agent.post("/agent/tasks/" + general.id() + "/reply", Map.of("text", "Hallo")).statusCode()).isEqualTo(404);
        assertThat(agent.post("/agent/tasks/" + general.id() + "/release", Map.of()).statusCode()).isEqualTo(404);
        assertThat(agent.post("/agent/tasks/" + general.id() + "/close", Map.of("resolution", "ANSWERED")).statusCode())
                .isEqualTo(404);
        assertThat(handoff.task(general.id()).status()).isEqualTo(TaskStatus.WAITING);

        WorkbenchSession supervisor = new WorkbenchSession(port).loggedIn("supervisor", PASSWORD);
        assertThat(supervisor.get("/agent").body()).contains(urgent.id(), general.id());
        assertThat(supervisor.get("/agent/tasks/" + general.id()).statusCode()).isEqualTo(200);
    }
}
