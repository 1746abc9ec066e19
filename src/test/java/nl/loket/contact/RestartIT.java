package nl.loket.contact;

import nl.loket.LoketApplication;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping and starting Loket against the same Redis loses nothing. */
class RestartIT {

    /** A Redis outside both application contexts, so it outlives the first one. */
    static final String redisUrl = TestRedis.serverUrl();

    ConfigurableApplicationContext start(String prefix) {
        return SpringApplication.run(LoketApplication.class, "--server.port=0", "--loket.redis.url=" + redisUrl,
                "--loket.redis.key-prefix=" + prefix, "--loket.transcripts.inbox=target/restart-inbox-" + prefix,
                "--loket.knowledge.links.enabled=false");
    }

    @Test
    void conversationsSurviveARestart() {
        String prefix = "loket-restart-" + UUID.randomUUID();
        String email = "restart-" + UUID.randomUUID() + "@example.nl";
        InboundMessage form = new InboundMessage(Channel.WEBFORM, List.of(Identity.email(email)), "Blijft dit bewaard?",
                OffsetDateTime.now(), null, null, null, null, AuthorRole.RESIDENT, "Test", null, null, null);

        Receipt before;
        try (ConfigurableApplicationContext first = start(prefix)) {
            before = first.getBean(ContactService.class).receive(form);
        }
        try (ConfigurableApplicationContext second = start(prefix)) {
            ContactService contacts = second.getBean(ContactService.class);
            Conversation after = contacts.conversationByReference(before.reference()).orElseThrow();
            assertThat(after.id()).isEqualTo(before.conversation().id());
            assertThat(contacts.messages(after.id())).extracting(Message::text).contains("Blijft dit bewaard?");
            assertThat(contacts.residentIdOf(Identity.email(email))).hasValue(before.residentId());
        }
    }
}
