package nl.loket.channel.webform;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.Identity;
import nl.loket.contact.Resident;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ContactFormIT extends LoketIntegrationTest {

    @Autowired JsonMapper json;
    @Autowired ContactService contacts;

    @Test
    void aJsonFormIsStoredWithTheResidentAndGetsAReference() {
        String email = "jan." + UUID.randomUUID() + "@example.nl";
        HttpResponse<String> response = postJson("/api/forms/contact", """
                {"message":"Mijn container is niet geleegd.","name":"Jan de Vries","email":"%s",
                 "phone":"06 1234 5678","subject":"Afval"}""".formatted(email.toUpperCase()));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json.readTree(response.body());
        String reference = body.get("reference").asString();
        assertThat(reference).startsWith("LK-");
        assertThat(body.get("reply").get("text").asString()).isNotBlank();

        Conversation conversation = contacts.conversationByReference(reference).orElseThrow();
        assertThat(conversation.channel()).isEqualTo(Channel.WEBFORM);
        assertThat(conversation.subject()).isEqualTo("Afval");
        assertThat(contacts.messages(conversation.id()).get(0).text()).isEqualTo("Mijn container is niet geleegd.");
        Resident resident = contacts.resident(conversation.residentId()).orElseThrow();
        assertThat(resident.displayName()).isEqualTo("Jan de Vries");
        assertThat(resident.identities()).contains(Identity.typedEmail(email), Identity.typedPhone("+31612345678"));
    }

    @Test
    void aFormEncodedFormWorksTheSame() {
        HttpResponse<String> response = postForm("/api/forms/contact",
                params("message", "Wanneer wordt het grofvuil opgehaald? Prijs € 10 & meer", "phone", "+31 6 87654321"));
        assertThat(response.statusCode()).isEqualTo(202);
        Conversation conversation = contacts.conversationByReference(json.readTree(response.body()).get("reference").asString()).orElseThrow();
        assertThat(contacts.messages(conversation.id()).get(0).text()).isEqualTo("Wanneer wordt het grofvuil opgehaald? Prijs € 10 & meer");
        assertThat(contacts.resident(conversation.residentId()).orElseThrow().identities()).contains(Identity.typedPhone("+31687654321"));
    }

    @Test
    void aPlausibleNumberTheNumberingPlanDoesNotKnowIsStoredAndFlaggedNotRefused() {
        // Right length for a Dutch mobile number, but not in a range libphonenumber knows as allocated.
        HttpResponse<String> doubtful = postJson("/api/forms/contact",
                "{\"message\":\"Wanneer wordt het grofvuil opgehaald?\",\"phone\":\"+31 6 98765432\"}");
        assertThat(doubtful.statusCode()).as(doubtful.body()).isEqualTo(202);
        assertThat(json.readTree(doubtful.body()).get("phoneCheck").asString()).isEqualTo("DOUBTFUL");

        HttpResponse<String> known = postJson("/api/forms/contact",
                "{\"message\":\"Wanneer wordt het grofvuil opgehaald?\",\"phone\":\"06 1234 5678\"}");
        assertThat(json.readTree(known.body()).has("phoneCheck")).as("a known number is not flagged").isFalse();
        assertProblem(postJson("/api/forms/contact", "{\"message\":\"hoi\",\"phone\":\"06 123\"}"), 400, "phone");
    }

    @Test
    void theSameTypedEmailTwiceIsTwoResidentsThatAnAgentMayConfirmAsOne() {
        String email = "twice." + UUID.randomUUID() + "@example.nl";
        String first = json.readTree(postJson("/api/forms/contact", "{\"message\":\"eerste vraag\",\"email\":\"" + email + "\"}").body())
                .get("reference").asString();
        String second = json.readTree(postJson("/api/forms/contact", "{\"message\":\"tweede vraag\",\"email\":\" " + email.toUpperCase() + "\"}").body())
                .get("reference").asString();

        Conversation a = contacts.conversationByReference(first).orElseThrow();
        Conversation b = contacts.conversationByReference(second).orElseThrow();
        // A typed address is no proof: two residents, each proposed to the other as a possible match.
        assertThat(a.residentId()).isNotEqualTo(b.residentId());
        assertThat(contacts.history(b.residentId())).extracting("reference").containsExactly(second);
        assertThat(contacts.possibleMatches(b.residentId())).extracting("residentId").containsExactly(a.residentId());
        assertThat(contacts.possibleMatches(a.residentId())).extracting("residentId").containsExactly(b.residentId());

        // Once an agent confirms, the histories show together and the proposal is gone.
        assertThat(contacts.decideMatch(b.residentId(), a.residentId(), true)).isTrue();
        assertThat(contacts.history(a.residentId())).extracting("reference").containsExactly(second, first);
        assertThat(contacts.possibleMatches(a.residentId())).isEmpty();
    }

    @Test
    void invalidFieldsAreNamedInAProblem() {
        assertProblem(postJson("/api/forms/contact", "{\"email\":\"a@b.nl\"}"), 400, "message");
        assertProblem(postJson("/api/forms/contact", "{\"message\":\"  \"}"), 400, "message");
        assertProblem(postJson("/api/forms/contact", "{\"message\":\"hoi\",\"email\":\"geen-adres\"}"), 400, "email");
        assertProblem(postJson("/api/forms/contact", "{\"message\":\"hoi\",\"phone\":\"12\"}"), 400, "phone");
        assertProblem(postJson("/api/forms/contact", "{\"message\":\"" + "x".repeat(5001) + "\"}"), 400, "message");
        assertProblem(postJson("/api/forms/contact", "{\"message\":{\"nested\":true}}"), 400, "message");
        assertProblem(postJson("/api/forms/contact", "{\"message\":\"hoi\""), 400, "body");
        assertProblem(postRaw("/api/forms/contact", "text/plain", "message=hoi"), 400, "Content-Type");
        assertProblem(postRaw("/api/forms/contact", "application/x-www-form-urlencoded", "message=%ZZ"), 400, "body");
    }

    private void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }
}
