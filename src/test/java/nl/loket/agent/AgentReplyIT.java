package nl.loket.agent;

import jakarta.mail.internet.MimeMessage;
import nl.loket.contact.AuthorRole;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.DeliveryStatus;
import nl.loket.contact.Identity;
import nl.loket.contact.Message;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.support.HandoffIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Agent replies travel back through the resident's own channel; a resident's follow-up reaches the agent. */
class AgentReplyIT extends HandoffIntegrationTest {

    @Autowired HandoffService handoff;
    @Autowired ContactService contacts;

    HandoffTask claimedTaskOf(String conversationId, String agent) {
        HandoffTask task = handoff.taskOfConversation(conversationId).orElseThrow();
        assertThat(agentPost(agent, "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);
        return task;
    }

    HttpResponse<String> reply(HandoffTask task, String agent, String text) {
        return agentPost(agent, "/api/agent/handoffs/" + task.id() + "/messages", json.writeValueAsString(Map.of("text", text)));
    }

    /** Waits until the background delivery has recorded its outcome on the stored message. */
    Message delivered(String conversationId, String messageId) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(25)).until(() -> contacts.messages(conversationId)
                .stream().anyMatch(m -> m.id().equals(messageId) && m.deliveryStatus() != DeliveryStatus.PENDING));
        return contacts.messages(conversationId).stream().filter(m -> m.id().equals(messageId)).findFirst().orElseThrow();
    }

    String conversationOfResident(Identity identity) {
        String residentId = contacts.residentIdOf(identity).orElseThrow();
        return contacts.history(residentId).get(0).conversationId();
    }

    @Test
    void aReplyAppearsInTheResidentsChat() {
        Chat chat = chat();
        say(chat, "Ik wil een medewerker spreken");
        Conversation conversation = contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow();
        HandoffTask task = claimedTaskOf(conversation.id(), "agent10");

        HttpResponse<String> sent = reply(task, "agent10", "Goedemiddag, ik help u verder met uw vraag.");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        String messageId = body(sent).get("messageId").asString();
        assertThat(body(sent).get("deliveryStatus").asString()).isEqualTo("PENDING");

        JsonNode last = chatMessages(chat).get(chatMessages(chat).size() - 1);
        assertThat(last.get("author").asString()).isEqualTo("agent");
        assertThat(last.get("text").asString()).isEqualTo("Goedemiddag, ik help u verder met uw vraag.");
        Message stored = delivered(conversation.id(), messageId);
        assertThat(stored.deliveryStatus()).isEqualTo(DeliveryStatus.SENT);
        assertThat(stored.authorRole()).isEqualTo(AuthorRole.AGENT);
        assertThat(handoff.task(task.id()).firstReplyAt()).isNotNull();
    }

    @Test
    void onlyTheAgentHoldingTheTaskMayReply() {
        Chat chat = chat();
        say(chat, "Ik wil een medewerker spreken");
        HandoffTask task = handoff.taskOfConversation(contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id())
                .orElseThrow();
        assertThat(reply(task, "agent11", "hallo").statusCode()).as("not claimed").isEqualTo(409);
        claimedTaskOf(task.conversationId(), "agent11");
        assertThat(reply(task, "agent12", "hallo").statusCode()).as("claimed by another").isEqualTo(409);
        assertThat(reply(task, "agent11", " ").statusCode()).as("empty text").isEqualTo(400);
    }

    @Test
    void aReplyToAnSmsGoesOutThroughTwilio() {
        String from = randomMobile();
        sms(from, "Ik wil een medewerker spreken");
        HandoffTask task = claimedTaskOf(conversationOfResident(Identity.phone(from)), "agent13");
        String text = "Uw aanvraag is binnen, code " + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> sent = reply(task, "agent13", text);
        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(delivered(task.conversationId(), body(sent).get("messageId").asString()).deliveryStatus()).isEqualTo(DeliveryStatus.SENT);
        TWILIO.verify(postRequestedFor(urlEqualTo(TWILIO_MESSAGES))
                .withRequestBody(containing("To=" + URLEncoder.encode(from, StandardCharsets.UTF_8)))
                .withRequestBody(containing("Body=" + URLEncoder.encode(text, StandardCharsets.UTF_8))));
    }

