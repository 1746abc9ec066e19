package nl.loket.agent;

import nl.loket.contact.ContactService;
import nl.loket.contact.Identity;
import nl.loket.support.HandoffIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation a resident continued on another channel lists every channel they used in their history: a phone
 * call (its transcript) that joined an SMS hand-off is no longer invisible to the agent who reads the history.
 */
class MultiChannelHistoryIT extends HandoffIntegrationTest {

    @Autowired ContactService contacts;

    @Test
    void aCallThatJoinedAnSmsHandOffShowsBothChannelsInTheHistory() {
        String phone = randomMobile();
        sms(phone, "Ik wil een medewerker spreken over mijn aanvraag");
        String transcript = """
                {"callId":"call-%s","from":"%s","to":"+31243290000","startedAt":"2026-11-29T10:15:00+01:00",
                 "endedAt":"2026-11-29T10:19:30+01:00","language":"nl",
                 "segments":[{"speaker":"RESIDENT","text":"Ik bel over het sms-je van vanochtend, ik wacht nog op een medewerker."}]}"""
                .formatted(UUID.randomUUID(), phone);
        assertThat(postTranscript(transcript).statusCode()).isEqualTo(202);

        String residentId = contacts.residentIdOf(Identity.phone(phone)).orElseThrow();
        JsonNode history = json.readTree(agentGet("supervisor", "/api/agent/residents/" + residentId + "/contacts").body());

        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("channel").asString()).isEqualTo("SMS");
        List<String> channels = new java.util.ArrayList<>();
        history.get(0).get("channels").forEach(c -> channels.add(c.asString()));
        assertThat(channels).containsExactly("SMS", "PHONE");
    }
}
