package nl.loket.resilience;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.ConversationState;
import nl.loket.support.HandoffIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No endpoint gives one resident's data to anyone else, every response carries the security headers,
 * and one resident sending too fast is slowed down without losing a message.
 */
class SecurityIT extends HandoffIntegrationTest {

    @Test
    void aChatIsOnlyReadableAndWritableWithItsOwnToken() {
        Chat mine = chat();
        say(mine, "Mijn BSN is 111222333 en ik wil een medewerker spreken");
        Chat other = chat();
        String path = "/api/chat/sessions/" + mine.id();

        for (String[] auth : new String[][] {{"Authorization", "Bearer " + other.token()}, {"Authorization", "Bearer "},
                {"Authorization", "Bearer " + mine.token() + "x"}, {"Authorization", "Basic " + mine.token()}}) {
            HttpResponse<String> read = get(path + "/messages", auth);
            HttpResponse<String> write = postJson(path + "/messages", "{\"text\":\"Ik ben het echt\"}", auth);
            HttpResponse<String> rate = postJson(path + "/satisfaction", "{\"score\":1}", auth);
            for (HttpResponse<String> r : java.util.List.of(read, write, rate)) {
                assertThat(r.statusCode()).as(r.body()).isIn(401, 404);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(r.body()).doesNotContain("111222333").doesNotContain("medewerker");
            }
        }
        assertThat(get(path + "/messages").statusCode()).isEqualTo(401);
        // Another session's token never reveals whether a session id exists: the same 404 as a made-up id.
        HttpResponse<String> madeUp = get("/api/chat/sessions/aaaaaaaaaaaaaaaaaaaa/messages", "Authorization", "Bearer " + other.token());
        HttpResponse<String> real = get(path + "/messages", "Authorization", "Bearer " + other.token());
        assertThat(real.statusCode()).isEqualTo(madeUp.statusCode());
        // Nothing was added to the real conversation by those attempts.
        assertThat(chatMessages(mine)).hasSize(2);
    }

    @Test
    void handOffsAndResidentsNeedAnAgentAndExist() {
        String reference = say(chat(), "Ik wil een medewerker spreken").get("escalation").get("reference").asString();
        JsonNode task = null;
        for (JsonNode t : body(agentGet("agent0", "/api/agent/handoffs?status=WAITING"))) {
            if (reference.equals(t.get("reference").asString())) {
                task = t;
            }
        }
        assertThat(task).isNotNull();
        String taskPath = "/api/agent/handoffs/" + task.get("id").asString();
        String residentPath = "/api/agent/residents/" + task.get("residentId").asString() + "/contacts";

        for (String path : new String[] {taskPath, residentPath, "/api/agent/handoffs"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, "Authorization", "Bearer whatever").statusCode()).as(path).isEqualTo(401);
            assertThat(agentGet("visitor", path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(postJson(taskPath + "/claim", "").statusCode()).isEqualTo(401);
        // An agent limited to the urgent queue does not see an ordinary task.
        HttpResponse<String> otherQueue = agentGet(URGENT_AGENT, taskPath);
        assertThat(otherQueue.statusCode()).isIn(403, 404);
        assertThat(otherQueue.body()).doesNotContain(reference);

        HttpResponse<String> unknown = agentGet("agent0", "/api/agent/residents/aaaaaaaaaaaaaaaaaaaa/contacts");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(agentGet("agent0", residentPath).statusCode()).isEqualTo(200);
    }

    @Autowired ContactService contacts;

    @Test
    void theFormsNotHelpedButtonCannotHandOverSomeoneElsesChat() {
        Chat chat = chat();
        say(chat, "Hoe vraag ik een paspoort aan?");
        Conversation conversation = contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow();
        HttpResponse<String> r = postForm("/contact/not-helped", params("conversation", conversation.id()));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).doesNotContain(conversation.reference());
        assertThat(contacts.conversation(conversation.id()).orElseThrow().state()).isEqualTo(ConversationState.BOT);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        Chat chat = chat();
        Map<String, HttpResponse<String>> responses = Map.of(
                "chat api", postJson("/api/chat/sessions/" + chat.id() + "/messages", "{\"text\":\"Hallo\"}",
                        "Authorization", "Bearer " + chat.token()),
                "problem", get("/api/chat/sessions/" + chat.id() + "/messages"),
                "chat page", get("/chat"),
                "widget frame", get("/chat?embed=1"),
                "contact page", get("/contact"),
                "agent login", get("/agent/login"),
                "agent api", agentGet("agent0", "/api/agent/handoffs"),
                "refused body", postRaw("/api/chat/sessions/" + chat.id() + "/messages", "multipart/form-data", "x",
                        "Authorization", "Bearer " + chat.token()));
        responses.forEach((what, r) -> {
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(what).isPresent();
            assertThat(r.headers().firstValue("Server")).as(what).isEmpty();
        });
        assertThat(responses.get("chat page").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("frame-ancestors 'self'").doesNotContain("unsafe-inline");
        assertThat(responses.get("chat page").headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        // Without configured sites the widget frame may only be shown by Loket itself.
        assertThat(responses.get("widget frame").headers().firstValue("Content-Security-Policy").orElseThrow())
                .endsWith("frame-ancestors 'self'");
        assertThat(responses.get("agent login").headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(responses.get("agent api").headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void aResidentSendingTooFastIsSlowedDownAndEveryMessageIsKept() {
        Chat chat = chat();
        int limit = 20; // loket.assistant.messages-per-minute, default
        JsonNode last = null;
        for (int i = 0; i <= limit + 1; i++) {
            last = say(chat, "Hoe vraag ik een paspoort aan? " + i);
        }
        assertThat(last.get("text").asString()).contains("Wacht even");
        long stored = 0;
        for (JsonNode m : chatMessages(chat)) {
            if ("resident".equals(m.get("author").asString())) {
                stored++;
            }
        }
        assertThat(stored).isEqualTo(limit + 2);
    }
}
