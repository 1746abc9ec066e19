package nl.loket.registry;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.handoff.HandoffService;
import nl.loket.support.HandoffIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Without {@code loket.klantinteracties.base-url} (the shared test configuration) the registry does nothing. */
class RegistryOffIT extends HandoffIntegrationTest {

    @Autowired KlantinteractiesProperties properties;
    @Autowired RegistrationJobs jobs;
    @Autowired ContactService contacts;
    @Autowired HandoffService handoff;

    @Test
    void withoutABaseUrlAClosedConversationIsNeitherQueuedNorSent() {
        assertThat(properties.enabled()).isFalse();
        Chat chat = chat();
        assertThat(say(chat, "Ik wil een medewerker spreken").get("outcome").asString()).isEqualTo("ESCALATED");
        String conversationId = contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id();
        String path = "/api/agent/handoffs/" + handoff.taskOfConversation(conversationId).orElseThrow().id();
        assertThat(agentPost("agent2", path + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(agentPost("agent2", path + "/close", "{\"resolution\":\"REFERRED\"}").statusCode()).isEqualTo(200);

        assertThat(jobs.queued(conversationId)).isFalse();
        assertThat(jobs.isDone(conversationId)).isFalse();
        assertThat(jobs.progress(conversationId)).isEmpty();
        assertThat(jobs.claimDue()).isEmpty();

        HttpResponse<String> deadLetters = agentGet("supervisor", "/api/registry/dead-letters");
        assertThat(deadLetters.statusCode()).isEqualTo(200);
        assertThat(body(deadLetters).isArray()).isTrue();
    }
}