    @Test
    void aReplyResentWithItsIdempotencyKeyIsStoredOnceAndGoesOutBySmsOnce() {
        String from = randomMobile();
        sms(from, "Ik wil een medewerker spreken");
        HandoffTask task = claimedTaskOf(conversationOfResident(Identity.phone(from)), "agent18");
        String text = "Uw aanvraag is binnen, kenmerk " + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = reply(task, "agent18", text, key);
        HttpResponse<String> resent = reply(task, "agent18", text, key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(202);
        String messageId = body(first).get("messageId").asString();
        assertThat(body(resent).get("messageId").asString()).as("the first reply's answer").isEqualTo(messageId);
        assertThat(delivered(task.conversationId(), messageId).deliveryStatus()).isEqualTo(DeliveryStatus.SENT);

        HttpResponse<String> late = reply(task, "agent18", text, key);
        assertThat(body(late).get("messageId").asString()).isEqualTo(messageId);
        assertThat(body(late).get("deliveryStatus").asString()).as("as the reply is now").isEqualTo("SENT");
        assertThat(contacts.messages(task.conversationId())).filteredOn(m -> text.equals(m.text())).hasSize(1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                TWILIO.verify(1, postRequestedFor(urlEqualTo(TWILIO_MESSAGES))
                        .withRequestBody(containing("Body=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))));
        assertThat(reply(task, "agent18", text, "not a key!").statusCode()).isEqualTo(400);
    }

    HttpResponse<String> reply(HandoffTask task, String agent, String text, String idempotencyKey) {
        return postJson("/api/agent/handoffs/" + task.id() + "/messages", json.writeValueAsString(Map.of("text", text)),
                "Authorization", basic(agent)[1], "Idempotency-Key", idempotencyKey);
    }

    @Test
    void twiliosSignedDeliveryReportShowsTheAgentWhetherTheSmsArrived() {
        String from = randomMobile();
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        TWILIO.stubFor(post(urlEqualTo(TWILIO_MESSAGES)).atPriority(1)
                .withRequestBody(containing("To=" + URLEncoder.encode(from, StandardCharsets.UTF_8)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"" + sid + "\",\"status\":\"queued\"}")));
        sms(from, "Ik wil een medewerker spreken");
        HandoffTask task = claimedTaskOf(conversationOfResident(Identity.phone(from)), "agent12");
        String messageId = body(reply(task, "agent12", "Wij bellen u morgen.")).get("messageId").asString();
        assertThat(delivered(task.conversationId(), messageId).deliveryStatus()).isEqualTo(DeliveryStatus.SENT);
        TWILIO.verify(postRequestedFor(urlEqualTo(TWILIO_MESSAGES)).withRequestBody(containing("StatusCallback="
                + URLEncoder.encode("https://loket.example.nl/api/channels/twilio/sms/status", StandardCharsets.UTF_8))));

        // Unsigned: refused, nothing changes.
        HttpResponse<String> forged = postForm("/api/channels/twilio/sms/status",
                params("MessageSid", sid, "MessageStatus", "delivered"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(contacts.messages(task.conversationId())).filteredOn(m -> m.id().equals(messageId))
                .singleElement().satisfies(m -> assertThat(m.deliveryStatus()).isEqualTo(DeliveryStatus.SENT));

        // Twilio says "sent" (nothing new), then "undelivered": the agent sees it did not arrive.
        assertThat(postTwilio("/api/channels/twilio/sms/status", params("MessageSid", sid, "MessageStatus", "sent"))
                .statusCode()).isEqualTo(200);
        assertThat(postTwilio("/api/channels/twilio/sms/status", params("MessageSid", sid, "MessageStatus", "undelivered",
                "ErrorCode", "30003")).statusCode()).isEqualTo(200);
        JsonNode transcript = body(agentGet("agent12", "/api/agent/handoffs/" + task.id())).get("transcript");
        assertThat(transcript.get(transcript.size() - 1).get("deliveryStatus").asString()).isEqualTo("UNDELIVERED");
        assertThat(postTwilio("/api/channels/twilio/sms/status", params("MessageSid", "SMunknown", "MessageStatus", "delivered"))
                .statusCode()).as("an unknown message is acknowledged and ignored").isEqualTo(200);
    }

    @Test
    void aFailingSmsIsTriedThreeTimesThenShownAsFailed() {
        String from = randomMobile();
        String to = "To=" + URLEncoder.encode(from, StandardCharsets.UTF_8);
        TWILIO.stubFor(post(urlEqualTo(TWILIO_MESSAGES)).atPriority(1).withRequestBody(containing(to))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":20500,\"message\":\"Internal error\",\"status\":500}")));
        sms(from, "Ik wil een medewerker spreken");
        HandoffTask task = claimedTaskOf(conversationOfResident(Identity.phone(from)), "agent14");

        HttpResponse<String> sent = reply(task, "agent14", "Dit komt niet aan");
        Message stored = delivered(task.conversationId(), body(sent).get("messageId").asString());
        assertThat(stored.deliveryStatus()).isEqualTo(DeliveryStatus.FAILED);
        // Three attempts of ours; the Twilio SDK's HTTP client also repeats a server error within each attempt.
        int requests = TWILIO.findAll(postRequestedFor(urlEqualTo(TWILIO_MESSAGES)).withRequestBody(containing(to))).size();
        assertThat(requests).isGreaterThanOrEqualTo(3).matches(n -> n % 3 == 0, "a multiple of the three attempts");

        JsonNode transcript = body(agentGet("agent14", "/api/agent/handoffs/" + task.id())).get("transcript");
        assertThat(transcript.get(transcript.size() - 1).get("deliveryStatus").asString()).isEqualTo("FAILED");
    }

    @Test
    void aReplyToAFormWithAnEmailAddressGoesByEmail() throws Exception {
        String email = "inwoner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.nl";
        JsonNode submitted = form(Map.of("message", "Ik wil een medewerker spreken over mijn aanvraag", "email", email));
        HandoffTask task = claimedTaskOf(conversationOf(submitted), "agent15");

        HttpResponse<String> sent = reply(task, "agent15", "Wij hebben uw aanvraag bekeken en nemen hem in behandeling.");
        assertThat(delivered(task.conversationId(), body(sent).get("messageId").asString()).deliveryStatus()).isEqualTo(DeliveryStatus.SENT);
        MimeMessage mail = List.of(MAIL.getReceivedMessages()).stream()
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(email);
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
        assertThat(mail.getSubject()).contains(task.reference());
        assertThat(mail.getFrom()[0].toString()).isEqualTo("loket@nijmegen.example");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains("Wij hebben uw aanvraag bekeken");
    }

    @Test
    void aFormWithOnlyAPhoneNumberIsAnsweredBySms() {
        String phone = randomMobile();
        JsonNode submitted = form(Map.of("message", "Ik wil een medewerker spreken", "phone", phone));
        HandoffTask task = claimedTaskOf(conversationOf(submitted), "agent16");
        String text = "Antwoord per sms " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> sent = reply(task, "agent16", text);
        assertThat(delivered(task.conversationId(), body(sent).get("messageId").asString()).deliveryStatus()).isEqualTo(DeliveryStatus.SENT);
        TWILIO.verify(postRequestedFor(urlEqualTo(TWILIO_MESSAGES))
                .withRequestBody(containing("Body=" + URLEncoder.encode(text, StandardCharsets.UTF_8))));
    }

    @Test
    void aPhoneContactIsMarkedForACallBack() {
        String callId = "call-" + UUID.randomUUID();
        HttpResponse<String> r = postTranscript("""
                {"callId":"%s","from":"%s","to":"+31243290000",
                 "startedAt":"2026-11-29T10:15:00+01:00","endedAt":"2026-11-29T10:18:00+01:00",
                 "segments":[{"speaker":"RESIDENT","text":"Ik wil een medewerker spreken"}]}""".formatted(callId, randomMobile()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        Conversation conversation = contacts.conversationByReference(body(r).get("reference").asString()).orElseThrow();
        HandoffTask task = claimedTaskOf(conversation.id(), "agent17");

        HttpResponse<String> sent = reply(task, "agent17", "Ik bel u morgenochtend terug.");
        assertThat(delivered(task.conversationId(), body(sent).get("messageId").asString()).deliveryStatus()).isEqualTo(DeliveryStatus.CALLBACK);
        await().atMost(Duration.ofSeconds(5)).until(() -> handoff.task(task.id()).callback());
    }

    @Test
    void anSmsFromAPhoneNumberTypedInAFormIsNotJoinedToThatFormButProposedAsAPossibleMatch() {
        String phone = randomMobile();
        JsonNode submitted = form(Map.of("message", "Ik wil een medewerker spreken over mijn uitkering", "phone", phone));
        String reference = submitted.get("reference").asString();
        Conversation formConversation = contacts.conversationByReference(reference).orElseThrow();

        // A typed number is no proof: an SMS from it is its own contact, answered as usual, and reveals nothing.
        String twiml = sms(phone, "Hoe vraag ik een nieuw paspoort aan?");
        assertThat(twiml).doesNotContain(reference);
        assertThat(contacts.messages(formConversation.id())).noneMatch(m -> m.channel() == Channel.SMS);

        String smsResident = contacts.residentIdOf(Identity.phone(phone)).orElseThrow();
        assertThat(smsResident).isNotEqualTo(formConversation.residentId());
        HandoffTask task = handoff.taskOfConversation(formConversation.id()).orElseThrow();
        JsonNode view = body(agentGet("agent18", "/api/agent/handoffs/" + task.id()));
        assertThat(view.get("possibleMatches").toString()).contains(smsResident);
        assertThat(view.get("transcript").toString()).doesNotContain("Hoe vraag ik een nieuw paspoort aan?");
    }

    private String conversationOf(JsonNode submitted) {
        return contacts.conversationByReference(submitted.get("reference").asString()).orElseThrow().id();
    }
}
