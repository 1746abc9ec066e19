package nl.loket.contact.lifecycle;

import nl.loket.contact.AssistantOutcome;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.ConversationClosed;
import nl.loket.contact.ConversationState;
import nl.loket.contact.Outcome;
import nl.loket.contact.Resolution;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SteppedClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import nl.loket.platform.reactions.Reaction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversations the assistant handled alone close after {@code loket.contact.idle-close} (24 h) without a
 * message, with a resolution that says so, and are announced like those a person closed. Runs in its own
 * context with a clock the test moves.
 */
@Import(IdleConversationCloseIT.Clocks.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IdleConversationCloseIT extends LoketIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        SteppedClock steppedClock() {
            return new SteppedClock(ZonedDateTime.now(ZoneId.of("Europe/Amsterdam")));
        }

        @Bean
        ClosedEvents closedEvents() {
            return new ClosedEvents();
        }

        /** Another module's reaction, as the registry and insight have one: it sees every close once. */
        @Bean
        Reaction<ConversationClosed> seeClosed(ClosedEvents closed) {
            return Reaction.atOnce("test-closed", ConversationClosed.class, closed.seen::add);
        }
    }

    static class ClosedEvents {
        final List<ConversationClosed> seen = new CopyOnWriteArrayList<>();
    }

    @Autowired SteppedClock clock;
    @Autowired IdleConversationSweeper sweeper;
    @Autowired ContactService contacts;
    @Autowired ClosedEvents closed;
    @Autowired JsonMapper json;

    record Session(String id, String token) { }

    Session chat(String text) {
        JsonNode body = json.readTree(postRaw("/api/chat/sessions", null, "").body());
        Session session = new Session(body.get("sessionId").asString(), body.get("token").asString());
        say(session, text);
        return session;
    }

    void say(Session session, String text) {
        assertThat(postJson("/api/chat/sessions/" + session.id() + "/messages",
                json.writeValueAsString(java.util.Map.of("text", text)),
                "Authorization", "Bearer " + session.token()).statusCode()).isEqualTo(200);
    }

    Conversation of(Session session) {
        return contacts.conversationOfThread(Channel.CHAT, session.id()).orElseThrow();
    }

    @Test
    void aQuietAnsweredConversationClosesOnceWhileHandedOffAndActiveOnesStayOpen() {
        Session answered = chat("Hoe vraag ik een paspoort aan?");
        Session handedOff = chat("Ik wil een medewerker spreken");
        Session active = chat("Hoe vraag ik een paspoort aan?");
        Conversation answeredBefore = of(answered);
        assertThat(answeredBefore.state()).isEqualTo(ConversationState.BOT);
        assertThat(of(handedOff).state()).isEqualTo(ConversationState.WAITING);

        clock.advance(Duration.ofHours(23));
        say(active, "En wat kost dat?");
        assertThat(sweeper.closeIdle()).as("nothing is quiet for 24 hours yet").isZero();

        clock.advance(Duration.ofHours(2));
        int closedNow = sweeper.closeIdle();

        Conversation closedConversation = contacts.conversation(answeredBefore.id()).orElseThrow();
        assertThat(closedConversation.state()).isEqualTo(ConversationState.CLOSED);
        assertThat(closedConversation.resolution()).isEqualTo(Resolution.ASSISTANT_ANSWERED);
        assertThat(closedNow).isGreaterThanOrEqualTo(1);
        assertThat(closed.seen).filteredOn(e -> e.conversationId().equals(answeredBefore.id()))
                .singleElement().satisfies(e -> assertThat(e.resolution()).isEqualTo(Resolution.ASSISTANT_ANSWERED));
        assertThat(of(handedOff).state()).as("a person owns it").isEqualTo(ConversationState.WAITING);
        assertThat(of(active).state()).as("spoke 2 hours ago").isEqualTo(ConversationState.BOT);

        assertThat(sweeper.closeIdle()).as("closing twice announces nothing twice").isZero();
        assertThat(closed.seen).filteredOn(e -> e.conversationId().equals(answeredBefore.id())).hasSize(1);

        // The resident comes back a day later in the same chat: a new conversation opens and is answered.
        say(answered, "Hoe vraag ik een paspoort aan?");
        Conversation next = of(answered);
        assertThat(next.id()).isNotEqualTo(answeredBefore.id());
        assertThat(next.state()).isEqualTo(ConversationState.BOT);

        clock.advance(Duration.ofHours(25));
        sweeper.closeIdle();
        assertThat(of(active).state()).isEqualTo(ConversationState.CLOSED);
        assertThat(of(handedOff).state()).isEqualTo(ConversationState.WAITING);
    }

    @Test
    void aConversationLeftAfterAQuestionBackClosesWithoutAnAnswer() {
        Session session = chat("hallo");
        Conversation before = of(session);
        assertThat(before.state()).isEqualTo(ConversationState.BOT);
        assertThat(before.outcomes()).extracting(AssistantOutcome::outcome).doesNotContain(Outcome.ANSWERED);

        clock.advance(Duration.ofHours(25));
        sweeper.closeIdle();

        assertThat(contacts.conversation(before.id()).orElseThrow().resolution())
                .isEqualTo(Resolution.ASSISTANT_NO_ANSWER);
    }
}
