package nl.loket.agent;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.handoff.HandoffService;
import nl.loket.support.LoketInstance;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live updates across two instances: 50 agents hold an event stream on instance B, 200 conversations are held by them,
 * residents write on instance A. Prints, for a resident message, the time from the POST on A to the {@code message}
 * event on the holder's stream on B, and for a new escalation on A the time to the {@code task} event on B (p50,
 * p95). Asserts no timing. Run: {@code mvn -o verify -Dloket.test.groups=benchmark -Dloket.excluded.test.groups=none
 * -Dit.test=LiveUpdatesBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class LiveUpdatesBenchmark {

    static final int AGENTS = 50;
    static final int CONVERSATIONS = 200;

    record Stream(BlockingQueue<String> lines, CompletableFuture<?> response) { }

    @Test
    void residentMessageToTheHoldersOpenStreamOnAnotherInstance() throws Exception {
        String prefix = "loket-bench-live-" + System.nanoTime();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            args.add("--loket.agents[" + (i + 2) + "].username=a" + i);
            args.add("--loket.agents[" + (i + 2) + "].password={noop}" + LoketInstance.AGENT_PASSWORD);
            args.add("--loket.agents[" + (i + 2) + "].roles[0]=AGENT");
        }
        try (LoketInstance a = new LoketInstance(TestRedis.serverUrl(), prefix, args.toArray(String[]::new));
             LoketInstance b = new LoketInstance(TestRedis.serverUrl(), prefix, args.toArray(String[]::new))) {
            HttpClient http = HttpClient.newHttpClient();
            List<Stream> streams = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                streams.add(open(http, b, "a" + i));
            }
            ContactService contacts = a.bean(ContactService.class);
            HandoffService handoff = a.bean(HandoffService.class);
            List<LoketInstance.Chat> chats = new ArrayList<>();
            List<String> tasks = new ArrayList<>();
            List<Double> toTaskEvent = new ArrayList<>();
            for (int i = 0; i < CONVERSATIONS; i++) {
                LoketInstance.Chat chat = a.openChat();
                Stream watcher = streams.get(i % AGENTS);
                watcher.lines().clear();
                long start = System.nanoTime();
                assertThat(a.sendChat(chat, "Ik wil een medewerker spreken").statusCode()).isEqualTo(200);
                String conversation = contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id();
                String task = taskOf(handoff, conversation);
                await(watcher, "\"id\":\"" + task + "\"");
                toTaskEvent.add((System.nanoTime() - start) / 1e6);
                assertThat(b.agentPost("a" + (i % AGENTS), "/api/agent/handoffs/" + task + "/claim", "").statusCode()).isEqualTo(200);
                chats.add(chat);
                tasks.add(task);
            }
            List<Double> toMessageEvent = new ArrayList<>();
            for (int i = 0; i < CONVERSATIONS; i++) {
                Stream holder = streams.get(i % AGENTS);
                holder.lines().clear();
                long start = System.nanoTime();
                assertThat(a.sendChat(chats.get(i), "Hallo, is er al iemand?").statusCode()).isEqualTo(200);
                await(holder, "\"taskId\":\"" + tasks.get(i) + "\"");
                toMessageEvent.add((System.nanoTime() - start) / 1e6);
            }
            System.out.printf("BENCHMARK live updates, %d agents streaming on instance B, %d conversations held, residents on A:"
                            + " resident message -> 'message' event on the holder's stream p50 %.1f ms, p95 %.1f ms;"
                            + " escalation -> 'task' event p50 %.1f ms, p95 %.1f ms (both include the resident's POST)%n",
                    AGENTS, CONVERSATIONS, percentile(toMessageEvent, 50), percentile(toMessageEvent, 95),
                    percentile(toTaskEvent, 50), percentile(toTaskEvent, 95));
            streams.forEach(s -> s.response().cancel(true));
        }
    }

    /** The task is opened by a reaction, normally before the resident's answer; wait a little when it came after. */
    private static String taskOf(HandoffService handoff, String conversation) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            var task = handoff.taskOfConversation(conversation);
            if (task.isPresent()) {
                return task.get().id();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no task for conversation " + conversation);
    }

    private static Stream open(HttpClient http, LoketInstance instance, String user) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        String[] auth = LoketInstance.basic(user);
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.url("/api/agent/stream")))
                .header(auth[0], auth[1]).header("Accept", "text/event-stream").GET().build();
        CompletableFuture<?> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(lines::add));
        Stream stream = new Stream(lines, response);
        await(stream, "event:ready");
        return stream;
    }

    private static void await(Stream stream, String containing) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < end) {
            String line = stream.lines().poll(50, TimeUnit.MILLISECONDS);
            if (line != null && line.replace(" ", "").contains(containing.replace(" ", ""))) {
                return;
            }
        }
        throw new AssertionError("no event with " + containing);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
