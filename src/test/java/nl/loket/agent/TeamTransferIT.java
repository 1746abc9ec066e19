package nl.loket.agent;

import nl.loket.support.WorkbenchSession;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Message;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
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
 * Teams ({@code loket.teams}, the shipped sample division): a hand-off lands in the team of the topic the resident
 * asked about, an agent of that team hands it to another team or a colleague with a note, the resident is told
 * without having to repeat anything, and notes stay internal.
 */
class TeamTransferIT extends HandoffIntegrationTest {

    @Autowired HandoffService handoff;
    @Autowired ContactService contacts;

    /** A resident asks about a passport, then wants a person: the task belongs to Burgerzaken. */
    HandoffTask passportTask() {
        Chat chat = chat();
        say(chat, "Hoe vraag ik een paspoort aan?");
        say(chat, "Ik wil een medewerker spreken");
        return handoff.taskOfConversation(contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id()).orElseThrow();
    }

    List<String> listedIds(String user) {
        List<String> ids = new ArrayList<>();
        body(agentGet(user, "/api/agent/handoffs")).forEach(t -> ids.add(t.get("id").asString()));
        return ids;
    }

    String transfer(String target, String value, String note) {
        Map<String, String> request = note == null ? Map.of(target, value) : Map.of(target, value, "note", note);
        return json.writeValueAsString(request);
    }

