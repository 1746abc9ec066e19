package nl.loket.security;

import nl.loket.contact.ContactService;
import nl.loket.support.HandoffIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A BSN typed into a form's subject is masked in a resident's contact history, like the message text. */
class SubjectMaskingIT extends HandoffIntegrationTest {

    @Autowired ContactService contacts;

    @Test
    void aBsnInAFormsSubjectIsMaskedInTheContactHistory() {
        JsonNode submitted = form(Map.of("message", "Ik wil een medewerker spreken", "subject", "Mijn BSN is 111222333"));
        String residentId = contacts.conversationByReference(submitted.get("reference").asString()).orElseThrow().residentId();

        String history = agentGet("agent0", "/api/agent/residents/" + residentId + "/contacts").body();
        assertThat(history).doesNotContain("111222333").contains("Mijn BSN is");
    }
}
