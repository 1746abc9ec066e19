package nl.loket.security;

import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.ConversationState;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phone number or e-mail address typed into a form is not proof of who wrote it. An attacker who types
 * someone else's number must learn nothing about that resident's conversations and must not be able to
 * write into them; the agent gets a possible match to confirm or reject.
 */
class TypedIdentityLinkingIT extends LoketIntegrationTest {

    @Autowired JsonMapper json;
    @Autowired ContactService contacts;

    @Test
    void aFormWithSomeoneElsesPhoneNumberNeitherSeesNorJoinsTheirOpenCase() {
        String victim = randomMobile();
        // The victim texts in a crisis: a verified number, an urgent case with a person.
        HttpResponse<String> sms = postTwilio("/api/channels/twilio/sms", params("From", victim,
                "Body", "ik wil niet meer leven", "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", "")));
        assertThat(sms.statusCode()).isEqualTo(200);
        Conversation victimCase = contacts.residentIdOf(nl.loket.contact.Identity.phone(victim))
                .map(contacts::history).orElseThrow().stream().findFirst()
                .flatMap(c -> contacts.conversation(c.conversationId())).orElseThrow();
        assertThat(victimCase.state()).isEqualTo(ConversationState.WAITING);

        HttpResponse<String> attack = postJson("/api/forms/contact", """
                {"message":"Wat is de status van mijn zaak?","phone":"%s"}""".formatted(victim));

        assertThat(attack.statusCode()).isEqualTo(202);
        JsonNode body = json.readTree(attack.body());
        assertThat(body.get("reference").asString()).isNotEqualTo(victimCase.reference());
        assertThat(attack.body()).doesNotContain(victimCase.reference()).doesNotContain("CRISIS")
                .doesNotContain(victimCase.id());
        assertThat(contacts.messages(victimCase.id())).extracting(m -> m.text())
                .doesNotContain("Wat is de status van mijn zaak?");

        // The agent on the victim's case sees the form as a possible match, nothing more.
        Conversation attackerConversation = contacts.conversationByReference(body.get("reference").asString()).orElseThrow();
        assertThat(attackerConversation.residentId()).isNotEqualTo(victimCase.residentId());
        assertThat(contacts.possibleMatches(victimCase.residentId())).extracting("residentId")
                .containsExactly(attackerConversation.residentId());
    }

    @Test
    void aFormWithSomeoneElsesEmailGetsItsOwnReferenceAndNothingAboutTheOtherConversation() {
        String email = "slachtoffer-" + UUID.randomUUID() + "@example.nl";
        JsonNode first = json.readTree(postJson("/api/forms/contact", """
                {"message":"Ik word thuis bedreigd en ben bang","email":"%s"}""".formatted(email)).body());
        HttpResponse<String> second = postJson("/api/forms/contact", """
                {"message":"Hoe laat is de Stadswinkel open?","email":"%s"}""".formatted(email));

        String firstReference = first.get("reference").asString();
        assertThat(json.readTree(second.body()).get("reference").asString()).isNotEqualTo(firstReference);
        assertThat(second.body()).doesNotContain(firstReference).doesNotContain("CRISIS").doesNotContain("112");
    }

    @Test
    void twoFormsWithDifferentEmailsAndTheSameTypedPhoneAreTwoResidentsUntilAnAgentConfirms() {
        String phone = randomMobile();
        JsonNode a = json.readTree(postJson("/api/forms/contact", """
                {"message":"Wanneer wordt het grofvuil opgehaald?","email":"a-%s@example.nl","phone":"%s"}"""
                .formatted(UUID.randomUUID(), phone)).body());
        JsonNode b = json.readTree(postJson("/api/forms/contact", """
                {"message":"Hoe vraag ik een paspoort aan?","email":"b-%s@example.nl","phone":"%s"}"""
                .formatted(UUID.randomUUID(), phone)).body());

        String residentA = contacts.conversationByReference(a.get("reference").asString()).orElseThrow().residentId();
        String residentB = contacts.conversationByReference(b.get("reference").asString()).orElseThrow().residentId();
        assertThat(residentA).isNotEqualTo(residentB);
        assertThat(contacts.history(residentB)).hasSize(1);
        assertThat(contacts.possibleMatches(residentB)).extracting("residentId").containsExactly(residentA);

        // Rejected: never proposed again, histories stay apart.
        assertThat(contacts.decideMatch(residentB, residentA, false)).isTrue();
        assertThat(contacts.possibleMatches(residentA)).isEmpty();
        assertThat(contacts.history(residentB)).hasSize(1);
        assertThat(contacts.decideMatch(residentB, residentA, true)).as("no longer a possible match").isFalse();
    }

    @Test
    void aTypedPhoneNumberNeverLetsALaterSmsFromThatNumberJoinTheFormResident() {
        String phone = randomMobile();
        JsonNode form = json.readTree(postJson("/api/forms/contact", """
                {"message":"Ik wil graag een medewerker spreken","phone":"%s"}""".formatted(phone)).body());
        String formResident = contacts.conversationByReference(form.get("reference").asString()).orElseThrow().residentId();

        postTwilio("/api/channels/twilio/sms", params("From", phone, "Body", "Hoe vraag ik een paspoort aan?",
                "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", "")));

        String smsResident = contacts.residentIdOf(nl.loket.contact.Identity.phone(phone)).orElseThrow();
        assertThat(smsResident).isNotEqualTo(formResident);
        assertThat(contacts.possibleMatches(smsResident)).extracting("residentId").containsExactly(formResident);
    }

    private static String randomMobile() {
        return "+31612" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
    }
}