    @Test
    void aHandOffGoesToTheTeamOfItsTopicAndOnlyThatTeamSeesIt() {
        HandoffTask task = passportTask();
        assertThat(task.team()).isEqualTo("burgerzaken");
        assertThat(task.queue()).isEqualTo("burgerzaken");
        assertThat(body(agentGet(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id())).get("team").asString())
                .isEqualTo("burgerzaken");
        assertThat(listedIds(BURGERZAKEN_AGENT)).contains(task.id());
        assertThat(listedIds(BELASTINGEN_AGENT)).doesNotContain(task.id());
        assertThat(agentGet(BELASTINGEN_AGENT, "/api/agent/handoffs/" + task.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void aCrisisIsFirstInLineForEveryTeam() {
        Chat chat = chat();
        say(chat, "ik wil niet meer leven");
        HandoffTask task = handoff.taskOfConversation(contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id())
                .orElseThrow();
        assertThat(task.queue()).isEqualTo("urgent");
        assertThat(listedIds(BURGERZAKEN_AGENT)).contains(task.id());
        assertThat(listedIds(BELASTINGEN_AGENT)).contains(task.id());
    }

    @Test
    void aTransferToAnotherTeamNeedsANoteAndTellsTheResidentWithoutAskingThemToRepeat() {
        HandoffTask task = passportTask();
        String path = "/api/agent/handoffs/" + task.id() + "/transfer";
        assertThat(agentPost(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);

        HttpResponse<String> noNote = agentPost(BURGERZAKEN_AGENT, path, transfer("team", "belastingen", null));
        assertThat(noNote.statusCode()).as(noNote.body()).isEqualTo(400);
        assertThat(noNote.body()).contains("note");
        assertThat(agentPost(BURGERZAKEN_AGENT, path, transfer("team", "bestaat-niet", "zie vraag")).statusCode()).isEqualTo(400);
        assertThat(agentPost(BURGERZAKEN_AGENT, path, "{\"team\":\"belastingen\",\"agent\":\"bea\",\"note\":\"x\"}").statusCode())
                .isEqualTo(400);
        int messagesBefore = contacts.messages(task.conversationId()).size();

        HttpResponse<String> moved = agentPost(BURGERZAKEN_AGENT, path,
                transfer("team", "belastingen", "Vraag gaat eigenlijk over de WOZ-waarde van haar nieuwe huis."));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode view = body(moved);
        assertThat(view.get("team").asString()).isEqualTo("belastingen");
        assertThat(view.get("status").asString()).isEqualTo("WAITING");
        assertThat(view.get("notes").get(0).get("kind").asString()).isEqualTo("TRANSFER");
        assertThat(view.get("notes").get(0).get("to").asString()).isEqualTo("belastingen");

        assertThat(agentGet(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id()).statusCode()).isEqualTo(404);
        JsonNode seen = body(agentGet(BELASTINGEN_AGENT, "/api/agent/handoffs/" + task.id()));
        assertThat(seen.get("notes").get(0).get("text").asString()).contains("WOZ-waarde");
        assertThat(seen.get("transcript").toString()).contains("paspoort");

        List<Message> messages = contacts.messages(task.conversationId());
        assertThat(messages).hasSize(messagesBefore + 1);
        assertThat(messages.get(messages.size() - 1).text()).contains("U hoeft niets opnieuw te vertellen").doesNotContain("WOZ");
        assertThat(agentGet("supervisor", "/api/agent/audit?limit=20").body()).contains("TRANSFER");
    }

    @Test
    void aTransferToANamedColleagueHandsThemTheTaskToAnswer() {
        HandoffTask task = passportTask();
        assertThat(agentPost(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(agentPost(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id() + "/transfer",
                transfer("agent", "niemand-bekend", "x")).statusCode()).isEqualTo(400);

        HttpResponse<String> moved = agentPost(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id() + "/transfer",
                transfer("agent", BELASTINGEN_AGENT, "Jij weet hoe dit zit met de aanslag."));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(body(moved).get("claimedBy").asString()).isEqualTo(BELASTINGEN_AGENT);
        assertThat(body(moved).get("status").asString()).isEqualTo("CLAIMED");

        HttpResponse<String> answered = agentPost(BELASTINGEN_AGENT, "/api/agent/handoffs/" + task.id() + "/messages",
                "{\"text\":\"Ik help u verder met uw vraag.\"}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        assertThat(agentPost(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id() + "/messages", "{\"text\":\"nog iets\"}")
                .statusCode()).isIn(403, 404, 409);
    }

    @Test
    void anInternalNoteIsForColleaguesAndNeverReachesTheResident() {
        HandoffTask task = passportTask();
        int messagesBefore = contacts.messages(task.conversationId()).size();
        assertThat(agentPost(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id() + "/notes", "{}").statusCode()).isEqualTo(400);
        HttpResponse<String> noted = agentPost(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id() + "/notes",
                "{\"text\":\"Mevrouw belt ook over haar verhuizing.\"}");
        assertThat(noted.statusCode()).as(noted.body()).isEqualTo(201);
        assertThat(body(noted).get("kind").asString()).isEqualTo("NOTE");

        assertThat(body(agentGet(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id())).get("notes").get(0).get("text").asString())
                .contains("verhuizing");
        assertThat(contacts.messages(task.conversationId())).hasSize(messagesBefore);
        assertThat(agentPost(BELASTINGEN_AGENT, "/api/agent/handoffs/" + task.id() + "/notes", "{\"text\":\"x\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aTeamLeadSeesWaitingPerTeamAndPriorityAgainstTheTarget() {
        HandoffTask task = passportTask();
        HttpResponse<String> overview = agentGet("supervisor", "/api/agent/teams");
        assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
        JsonNode burgerzaken = null;
        for (JsonNode line : body(overview)) {
            if ("burgerzaken".equals(line.get("team").asString())) {
                burgerzaken = line;
            }
        }
        assertThat(burgerzaken).isNotNull();
        assertThat(burgerzaken.get("title").asString()).isEqualTo("Burgerzaken");
        assertThat(burgerzaken.get("waiting").get("NORMAL").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(burgerzaken.get("targetMinutes").asLong()).isEqualTo(2 * 24 * 60);
        assertThat(burgerzaken.get("breached").toString()).doesNotContain(task.reference());
        assertThat(agentGet(BURGERZAKEN_AGENT, "/api/agent/teams").statusCode()).isEqualTo(403);
    }

    @Test
    void anAgentSetsTheirStatusAndTheTeamLeadSeesIt() {
        java.util.function.BiFunction<String, String, HttpResponse<String>> put = (user, body) -> send(request("/api/agent/status")
                .header("Content-Type", "application/json").header(basic(user)[0], basic(user)[1])
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(put.apply(BELASTINGEN_AGENT, "{\"status\":\"koffie\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> set = put.apply(BELASTINGEN_AGENT, "{\"status\":\"available\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(body(agentGet(BELASTINGEN_AGENT, "/api/agent/status")).get("status").asString()).isEqualTo("AVAILABLE");

        assertThat(agentGet(BELASTINGEN_AGENT, "/api/agent/agents").statusCode()).isEqualTo(403);
        String all = agentGet("supervisor", "/api/agent/agents").body();
        assertThat(all).contains("\"agent\":\"" + BELASTINGEN_AGENT + "\"").contains("AVAILABLE");
        assertThat(agentGet("supervisor", "/api/agent/audit?limit=50").body()).contains("\"action\":\"STATUS\"");
    }

    @Test
    void standardRepliesAreTheTeamsAndOnesOwnFilledInForTheTask() {
        HandoffTask task = passportTask();
        String filled = agentGet(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id() + "/snippets").body();
        assertThat(filled).contains("Afspraak bij de Stadswinkel").contains(task.reference()).contains(BURGERZAKEN_AGENT)
                .contains("team Burgerzaken").doesNotContain("{kenmerk}").doesNotContain("Bezwaar tegen de aanslag");

        assertThat(agentPost(BURGERZAKEN_AGENT, "/api/agent/snippets", "{\"text\":\"zonder titel\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> added = agentPost(BURGERZAKEN_AGENT, "/api/agent/snippets",
                "{\"title\":\"Terugbellen\",\"text\":\"Ik bel u morgen terug over {kenmerk}. {onbekend} blijft staan.\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String id = body(added).get("id").asString();
        assertThat(agentGet(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id() + "/snippets").body())
                .contains("Ik bel u morgen terug over " + task.reference() + ". {onbekend} blijft staan.");
        assertThat(agentGet(BELASTINGEN_AGENT, "/api/agent/snippets").body()).doesNotContain("Terugbellen");

        java.util.function.Supplier<Integer> delete = () -> send(request("/api/agent/snippets/" + id)
                .header(basic(BURGERZAKEN_AGENT)[0], basic(BURGERZAKEN_AGENT)[1]).DELETE().build()).statusCode();
        assertThat(delete.get()).isEqualTo(204);
        assertThat(delete.get()).isEqualTo(404);
    }

    @Test
    void aConsultedColleagueReadsTheCaseAndAnswersInsideTheTaskWithoutTakingItOver() {
        HandoffTask task = passportTask();
        String path = "/api/agent/handoffs/" + task.id();
        assertThat(agentPost(BURGERZAKEN_AGENT, path + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(agentGet(BELASTINGEN_AGENT, path).statusCode()).isEqualTo(404);
        assertThat(agentPost(BURGERZAKEN_AGENT, path + "/consult", "{\"agent\":\"bea\"}").statusCode()).isEqualTo(400);

        HttpResponse<String> asked = agentPost(BURGERZAKEN_AGENT, path + "/consult",
                "{\"agent\":\"bea\",\"question\":\"Telt een verhuizing mee voor de WOZ van dit jaar?\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        assertThat(body(asked).get("kind").asString()).isEqualTo("CONSULT");

        assertThat(agentGet(BELASTINGEN_AGENT, path).statusCode()).isEqualTo(200);
        assertThat(agentPost(BELASTINGEN_AGENT, path + "/notes", "{\"text\":\"Nee, de WOZ geldt per 1 januari.\"}").statusCode())
                .isEqualTo(201);
        assertThat(agentPost(BELASTINGEN_AGENT, path + "/messages", "{\"text\":\"hallo\"}").statusCode()).isIn(403, 409);

        JsonNode seen = body(agentGet(BURGERZAKEN_AGENT, path));
        assertThat(seen.get("claimedBy").asString()).isEqualTo(BURGERZAKEN_AGENT);
        assertThat(seen.get("notes").toString()).contains("Telt een verhuizing mee").contains("per 1 januari");
    }

    @Test
    void theResidentSeesThatTheAgentHoldingTheirChatIsTypingUntilTheReplyIsSent() {
        Chat chat = chat();
        say(chat, "Hoe vraag ik een paspoort aan?");
        say(chat, "Ik wil een medewerker spreken");
        HandoffTask task = handoff.taskOfConversation(contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id())
                .orElseThrow();
        java.util.function.Supplier<String> typingHeader = () -> get("/api/chat/sessions/" + chat.id() + "/messages",
                "Authorization", "Bearer " + chat.token()).headers().firstValue("Loket-Agent-Typing").orElse("");
        WorkbenchSession bas = new WorkbenchSession(port).loggedIn(BURGERZAKEN_AGENT, PASSWORD);
        bas.get("/agent/tasks/" + task.id());

        assertThat(bas.post("/agent/tasks/" + task.id() + "/typing", Map.of()).statusCode()).isEqualTo(204);
        assertThat(typingHeader.get()).as("not held yet: no hint").isEqualTo("false");

        assertThat(agentPost(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(bas.post("/agent/tasks/" + task.id() + "/typing", Map.of()).statusCode()).isEqualTo(204);
        assertThat(typingHeader.get()).isEqualTo("true");

        assertThat(agentPost(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id() + "/messages",
                "{\"text\":\"U kunt online een afspraak maken.\"}").statusCode()).isEqualTo(202);
        assertThat(typingHeader.get()).isEqualTo("false");
    }

    @Test
    void onTheTaskPageATransferToSomeoneWithoutAnAccountIsRefusedAndTheTaskStays() {
        HandoffTask task = passportTask();
        assertThat(agentPost(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);
        WorkbenchSession bas = new WorkbenchSession(port).loggedIn(BURGERZAKEN_AGENT, PASSWORD);
        bas.get("/agent/tasks/" + task.id());
        HttpResponse<String> refused = bas.post("/agent/tasks/" + task.id() + "/transfer",
                Map.of("colleague", "niemand-bekend", "note", "neem jij deze?"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Kies een team");
        assertThat(handoff.task(task.id()).claimedBy()).isEqualTo(BURGERZAKEN_AGENT);
    }

    @Test
    void anAgentHoldsNoMoreTasksAtOnceThanTheirCapacity() {
        HandoffTask first = passportTask();
        HandoffTask second = passportTask();
        assertThat(agentPost(ONE_AT_A_TIME_AGENT, "/api/agent/handoffs/" + first.id() + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(agentPost(ONE_AT_A_TIME_AGENT, "/api/agent/handoffs/" + first.id() + "/claim", null).statusCode())
                .as("claiming one's own again is fine").isEqualTo(200);

        HttpResponse<String> full = agentPost(ONE_AT_A_TIME_AGENT, "/api/agent/handoffs/" + second.id() + "/claim", null);
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.body()).contains("At capacity");
        assertThat(agentPost(ONE_AT_A_TIME_AGENT, "/api/agent/handoffs/next", null).statusCode()).isEqualTo(409);
        WorkbenchSession cas = new WorkbenchSession(port).loggedIn(ONE_AT_A_TIME_AGENT, PASSWORD);
        assertThat(cas.submit("/agent/next", Map.of()).body()).contains("zoveel taken als u tegelijk mag hebben");

        assertThat(agentPost(ONE_AT_A_TIME_AGENT, "/api/agent/handoffs/" + first.id() + "/close",
                "{\"resolution\":\"ANSWERED\"}").statusCode()).isEqualTo(200);
        assertThat(agentPost(ONE_AT_A_TIME_AGENT, "/api/agent/handoffs/" + second.id() + "/claim", null).statusCode()).isEqualTo(200);
    }
}
