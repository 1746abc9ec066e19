package nl.loket.handoff;

import nl.loket.contact.ContactService;
import nl.loket.contact.Message;
import nl.loket.support.HandoffIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** An agent reply whose instance died while sending it is sent by another instance once its lease has run out. */
class PendingDeliveriesIT extends HandoffIntegrationTest {

    @Autowired PendingDeliveries pending;
    @Autowired HandoffService handoff;
    @Autowired ContactService contacts;

    @Test
    void aReplyAbandonedWhileBeingSentIsSentAgainAfterItsLease() throws Exception {
        String phone = randomMobile();
        String twiml = sms(phone, "Ik wil een medewerker spreken over mijn aanslag");
        String reference = twiml.replaceAll("(?s).*?([A-Z]{2}-[A-Z0-9]{3}-[A-Z0-9]{3}).*", "$1");
        HandoffTask task = handoff.tasks(EnumSet.allOf(TaskStatus.class)).stream()
                .filter(t -> t.reference().equals(reference)).findFirst().orElseThrow();

        // The state a crash leaves: the reply stored as PENDING and leased, the sending instance gone.
        String text = "Uw aanslag is aangepast " + UUID.randomUUID();
        Message reply = contacts.appendAgentMessage(task.conversationId(), text);
        pending.lease(task.id(), reply.id(), 0);

        assertThat(pending.resume(System.currentTimeMillis())).as("the lease still runs").isZero();
        assertThat(pending.resume(System.currentTimeMillis() + PendingDeliveries.LEASE.toMillis() + 1_000)).isEqualTo(1);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(50)).until(() -> "SENT".equals(status(task, reply)));
        TWILIO.verify(1, postRequestedFor(urlEqualTo(TWILIO_MESSAGES)).withRequestBody(containing(text.split(" ")[4])));
        // Done: nothing is left to resume.
        assertThat(pending.resume(System.currentTimeMillis() + 10 * PendingDeliveries.LEASE.toMillis())).isZero();
    }

    @Test
    void callBackTimesAbandonedWhileBeingSentToAPhoneResidentAreSentAgainBySmsNotLeftForACall() {
        String phone = randomMobile();
        HttpResponse<String> accepted = postTranscript("""
                {"callId":"%s","from":"%s","to":"+31243290000","language":"nl",
                 "segments":[{"speaker":"RESIDENT","text":"Ik wil een medewerker spreken over mijn aanslag"}]}"""
                .formatted("call-" + UUID.randomUUID(), phone));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String conversationId = contacts.conversationByReference(JSON.readTree(accepted.body()).get("reference").asString())
                .orElseThrow().id();
        HandoffTask task = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> handoff.taskOfConversation(conversationId), java.util.Optional::isPresent).orElseThrow();

        // A crash right after the call-back times were stored: PENDING, leased as a text to send in writing.
        String text = "Welke tijd past u? 1. dinsdag " + UUID.randomUUID();
        Message times = contacts.appendAgentMessage(task.conversationId(), text);
        pending.lease(task.id(), times.id(), 0, true);

        assertThat(pending.resume(System.currentTimeMillis() + PendingDeliveries.LEASE.toMillis() + 1_000)).isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(50)).until(() -> "SENT".equals(status(task, times)));
        TWILIO.verify(1, postRequestedFor(urlEqualTo(TWILIO_MESSAGES)).withRequestBody(containing(text.split(" ")[6])));
        assertThat(pending.resume(System.currentTimeMillis() + 10 * PendingDeliveries.LEASE.toMillis())).isZero();
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private String status(HandoffTask task, Message reply) {
        return contacts.messages(task.conversationId()).stream().filter(m -> m.id().equals(reply.id()))
                .findFirst().orElseThrow().deliveryStatus().name();
    }
}
