package nl.loket.channel.chat;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ChatSatisfactionIT extends LoketIntegrationTest {

    @Autowired JsonMapper json;
    @Autowired ContactService contacts;

    record Session(String id, String token) { }

    Session openWithMessage(boolean withMessage) {
        JsonNode body = json.readTree(postRaw("/api/chat/sessions", null, "").body());
        Session session = new Session(body.get("sessionId").asString(), body.get("token").asString());
        if (withMessage) {
            assertThat(postJson(path(session, "messages"), "{\"text\":\"Hoe vraag ik een paspoort aan?\"}",
                    auth(session)).statusCode()).isEqualTo(200);
        }
        return session;
    }

    @Test
    void personalDataInARemarkIsRedactedBeforeItIsStored() {
        Session session = openWithMessage(true);
        postJson(path(session, "satisfaction"),
                "{\"score\":2,\"remark\":\"Bel me op 06-12345678, mijn BSN is 111222333\"}", auth(session));
        Conversation conversation = contacts.conversationOfThread(Channel.CHAT, session.id()).orElseThrow();
        assertThat(conversation.satisfactionRemark()).contains("[TELEFOON]").contains("[BSN]")
                .doesNotContain("12345678").doesNotContain("111222333");
    }

    @Test
    void everyScoreFromOneToFiveIsStoredWithTheRemark() {
        Session session = openWithMessage(true);
        for (int score = 1; score <= 5; score++) {
            HttpResponse<String> response = postJson(path(session, "satisfaction"),
                    "{\"score\":" + score + ",\"remark\":\"  Duidelijk antwoord " + score + "  \"}", auth(session));
            assertThat(response.statusCode()).isEqualTo(200);
            Conversation conversation = contacts.conversationOfThread(Channel.CHAT, session.id()).orElseThrow();
            assertThat(conversation.satisfaction()).isEqualTo(score);
            assertThat(conversation.satisfactionRemark()).isEqualTo("Duidelijk antwoord " + score);
        }
        assertThat(postJson(path(session, "satisfaction"), "{\"score\":3}", auth(session)).statusCode()).isEqualTo(200);
        Conversation conversation = contacts.conversationOfThread(Channel.CHAT, session.id()).orElseThrow();
        assertThat(conversation.satisfaction()).isEqualTo(3);
        assertThat(conversation.satisfactionRemark()).isNull();
    }

    @Test
    void scoresOutsideOneToFiveAndOtherNonsenseAreRefused() {
        Session session = openWithMessage(true);
        for (String body : new String[] {"{\"score\":6}", "{\"score\":0}", "{\"score\":-1}", "{\"score\":\"4\"}",
                "{\"score\":4.5}", "{}", "{\"score\":4,\"remark\":{\"x\":1}}",
                "{\"score\":4,\"remark\":\"" + "x".repeat(1001) + "\"}", "{\"score\":"}) {
            HttpResponse<String> response = postJson(path(session, "satisfaction"), body, auth(session));
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(contacts.conversationOfThread(Channel.CHAT, session.id()).orElseThrow().satisfaction()).isNull();
    }

    @Test
    void onlyTheSessionHolderCanRateAndOnlyAfterAMessage() {
        Session mine = openWithMessage(true);
        Session other = openWithMessage(false);
        assertThat(postJson(path(mine, "satisfaction"), "{\"score\":5}").statusCode()).isEqualTo(401);
        assertThat(postJson(path(mine, "satisfaction"), "{\"score\":5}", auth(other)).statusCode()).isEqualTo(404);
        assertThat(postJson(path(other, "satisfaction"), "{\"score\":5}", auth(other)).statusCode()).isEqualTo(400);
        assertThat(contacts.conversationOfThread(Channel.CHAT, mine.id()).orElseThrow().satisfaction()).isNull();
    }

    private static String path(Session session, String what) {
        return "/api/chat/sessions/" + session.id() + "/" + what;
    }

    private static String[] auth(Session session) {
        return new String[] {"Authorization", "Bearer " + session.token()};
    }
}
