package nl.loket.channel.chat;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.Direction;
import nl.loket.contact.Message;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChatChannelIT extends LoketIntegrationTest {

    @Autowired JsonMapper json;
    @Autowired ContactService contacts;

    record Session(String id, String token) { }

    Session open() {
        HttpResponse<String> response = postRaw("/api/chat/sessions", null, "");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        return new Session(body.get("sessionId").asString(), body.get("token").asString());
    }

    @Test
    void aMessageIsStoredAnsweredAndListedForTheSessionHolder() {
        Session session = open();
        HttpResponse<String> sent = postJson("/api/chat/sessions/" + session.id() + "/messages",
                "{\"text\":\"Hoe vraag ik een paspoort aan?\"}", "Authorization", "Bearer " + session.token());

        assertThat(sent.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(sent.body());
        assertThat(body.get("messageId").asString()).isNotBlank();
        JsonNode reply = body.get("reply");
        assertThat(reply.get("text").asString()).isNotBlank();
        assertThat(reply.get("outcome").asString()).isIn("ANSWERED", "ESCALATED", "CLARIFY");
        assertThat(reply.get("language").asString()).isEqualTo("nl");
        assertThat(reply.get("sources").isArray()).isTrue();

        Conversation conversation = contacts.conversationOfThread(Channel.CHAT, session.id()).orElseThrow();
        assertThat(conversation.channel()).isEqualTo(Channel.CHAT);
        assertThat(conversation.reference()).matches("LK-[A-Z0-9]{3}-[A-Z0-9]{3}");
        assertThat(conversation.retentionUntil()).isAfter(conversation.startedAt().plusDays(89));
        List<Message> stored = contacts.messages(conversation.id());
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).direction()).isEqualTo(Direction.IN);
        assertThat(stored.get(0).text()).isEqualTo("Hoe vraag ik een paspoort aan?");
        assertThat(stored.get(0).id()).isEqualTo(body.get("messageId").asString());
        assertThat(stored.get(1).direction()).isEqualTo(Direction.OUT);

        HttpResponse<String> listed = get("/api/chat/sessions/" + session.id() + "/messages",
                "Authorization", "Bearer " + session.token());
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode messages = json.readTree(listed.body());
        assertThat(messages.size()).isEqualTo(2);
        assertThat(messages.get(0).get("author").asString()).isEqualTo("resident");
        assertThat(messages.get(0).get("text").asString()).isEqualTo("Hoe vraag ik een paspoort aan?");
        assertThat(messages.get(0).get("at").asString()).matches(".*[+-]\\d\\d:\\d\\d$");
        assertThat(messages.get(1).get("author").asString()).isEqualTo("assistant");
        assertThat(listed.body()).doesNotContain("redactedText");
    }

    @Test
    void aWrongOrMissingTokenRevealsNothing() {
        Session mine = open();
        Session other = open();
        postJson("/api/chat/sessions/" + mine.id() + "/messages", "{\"text\":\"mijn geheime vraag\"}",
                "Authorization", "Bearer " + mine.token());

        HttpResponse<String> othersToken = get("/api/chat/sessions/" + mine.id() + "/messages",
                "Authorization", "Bearer " + other.token());
        HttpResponse<String> noToken = get("/api/chat/sessions/" + mine.id() + "/messages");
        HttpResponse<String> unknownSession = get("/api/chat/sessions/doesnotexist/messages",
                "Authorization", "Bearer " + mine.token());
        HttpResponse<String> postWithOthersToken = postJson("/api/chat/sessions/" + mine.id() + "/messages",
                "{\"text\":\"hallo\"}", "Authorization", "Bearer " + other.token());

        assertThat(othersToken.statusCode()).isEqualTo(404);
        assertThat(unknownSession.statusCode()).isEqualTo(404);
        assertThat(othersToken.body()).isEqualTo(unknownSession.body().replace("doesnotexist", mine.id()));
        assertThat(postWithOthersToken.statusCode()).isEqualTo(404);
        assertThat(noToken.statusCode()).isEqualTo(401);
        for (HttpResponse<String> r : List.of(othersToken, noToken, unknownSession, postWithOthersToken)) {
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.body()).doesNotContain("geheime");
        }
        assertThat(contacts.messages(contacts.conversationOfThread(Channel.CHAT, mine.id()).orElseThrow().id())).hasSize(2);
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndStoresNothing() {
        Session session = open();
        String path = "/api/chat/sessions/" + session.id() + "/messages";
        String auth = "Bearer " + session.token();

        HttpResponse<String> malformed = postJson(path, "{\"text\": ", "Authorization", auth);
        HttpResponse<String> missing = postJson(path, "{\"tekst\":\"hoi\"}", "Authorization", auth);
        HttpResponse<String> blank = postJson(path, "{\"text\":\"  \\u0007 \"}", "Authorization", auth);
        HttpResponse<String> notAnObject = postJson(path, "[1,2]", "Authorization", auth);
        HttpResponse<String> tooLong = postJson(path, "{\"text\":\"" + "a".repeat(5001) + "\"}", "Authorization", auth);
        HttpResponse<String> huge = postJson(path, "{\"text\":\"" + "a".repeat(70_000) + "\"}", "Authorization", auth);
        HttpResponse<String> brokenForm = postRaw(path, "application/x-www-form-urlencoded", "{bad", "Authorization", auth);

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).get("field").asString()).isEqualTo("body");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json.readTree(missing.body()).get("field").asString()).isEqualTo("text");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tooLong.body()).get("detail").asString()).contains("5000");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(brokenForm.statusCode()).isEqualTo(400);
        assertThat(contacts.conversationOfThread(Channel.CHAT, session.id())).isEmpty();
    }

    @Test
    void controlCharactersAreStrippedButWordsKept() {
        Session session = open();
        postJson("/api/chat/sessions/" + session.id() + "/messages", "{\"text\":\"grof\\u0000vuil \\u202Eophalen\\r\\n graag\"}",
                "Authorization", "Bearer " + session.token());
        Conversation conversation = contacts.conversationOfThread(Channel.CHAT, session.id()).orElseThrow();
        assertThat(contacts.messages(conversation.id()).get(0).text()).isEqualTo("grofvuil ophalen\n graag");
    }
}
