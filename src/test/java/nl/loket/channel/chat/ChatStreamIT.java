package nl.loket.channel.chat;

import nl.loket.contact.AgentTyping;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.support.HandoffIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/chat/sessions/{id}/stream}: a resident's open chat hears at once that the agent is typing or
 * answered, without the text travelling in the stream, and only with the session's own token.
 */
class ChatStreamIT extends HandoffIntegrationTest {

    @Autowired HandoffService handoff;
    @Autowired ContactService contacts;
    @Autowired AgentTyping typing;

    /** The lines of one chat's event stream, as they arrive. */
    final class Stream implements AutoCloseable {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final CompletableFuture<Void> reading;

        Stream(Chat chat) throws InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/chat/sessions/" + chat.id() + "/stream")))
                    .header("Authorization", "Bearer " + chat.token()).header("Accept", "text/event-stream").GET().build();
            reading = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(r -> r.body().forEach(lines::add));
            assertThat(within("event:ready", 10_000)).as("the stream opens").isTrue();
        }

        /** Whether a line containing this text arrives within the time; every line read is kept in {@code seen}. */
        boolean within(String containing, long millis) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (System.nanoTime() < end) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.append(line).append('\n');
                    if (line.replace(" ", "").contains(containing)) {
                        return true;
                    }
                }
            }
            return false;
        }

        final StringBuilder seen = new StringBuilder();

        @Override
        public void close() {
            reading.cancel(true);
        }
    }

    @Test
    void theResidentsOpenChatHearsAtOnceThatTheAgentTypesAndAnswers() throws Exception {
        Chat chat = chat();
        say(chat, "Hoe vraag ik een paspoort aan?");
        say(chat, "Ik wil een medewerker spreken");
        String conversation = contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id();
        HandoffTask task = handoff.taskOfConversation(conversation).orElseThrow();
        assertThat(agentPost(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);
        Chat other = chat();
        say(other, "Ik wil een medewerker spreken");

        try (Stream stream = new Stream(chat); Stream bystander = new Stream(other)) {
            handoff.reply(task.id(), BURGERZAKEN_AGENT, "Goedemiddag, ik help u verder met uw vraag.");
            assertThat(stream.within("event:changed", 5_000)).as("the answer announced").isTrue();
            assertThat(chatMessages(chat).toString()).contains("ik help u verder");

            typing.typing(conversation);
            assertThat(stream.within("event:changed", 5_000)).as("typing announced").isTrue();

            assertThat(bystander.within("event:changed", 1_500)).as("another resident hears nothing").isFalse();
            assertThat(stream.seen.toString()).as("no text in the stream").doesNotContain("help u").doesNotContain("medewerker");
        }
    }

    @Test
    void onlyTheSessionsOwnTokenOpensItsStream() {
        Chat chat = chat();
        Chat other = chat();
        String path = "/api/chat/sessions/" + chat.id() + "/stream";

        assertThat(get(path, "Accept", "text/event-stream").statusCode()).isEqualTo(401);
        assertThat(get(path, "Accept", "text/event-stream", "Authorization", "Bearer " + other.token()).statusCode()).isEqualTo(404);
        assertThat(get("/api/chat/sessions/nope/stream", "Accept", "text/event-stream", "Authorization", "Bearer " + chat.token())
                .statusCode()).isEqualTo(404);
    }
}
