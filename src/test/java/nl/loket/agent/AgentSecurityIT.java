package nl.loket.agent;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.support.HandoffIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may use the agent API and pages, what agents see of personal data, and the audit of it. */
class AgentSecurityIT extends HandoffIntegrationTest {

    @Autowired HandoffService handoff;
    @Autowired ContactService contacts;

    HandoffTask escalated(String text) {
        Chat chat = chat();
        say(chat, text);
        return handoff.taskOfConversation(contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id()).orElseThrow();
    }

    @Test
    void withoutLoginTheApiAnswers401() {
        HttpResponse<String> response = get("/api/agent/handoffs");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(postJson("/api/agent/handoffs/x/claim", "").statusCode()).isEqualTo(401);

        // An address under /api that Loket does not serve: a problem, never a redirect to the login page.
        for (String path : new String[] {"/api/unknown", "/api/agents/handoffs", "/api/chat"}) {
            HttpResponse<String> unknown = get(path);
            assertThat(unknown.statusCode()).as(path).isIn(401, 404);
            assertThat(unknown.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
            assertThat(unknown.headers().firstValue("Location")).as(path).isEmpty();
        }
    }

    @Test
    void aWrongPasswordCannotClaim() {
        HandoffTask task = escalated("Ik wil een medewerker spreken");
        HttpResponse<String> response = postJson("/api/agent/handoffs/" + task.id() + "/claim", "", basic("agent0", "fout"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(handoff.task(task.id()).claimedBy()).isNull();
    }

    @Test
    void aUserWithoutAnAgentRoleIsForbidden() {
        HttpResponse<String> response = agentGet("visitor", "/api/agent/handoffs");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aBcryptPasswordWorks() {
        assertThat(agentGet(BCRYPT_AGENT, "/api/agent/handoffs?status=CLAIMED").statusCode()).isEqualTo(200);
        assertThat(agentGet(BCRYPT_AGENT, "/api/agent/handoffs?status=SOMETHING").statusCode()).isEqualTo(400);
    }

    @Test
    void bsnAndIbanAreMaskedUnlessRevealedAndEveryReadIsAudited() {
        HandoffTask task = escalated("Waar blijft mijn uitkering van deze maand? Mijn BSN is 111222333 en mijn rekening NL91ABNA0417164300.");

        JsonNode masked = body(agentGet("agent19", "/api/agent/handoffs/" + task.id()));
        String text = masked.get("transcript").get(0).get("text").asString();
        assertThat(text).contains("[BSN]").contains("[IBAN]").doesNotContain("111222333").doesNotContain("NL91ABNA0417164300")
                .contains("Waar blijft mijn uitkering");

        JsonNode revealed = body(agentGet("agent19", "/api/agent/handoffs/" + task.id() + "?reveal=true"));
        assertThat(revealed.get("transcript").get(0).get("text").asString()).contains("111222333").contains("NL91ABNA0417164300");

        assertThat(agentGet("agent19", "/api/agent/audit").statusCode()).as("agents do not read the audit").isEqualTo(403);
        HttpResponse<String> audit = agentGet("supervisor", "/api/agent/audit?limit=100");
        assertThat(audit.statusCode()).isEqualTo(200);
        boolean viewed = false;
        boolean reveal = false;
        for (JsonNode entry : body(audit)) {
            if (task.id().equals(entry.path("taskId").asString(null)) && "agent19".equals(entry.get("agent").asString())) {
                assertThat(entry.get("conversationId").asString()).isEqualTo(task.conversationId());
                assertThat(entry.has("at")).isTrue();
                viewed |= entry.get("action").asString().equals("VIEW");
                reveal |= entry.get("action").asString().equals("REVEAL");
            }
        }
        assertThat(viewed).isTrue();
        assertThat(reveal).isTrue();
        assertThat(agentGet("supervisor", "/api/agent/audit?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void theResidentsContactsAreListedAcrossChannelsOnceAnAgentConfirmsTheTypedNumberIsTheSamePerson() {
        String phone = randomMobile();
        sms(phone, "Wanneer wordt grofvuil opgehaald?");
        String smsResident = contacts.residentIdOf(nl.loket.contact.Identity.phone(phone)).orElseThrow();
        JsonNode submitted = form(java.util.Map.of("message", "Ik wil een medewerker spreken", "phone", phone));
        nl.loket.contact.Conversation formConversation = contacts.conversationByReference(
                submitted.get("reference").asString()).orElseThrow();
        String residentId = formConversation.residentId();
        assertThat(residentId).as("a typed number links nothing by itself").isNotEqualTo(smsResident);
        HandoffTask task = handoff.taskOfConversation(formConversation.id()).orElseThrow();

        JsonNode matches = body(agentGet("agent0", "/api/agent/residents/" + residentId + "/possible-matches"));
        assertThat(matches.toString()).contains(smsResident);
        assertThat(agentPost("agent0", "/api/agent/residents/" + residentId + "/possible-matches/" + smsResident,
                "{\"samePerson\":\"yes\"}").statusCode()).isEqualTo(400);
        assertThat(agentPost("agent0", "/api/agent/residents/" + residentId + "/possible-matches/someone-else",
                "{\"samePerson\":true}").statusCode()).isEqualTo(404);
        HttpResponse<String> confirmed = agentPost("agent0", "/api/agent/residents/" + residentId + "/possible-matches/"
                + smsResident, "{\"samePerson\":true}");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(body(agentGet("supervisor", "/api/agent/audit?limit=50")).toString()).contains("MATCH_CONFIRMED");

        HttpResponse<String> response = agentGet("agent0", "/api/agent/residents/" + residentId + "/contacts");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode contactsList = body(response);
        assertThat(contactsList).hasSize(2);
        assertThat(contactsList.get(0).get("channel").asString()).isEqualTo("WEBFORM");
        assertThat(contactsList.get(1).get("channel").asString()).isEqualTo("SMS");

        JsonNode view = body(agentGet("agent0", "/api/agent/handoffs/" + task.id()));
        assertThat(view.get("history")).hasSize(1);
        assertThat(view.get("history").get(0).get("channel").asString()).isEqualTo("SMS");
        assertThat(view.get("contact").toString()).contains(phone).contains("not verified");

        assertThat(agentGet("agent0", "/api/agent/residents/nobody/contacts").statusCode()).isEqualTo(404);
    }

    @Test
    void agentPagesUseAFormLoginWithCsrfAndANewSessionAtLogin() {
        HttpResponse<String> page = get("/agent");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/agent/login");

        HttpResponse<String> noToken = postJson("/agent/handoffs/x/claim", "{}", basic("agent0"));
        assertThat(noToken.statusCode()).as("a form post without CSRF token").isEqualTo(403);

        HttpResponse<String> loginPage = get("/agent/login");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        String session = loginPage.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        HttpResponse<String> withoutToken = send(request("/agent/login")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString("username=agent0&password=" + PASSWORD)).build());
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        HttpResponse<String> login = send(request("/agent/login")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString("username=agent0&password=" + PASSWORD + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/agent");
        String newSession = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(newSession).startsWith("JSESSIONID=").isNotEqualTo(session);
    }
}
