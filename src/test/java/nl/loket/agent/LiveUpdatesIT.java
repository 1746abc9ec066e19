package nl.loket.agent;

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
 * {@code GET /api/agent/stream}: an agent's open workbench hears of a new task of their team, of changes to it, and of
 * the resident writing in a task they hold, without polling; an agent of another team hears nothing of it.
 */
class LiveUpdatesIT extends HandoffIntegrationTest {

    @Autowired HandoffService handoff;
    @Autowired ContactService contacts;

    /** The data lines of one agent's event stream, as they arrive. */
    final class Stream implements AutoCloseable {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final CompletableFuture<HttpResponse<Void>> response;

        Stream(String user) throws InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/agent/stream")))
                    .header(basic(user)[0], basic(user)[1]).header("Accept", "text/event-stream").GET().build();
            response = HttpClient.newHttpClient().sendAsync(request,
                    HttpResponse.BodyHandlers.ofLines()).thenApply(r -> {
                        r.body().forEach(lines::add);
                        return null;
                    });
            assertThat(next("event:ready")).isNotNull();
        }

        /** The first line containing this text within ten seconds, or null. */
        String next(String containing) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < end) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && line.replace(" ", "").contains(containing.replace(" ", ""))) {
                    return line;
                }
            }
            return null;
        }

        boolean anyWithin(String containing, long millis) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (System.nanoTime() < end) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.contains(containing)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            response.cancel(true);
        }
    }

    @Test
    void anAgentHearsOfANewTaskOfTheirTeamAndOfTheResidentWritingInATaskTheyHold() throws Exception {
        try (Stream bas = new Stream(BURGERZAKEN_AGENT); Stream bea = new Stream(BELASTINGEN_AGENT)) {
            Chat chat = chat();
            say(chat, "Hoe vraag ik een paspoort aan?");
            say(chat, "Ik wil een medewerker spreken");
            HandoffTask task = handoff.taskOfConversation(contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id())
                    .orElseThrow();

            String created = bas.next("\"id\":\"" + task.id() + "\"");
            assertThat(created).as("task event for its team").isNotNull().contains("WAITING").contains("burgerzaken")
                    .doesNotContain("paspoort aan");
            assertThat(bea.anyWithin(task.id(), 1500)).as("another team hears nothing").isFalse();

            assertThat(agentPost(BURGERZAKEN_AGENT, "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);
            assertThat(bas.next("\"claimedBy\":\"" + BURGERZAKEN_AGENT + "\"")).isNotNull();

            say(chat, "Ik heb ook een vraag over mijn rijbewijs");
            String message = bas.next("\"taskId\":\"" + task.id() + "\"");
            assertThat(message).as("message event for the holder").isNotNull().doesNotContain("rijbewijs");
        }
    }

    @Test
    void aTeamLeadHearsOfAnAgentsStatusChangeAndColleaguesDoNot() throws Exception {
        try (Stream lead = new Stream("supervisor"); Stream bas = new Stream(BURGERZAKEN_AGENT)) {
            HttpResponse<String> set = send(request("/api/agent/status").header("Content-Type", "application/json")
                    .header(basic(BELASTINGEN_AGENT)[0], basic(BELASTINGEN_AGENT)[1])
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"busy\"}")).build());
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            assertThat(lead.next("\"agent\":\"" + BELASTINGEN_AGENT + "\"")).as("status event for the lead").isNotNull();
            assertThat(bas.anyWithin("event:status", 1500)).as("an agent hears nothing of colleagues' statuses").isFalse();
        }
    }

    @Test
    void theStreamIsForAgentsOnly() {
        assertThat(get("/api/agent/stream").statusCode()).isEqualTo(401);
        assertThat(agentGet("visitor", "/api/agent/stream").statusCode()).isEqualTo(403);
    }
}
