package nl.loket.channel.voice;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.Identity;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

class VoiceWebhookIT extends LoketIntegrationTest {

    @Autowired ContactService contacts;

    @Test
    void aCallIsGreetedAsADigitalAssistantAndListenedToInDutch() {
        HttpResponse<String> response = postTwilio("/api/channels/twilio/voice",
                params("CallSid", "CA1", "From", "+31612345678", "To", "+31243290000"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("<Gather input=\"speech\" language=\"nl-NL\"")
                .contains("action=\"/api/channels/twilio/voice/gather\"")
                .contains("<Say language=\"nl-NL\">")
                .contains("digitale assistent")
                .as("a caller who says nothing is put through to a person").contains("<Enqueue>loket</Enqueue>");
    }

    @Test
    void whatTheCallerSaysBecomesAMessageOnThePhoneConversation() {
        String from = "+3161" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        String callSid = "CA" + System.nanoTime();
        HttpResponse<String> first = postTwilio("/api/channels/twilio/voice/gather",
                params("CallSid", callSid, "From", from, "SpeechResult", "ik wil een parkeervergunning aanvragen", "Confidence", "0.9"));
        HttpResponse<String> retried = postTwilio("/api/channels/twilio/voice/gather",
                params("CallSid", callSid, "From", from, "SpeechResult", "ik wil een parkeervergunning aanvragen", "Confidence", "0.9"));
        postTwilio("/api/channels/twilio/voice/gather",
                params("CallSid", callSid, "From", from, "SpeechResult", "en ook grofvuil", "Confidence", "0.8"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("<Say language=\"nl-NL\">").doesNotContain("http");
        assertThat(retried.body()).isEqualTo(first.body());
        String residentId = contacts.residentIdOf(Identity.phone(from)).orElseThrow();
        assertThat(contacts.history(residentId)).hasSize(1);
        Conversation call = contacts.conversation(contacts.history(residentId).get(0).conversationId()).orElseThrow();
        assertThat(call.channel()).isEqualTo(Channel.PHONE);
        assertThat(contacts.messages(call.id())).filteredOn(m -> m.direction() == nl.loket.contact.Direction.IN)
                .extracting("text").containsExactly("ik wil een parkeervergunning aanvragen", "en ook grofvuil");
    }

    @Test
    void silenceIsAskedAgainWithoutStoringAnything() {
        String from = "+3161" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        HttpResponse<String> response = postTwilio("/api/channels/twilio/voice/gather",
                params("CallSid", "CA" + System.nanoTime(), "From", from, "SpeechResult", ""));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("niet goed verstaan").contains("<Gather").contains("<Enqueue>");
        assertThat(contacts.residentIdOf(Identity.phone(from))).isEmpty();
    }

    @Test
    void anUnsignedCallIsRefused() {
        HttpResponse<String> response = postForm("/api/channels/twilio/voice", params("CallSid", "CA1", "From", "+31612345678"));
        assertThat(response.statusCode()).isEqualTo(403);
    }
}
