package nl.loket.channel.sms;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.Identity;
import nl.loket.contact.Message;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SmsWebhookIT extends LoketIntegrationTest {

    static final String PATH = "/api/channels/twilio/sms";

    @Autowired ContactService contacts;

    static String randomMobile() {
        return "+3161" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    static String sid() {
        return "SM" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + Long.toHexString(System.nanoTime());
    }

    Map<String, String> sms(String from, String sid, String body) {
        return params("MessageSid", sid, "AccountSid", "ACtest", "From", from, "To", "+3197010000000", "Body", body,
                "NumSegments", "1");
    }

    @Test
    void aSignedSmsIsStoredAsSentAndAnsweredWithTwiml() {
        String from = randomMobile();
        String body = "Grofvuil ophale aanvrage & <vraag> ëën";
        HttpResponse<String> response = postTwilio(PATH, sms(from, sid(), body));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        assertThat(response.body()).startsWith("<?xml").contains("<Response><Message>").endsWith("</Message></Response>");

        String residentId = contacts.residentIdOf(Identity.phone(from)).orElseThrow();
        Conversation conversation = contacts.conversation(contacts.history(residentId).get(0).conversationId()).orElseThrow();
        assertThat(conversation.channel()).isEqualTo(Channel.SMS);
        assertThat(contacts.messages(conversation.id()).get(0).text()).isEqualTo(body);
    }

    @Test
    void aBadOrMissingSignatureIsRefusedAndNothingStored() {
        String from = randomMobile();
        Map<String, String> params = sms(from, sid(), "hallo");
        HttpResponse<String> missing = postForm(PATH, params);
        HttpResponse<String> wrong = postForm(PATH, params, "X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl");
        Map<String, String> tampered = sms(from, params.get("MessageSid"), "iets anders");
        HttpResponse<String> forOtherBody = postForm(PATH, tampered, "X-Twilio-Signature",
                nl.loket.support.TwilioSigner.sign(TWILIO_TOKEN, "https://loket.example.nl" + PATH, params));

        for (HttpResponse<String> r : List.of(missing, wrong, forOtherBody)) {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(contacts.residentIdOf(Identity.phone(from))).isEmpty();
    }

    @Test
    void aRetriedDeliveryGetsTheSameReplyAndNoSecondMessage() {
        String from = randomMobile();
        Map<String, String> params = sms(from, sid(), "Hoe vraag ik een parkeervergunning aan?");
        HttpResponse<String> first = postTwilio(PATH, params);
        HttpResponse<String> retry = postTwilio(PATH, params);

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        String residentId = contacts.residentIdOf(Identity.phone(from)).orElseThrow();
        assertThat(contacts.history(residentId)).hasSize(1);
        List<Message> messages = contacts.messages(contacts.history(residentId).get(0).conversationId());
        assertThat(messages).filteredOn(m -> m.direction() == nl.loket.contact.Direction.IN).hasSize(1);
    }

    @Test
    void followUpSmsContinueTheSameConversation() {
        String from = randomMobile();
        postTwilio(PATH, sms(from, sid(), "eerste"));
        postTwilio(PATH, sms(from, sid(), "tweede"));
        String residentId = contacts.residentIdOf(Identity.phone(from)).orElseThrow();
        assertThat(contacts.history(residentId)).hasSize(1);
        assertThat(contacts.messages(contacts.history(residentId).get(0).conversationId()))
                .extracting(Message::text).contains("eerste", "tweede");
    }

    @Test
    void missingSenderOrSidIsABadRequest() {
        HttpResponse<String> noSid = postTwilio(PATH, params("From", randomMobile(), "Body", "hoi"));
        HttpResponse<String> badFrom = postTwilio(PATH, params("MessageSid", sid(), "From", "unknown", "Body", "hoi"));
        assertThat(noSid.statusCode()).isEqualTo(400);
        assertThat(noSid.body()).contains("MessageSid");
        assertThat(badFrom.statusCode()).isEqualTo(400);
        assertThat(badFrom.body()).contains("\"field\":\"From\"");
    }
}
