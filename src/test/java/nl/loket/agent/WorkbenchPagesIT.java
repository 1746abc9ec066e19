package nl.loket.agent;

import nl.loket.support.WorkbenchSession;

import nl.loket.contact.Resolution;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.ConversationState;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.handoff.TaskStatus;
import nl.loket.support.HandoffIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbench pages over real HTTP with a session login: access, CSRF, claims, replies, closing, audit. */
class WorkbenchPagesIT extends HandoffIntegrationTest {

    @Autowired HandoffService handoff;
    @Autowired ContactService contacts;

    HandoffTask escalated(Chat chat, String text) {
        say(chat, text);
        return handoff.taskOfConversation(contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id()).orElseThrow();
    }

    HandoffTask escalated(String text) {
        return escalated(chat(), text);
    }

    WorkbenchSession as(String agent) {
        return new WorkbenchSession(port).loggedIn(agent, PASSWORD);
    }

    @Test
    void everyPageNeedsALoginAndTheLoginPageIsDutchWithACsrfToken() {
        for (String path : new String[] {"/agent", "/agent/tasks/whatever", "/agent/queue.json", "/agent/tasks/x/updates.json"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).as(path).endsWith("/agent/login");
        }
        HttpResponse<String> login = get("/agent/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<html lang=\"nl\"").contains("<label for=\"username\"").contains("Gebruikersnaam")
                .contains("Wachtwoord").containsPattern("name=\"_csrf\"[^>]*value=\"[^\"]+\"").contains("Naar de inhoud");
        assertThat(get("/agent/agent.css").statusCode()).as("the style is public").isEqualTo(200);
        assertThat(get("/agent/js/queue.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordShowsAMessageOnTheLoginPage() {
        WorkbenchSession session = new WorkbenchSession(port);
        HttpResponse<String> failed = session.login("agent1", "fout");
        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(failed.headers().firstValue("Location").orElse("")).contains("/agent/login?error");
        assertThat(session.get("/agent/login?error").body()).contains("Gebruikersnaam of wachtwoord klopt niet");
        assertThat(session.get("/agent").statusCode()).isEqualTo(302);
    }

    @Test
    void everyWorkbenchPageOfEveryModuleHasTheStrictPolicyAndNoTokenInAnAddress() {
        // The policy is set once for /agent/** by the platform: a page of a new module cannot forget it.
        WorkbenchSession supervisor = as("supervisor");
        for (String path : List.of("/agent", "/agent/dashboard", "/agent/outreach", "/agent/teams", "/agent/login")) {
            HttpResponse<String> page = supervisor.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().allValues("Content-Security-Policy")).as(path).singleElement()
                    .satisfies(csp -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline"));
            // A CSRF token in a form's address ends up in logs and the Referer; it goes in a hidden field.
            assertThat(page.body()).as(path).doesNotContainPattern("action=\"[^\"]*_csrf");
        }
    }

    @Test
    void theQueueShowsTheTaskWithTextLabelsAndAStrictContentSecurityPolicy() {
        HandoffTask task = escalated("Ik wil een medewerker spreken over iets " + UUID.randomUUID());
        WorkbenchSession agent = as("agent1");
        HttpResponse<String> page = agent.get("/agent");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(task.reference()).contains("data-task-id=\"" + task.id() + "\"")
                .contains("Pak op").contains("Volgende taak").contains("Wil een medewerker").contains("Chat")
                .contains("Nederlands").contains("aria-live=\"polite\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page.body());
        while (scripts.find()) {
            assertThat(scripts.group(1)).as("no inline scripts").contains("src=");
        }

        HttpResponse<String> poll = agent.get("/agent/queue.json");
        assertThat(poll.statusCode()).isEqualTo(200);
        JsonNode queue = json.readTree(poll.body());
        JsonNode row = null;
        for (JsonNode t : queue.get("tasks")) {
            if (t.get("id").asString().equals(task.id())) {
                row = t;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("waiting").asString()).endsWith("min");
        assertThat(row.get("status").asString()).isEqualTo("WAITING");
        assertThat(poll.body()).as("no resident words in the queue poll").doesNotContain("Ik wil een medewerker");
    }

    @Test
    void pagePostsWithoutACsrfTokenAreRefused() {
        HandoffTask task = escalated("Ik wil een medewerker spreken");
        WorkbenchSession agent = as("agent2");
        assertThat(agent.postWithoutToken("/agent/tasks/" + task.id() + "/claim", Map.of()).statusCode()).isEqualTo(403);
        assertThat(handoff.task(task.id()).status()).isEqualTo(TaskStatus.WAITING);

        assertThat(agent.post("/agent/tasks/" + task.id() + "/claim", Map.of()).statusCode()).isEqualTo(302);
        int before = contacts.messages(task.conversationId()).size();
        assertThat(agent.postWithoutToken("/agent/tasks/" + task.id() + "/reply", Map.of("text", "Zonder token"))
                .statusCode()).isEqualTo(403);
        assertThat(contacts.messages(task.conversationId())).hasSize(before);
        assertThat(agent.postWithoutToken("/agent/tasks/" + task.id() + "/close", Map.of("resolution", "ANSWERED"))
                .statusCode()).isEqualTo(403);
        assertThat(agent.postWithoutToken("/agent/tasks/" + task.id() + "/release", Map.of()).statusCode()).isEqualTo(403);
        assertThat(agent.postWithoutToken("/agent/next", Map.of()).statusCode()).isEqualTo(403);
        assertThat(handoff.task(task.id()).status()).isEqualTo(TaskStatus.CLAIMED);
    }

    @Test
    void aSecondAgentIsToldAColleagueHasTheTaskAndCanOnlyRead() {
        HandoffTask task = escalated("Ik wil een medewerker spreken");
        WorkbenchSession first = as("agent3");
        WorkbenchSession second = as("agent4");
        HttpResponse<String> claimed = first.post("/agent/tasks/" + task.id() + "/claim", Map.of());
        assertThat(claimed.statusCode()).isEqualTo(302);
        assertThat(claimed.headers().firstValue("Location").orElse("")).endsWith("/agent/tasks/" + task.id());

        HttpResponse<String> conflict = second.post("/agent/tasks/" + task.id() + "/claim", Map.of());
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("Een collega heeft deze taak al").contains("role=\"alert\"");

        HttpResponse<String> readOnly = second.get("/agent/tasks/" + task.id());
        assertThat(readOnly.statusCode()).isEqualTo(200);
        assertThat(readOnly.body()).contains("U kunt het gesprek alleen lezen").doesNotContain("id=\"reply\"")
                .doesNotContain("id=\"close\"").contains("Opgepakt door agent3");

        int before = contacts.messages(task.conversationId()).size();
        HttpResponse<String> reply = second.post("/agent/tasks/" + task.id() + "/reply", Map.of("text", "Ik neem het over"));
        assertThat(reply.statusCode()).isEqualTo(409);
        assertThat(reply.body()).contains(WorkbenchController.NOT_YOURS);
        assertThat(contacts.messages(task.conversationId())).hasSize(before);

        HttpResponse<String> close = second.post("/agent/tasks/" + task.id() + "/close", Map.of("resolution", "ANSWERED"));
        assertThat(close.statusCode()).isEqualTo(409);
        assertThat(handoff.task(task.id()).status()).isEqualTo(TaskStatus.CLAIMED);
        assertThat(second.post("/agent/tasks/" + task.id() + "/release", Map.of()).statusCode()).isEqualTo(409);

        HttpResponse<String> mine = first.get("/agent/tasks/" + task.id());
        assertThat(mine.body()).contains("id=\"reply\"").contains("id=\"close\"").contains("Klacht informeel afgehandeld")
                .contains("Teruggebeld").contains("Geen reactie").contains("Terug naar de wachtrij");
    }

    @Test
    void theHolderRepliesReleasesClaimsAgainAndClosesThroughThePages() {
        Chat chat = chat();
        HandoffTask task = escalated(chat, "Ik wil een medewerker spreken");
        WorkbenchSession agent = as("agent5");
        assertThat(agent.submit("/agent/tasks/" + task.id() + "/claim", Map.of()).body()).contains("U heeft taak");

        assertThat(agent.post("/agent/tasks/" + task.id() + "/reply", Map.of("text", " ")).statusCode()).isEqualTo(400);
        HttpResponse<String> sent = agent.post("/agent/tasks/" + task.id() + "/reply", Map.of("text", "Goedemiddag, ik help u verder."));
        assertThat(sent.statusCode()).isEqualTo(302);
        JsonNode messages = chatMessages(chat);
        assertThat(messages.get(messages.size() - 1).get("text").asString()).isEqualTo("Goedemiddag, ik help u verder.");
        HttpResponse<String> page = agent.get("/agent/tasks/" + task.id());
        assertThat(page.body()).contains("Uw antwoord is opgeslagen").contains("Medewerker").contains("Bezorging:")
                .containsPattern("data-delivery=\"(PENDING|SENT)\"");

        HttpResponse<String> released = agent.submit("/agent/tasks/" + task.id() + "/release", Map.of());
        assertThat(released.body()).contains("staat weer in de wachtrij");
        assertThat(handoff.task(task.id()).status()).isEqualTo(TaskStatus.WAITING);
        assertThat(agent.submit("/agent/tasks/" + task.id() + "/claim", Map.of()).statusCode()).isEqualTo(200);

        assertThat(agent.post("/agent/tasks/" + task.id() + "/close", Map.of("resolution", "NONSENSE")).statusCode()).isEqualTo(400);
        HttpResponse<String> closed = agent.post("/agent/tasks/" + task.id() + "/close", Map.of("resolution", "REFERRED"));
        assertThat(closed.statusCode()).isEqualTo(302);
        Conversation conversation = contacts.conversation(task.conversationId()).orElseThrow();
        assertThat(conversation.state()).isEqualTo(ConversationState.CLOSED);
        assertThat(conversation.resolution()).isEqualTo(Resolution.REFERRED);
        assertThat(agent.get("/agent").body()).contains("is afgesloten: Doorverwezen");
    }

    @Test
    void theReplyFormSentTwiceStoresTheReplyOnceAndEachRenderingIsANewReply() {
        Chat chat = chat();
        HandoffTask task = escalated(chat, "Ik wil een medewerker spreken");
        WorkbenchSession agent = as("agent6");
        assertThat(agent.submit("/agent/tasks/" + task.id() + "/claim", Map.of()).statusCode()).isEqualTo(200);
        String key = replyKey(agent.get("/agent/tasks/" + task.id()).body());
        assertThat(replyKey(agent.get("/agent/tasks/" + task.id()).body())).as("a new key for each rendering").isNotEqualTo(key);
        String text = "Goedemiddag, ik kijk het na. " + UUID.randomUUID().toString().substring(0, 8);

        // the browser sends the same form again, e.g. after an error page or a reload
        for (int i = 0; i < 2; i++) {
            assertThat(agent.post("/agent/tasks/" + task.id() + "/reply", Map.of("text", text, "replyKey", key))
                    .statusCode()).isEqualTo(302);
        }
        assertThat(contacts.messages(task.conversationId())).filteredOn(m -> text.equals(m.text())).hasSize(1);

        String fresh = replyKey(agent.get("/agent/tasks/" + task.id()).body());
        agent.post("/agent/tasks/" + task.id() + "/reply", Map.of("text", text, "replyKey", fresh));
        assertThat(contacts.messages(task.conversationId())).as("the same words sent from a new page are a new reply")
                .filteredOn(m -> text.equals(m.text())).hasSize(2);
        assertThat(agent.post("/agent/tasks/" + task.id() + "/reply", Map.of("text", text, "replyKey", "<script>"))
                .statusCode()).isEqualTo(400);
    }

    private static String replyKey(String page) {
        Matcher key = Pattern.compile("name=\"replyKey\" value=\"([^\"]+)\"").matcher(page);
        assertThat(key.find()).as("the reply form carries its key").isTrue();
        return key.group(1);
    }

    @Test
    void aPossibleMatchIsShownOnTheConversationAndTheAgentDecidesOnIt() {
        String phone = "+31612" + (100_000 + (int) (Math.random() * 899_999));
        JsonNode first = form(Map.of("message", "Wanneer wordt het grofvuil opgehaald?", "phone", phone));
        JsonNode second = form(Map.of("message", "Ik wil een medewerker spreken", "phone", phone));
        Conversation firstConversation = contacts.conversationByReference(first.get("reference").asString()).orElseThrow();
        Conversation conversation = contacts.conversationByReference(second.get("reference").asString()).orElseThrow();
        HandoffTask task = handoff.taskOfConversation(conversation.id()).orElseThrow();
        WorkbenchSession agent = as("agent7");

        String page = agent.get("/agent/tasks/" + task.id()).body();
        assertThat(page).contains("Misschien dezelfde inwoner").contains("Zelfde persoon")
                .contains("Telefoon (ingevuld, niet gecontroleerd)");
        HttpResponse<String> decided = agent.post("/agent/tasks/" + task.id() + "/matches/" + firstConversation.residentId(),
                Map.of("samePerson", "true"));
        assertThat(decided.statusCode()).isEqualTo(302);
        assertThat(contacts.history(conversation.residentId())).extracting("reference")
                .contains(first.get("reference").asString());
        assertThat(agent.get("/agent/tasks/" + task.id()).body()).doesNotContain("Misschien dezelfde inwoner");
    }

    @Test
    void bsnAndIbanAreMaskedUntilRevealedAndBothViewsAreAudited() {
        HandoffTask task = escalated("Waar blijft mijn uitkering? Mijn BSN is 111222333 en mijn rekening NL91ABNA0417164300.");
        WorkbenchSession agent = as("agent6");
        HttpResponse<String> page = agent.get("/agent/tasks/" + task.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("[BSN]").contains("[IBAN]").doesNotContain("111222333")
                .doesNotContain("NL91ABNA0417164300").contains("Toon gegevens").contains("Inwoner").contains("Assistent");

        HttpResponse<String> revealed = agent.post("/agent/tasks/" + task.id() + "/reveal", Map.of());
        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(revealed.body()).contains("111222333").contains("NL91ABNA0417164300");

        boolean viewed = false;
        boolean reveal = false;
        for (JsonNode entry : body(agentGet("supervisor", "/api/agent/audit?limit=200"))) {
            if (task.id().equals(entry.path("taskId").asString(null)) && "agent6".equals(entry.get("agent").asString())) {
                assertThat(entry.get("conversationId").asString()).isEqualTo(task.conversationId());
                viewed |= entry.get("action").asString().equals("VIEW");
                reveal |= entry.get("action").asString().equals("REVEAL");
            }
        }
        assertThat(viewed).as("the page view is audited").isTrue();
        assertThat(reveal).as("the reveal is audited").isTrue();

        HttpResponse<String> updates = agent.get("/agent/tasks/" + task.id() + "/updates.json?after=0");
        assertThat(updates.statusCode()).isEqualTo(200);
        assertThat(updates.body()).contains("[BSN]").doesNotContain("111222333");
        assertThat(json.readTree(updates.body()).get("total").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theArticleTheAssistantUsedIsSuggestedWithItsSourceAndTheHistoryIsShown() {
        Chat chat = chat();
        say(chat, "Hoe vraag ik een nieuw paspoort aan?");
        HandoffTask task = escalated(chat, "Ik wil een medewerker spreken");
        WorkbenchSession agent = as("agent8");
        agent.post("/agent/tasks/" + task.id() + "/claim", Map.of());
        HttpResponse<String> page = agent.get("/agent/tasks/" + task.id());
        assertThat(page.body()).contains("Voorgestelde artikelen").contains("Paspoort aanvragen of verlengen")
                .contains("Invoegen").contains("data-insert=\"").contains("https://www.nijmegen.nl/diensten/paspoort")
                .contains("Eerdere contacten");
    }

    @Test
    void aTolkcontactCallShowsTheInterpreterNote() {
        HttpResponse<String> r = postTranscript("""
                {"callId":"%s","from":"%s","to":"+31243290000","relay":"TOLKCONTACT",
                 "startedAt":"2026-11-29T10:15:00+01:00","endedAt":"2026-11-29T10:18:00+01:00",
                 "segments":[{"speaker":"INTERPRETER","text":"Mevrouw wil een medewerker spreken over haar uitkering."}]}"""
                .formatted("call-" + UUID.randomUUID(), randomMobile()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        Conversation conversation = contacts.conversationByReference(body(r).get("reference").asString()).orElseThrow();
        HandoffTask task = handoff.taskOfConversation(conversation.id()).orElseThrow();
        HttpResponse<String> page = as("agent7").get("/agent/tasks/" + task.id());
        assertThat(page.body()).contains("Tolkcontact").contains("U spreekt via een tolk. Spreek tegen de inwoner, niet tegen de tolk.")
                .contains("Bied een terugbelafspraak via Tolkcontact aan.").contains("Tolk").contains("Telefoon");
    }
}
