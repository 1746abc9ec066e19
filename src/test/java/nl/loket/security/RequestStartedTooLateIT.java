package nl.loket.security;

import nl.loket.contact.ContactService;
import nl.loket.contact.Identity;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a start deadline nothing can meet, every channel request is refused with 503 and Retry-After, and
 * nothing of it is stored: the resident who is told "not stored" may safely send it again.
 */
@TestPropertySource(properties = "loket.http.start-within=1ns")
class RequestStartedTooLateIT extends LoketIntegrationTest {

    @Autowired ContactService contacts;

    @Test
    void aChannelRequestThatStartsTooLateIsRefusedAndNothingIsStored() {
        String phone = "+31612" + (100_000 + (int) (Math.random() * 899_999));
        HttpResponse<String> sms = postTwilio("/api/channels/twilio/sms", params("From", phone,
                "Body", "Hoe vraag ik een paspoort aan?", "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", "")));
        assertThat(sms.statusCode()).isEqualTo(503);
        assertThat(sms.headers().firstValue("Retry-After")).isPresent();
        assertThat(contacts.residentIdOf(Identity.phone(phone))).isEmpty();

        HttpResponse<String> form = postJson("/api/forms/contact", "{\"message\":\"Wanneer wordt grofvuil opgehaald?\"}");
        assertThat(form.statusCode()).isEqualTo(503);
        assertThat(form.body()).contains("not stored");
    }
}
