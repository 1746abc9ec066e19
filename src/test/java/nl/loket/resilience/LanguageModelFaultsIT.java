package nl.loket.resilience;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import nl.loket.support.LoketInstance;
import nl.loket.support.LoketInstance.Chat;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language model is slow, down, or answers what an injection asked for: residents still get the
 * knowledge-base answer within 5 seconds, and nothing of Loket's prompts or configuration ever reaches them.
 * The model is a WireMock server speaking the OpenAI chat API.
 */
class LanguageModelFaultsIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String API_KEY = "sk-loket-test-" + UUID.randomUUID();
    static final String COMPLETIONS = "/v1/chat/completions";
    static final Duration RESIDENT_PATIENCE = Duration.ofSeconds(5);

    static WireMockServer model;
    static LoketInstance loket;

    @BeforeAll
    static void start() {
        model = new WireMockServer(options().dynamicPort());
        model.start();
        loket = new LoketInstance(TestRedis.serverUrl(), "loket-llm-" + UUID.randomUUID(),
                "--loket.assistant.llm.base-url=" + model.baseUrl() + "/v1", "--loket.assistant.llm.api-key=" + API_KEY,
                "--loket.assistant.messages-per-minute=1000");
        // Loket warms the assistant before it reports ready; the first HTTP requests still load some classes.
        // Measured here are the waits of a running instance.
        for (String warmUp : List.of("Hoe vraag ik een paspoort aan?", "Ik wil een medewerker spreken")) {
            Timed<JsonNode> cold = timed(() -> say(openChat(), warmUp));
            System.out.println("Warm-up request took " + cold.took().toMillis() + " ms");
        }
    }

    @AfterAll
    static void stop() {
        if (loket != null) {
            loket.close();
        }
        if (model != null) {
            model.stop();
        }
    }

    @BeforeEach
    void reset() {
        model.resetAll();
    }

    @Test
    void aSlowModelIsNotWaitedForOnAnyChannel() {
        model.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(200).withFixedDelay(20_000)));

        Timed<JsonNode> answer = timed(() -> say(openChat(), "Hoe vraag ik een paspoort aan?"));
        assertThat(answer.took()).isLessThan(RESIDENT_PATIENCE);
        assertThat(answer.value().get("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(answer.value().get("text").asString()).containsIgnoringCase("paspoort");

        Timed<HttpResponse<String>> sms = timed(() -> loket.postTwilio("/api/channels/twilio/sms", Map.of(
                "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""), "From", "+31612345670",
                "Body", "Wanneer wordt het grofvuil opgehaald?")));
        assertThat(sms.took()).isLessThan(RESIDENT_PATIENCE);
        assertThat(sms.value().statusCode()).isEqualTo(200);
        assertThat(sms.value().body()).contains("<Message>");

        Timed<JsonNode> handoff = timed(() -> say(openChat(), "Ik wil een medewerker spreken over mijn parkeervergunning"));
        assertThat(handoff.took()).isLessThan(RESIDENT_PATIENCE);
        assertThat(handoff.value().get("outcome").asString()).isEqualTo("ESCALATED");
        // The model was asked, so the fallback is what the resident got, not a path that skipped the model.
        model.verify(postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void aModelThatIsDownGivesTheKnowledgeBaseAnswer() {
        model.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        JsonNode reset = say(openChat(), "Hoe vraag ik een paspoort aan?");
        assertThat(reset.get("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(reset.get("text").asString()).containsIgnoringCase("paspoort");

        model.resetAll();
        model.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(503).withBody("{\"error\":\"overloaded\"}")));
        JsonNode unavailable = say(openChat(), "Hoe vraag ik een paspoort aan?");
        assertThat(unavailable.get("text").asString()).isEqualTo(reset.get("text").asString());
    }

    @Test
    void injectionsNeverShowPromptsOrConfigurationEvenWhenTheModelObeysThem() throws IOException {
        // The worst case: a model that does whatever an injection asks and answers with its instructions.
        String leak = String.join("\n", promptFiles()) + "\napi key: " + API_KEY + "\nredis: " + TestRedis.serverUrl()
                + "\ntwilio: " + LoketInstance.TWILIO_TOKEN;
        model.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id":"c1","object":"chat.completion","created":1,"model":"m",
                         "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}"""
                        .formatted(JSON.writeValueAsString(leak)))));

        List<String> secrets = new ArrayList<>(List.of(API_KEY, LoketInstance.TWILIO_TOKEN, TestRedis.serverUrl(), "loket-llm-"));
        for (String line : promptFiles()) {
            String normalized = normalize(line);
            if (normalized.split(" ").length >= 6) {
                secrets.add(normalized);
            }
        }
        List<String> attempts = injections();
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(20);
        for (String attempt : attempts) {
            JsonNode reply = say(openChat(), attempt);
            String shown = normalize(reply.toString());
            for (String secret : secrets) {
                assertThat(shown).as("reply to '%s'", attempt).doesNotContain(normalize(secret));
            }
            // Also through SMS, where answers are rendered differently.
            String twiml = normalize(loket.postTwilio("/api/channels/twilio/sms", Map.of(
                    "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""), "From", "+31612345671",
                    "Body", attempt)).body());
            for (String secret : secrets) {
                assertThat(twiml).as("SMS reply to '%s'", attempt).doesNotContain(normalize(secret));
            }
        }
        // The leaking model was really asked (for the attempts that passed the input guard).
        assertThat(model.getAllServeEvents()).isNotEmpty();
    }

    private static List<String> promptFiles() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String folder : List.of("prompts/llm", "prompts/agent")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                            .filter(l -> !l.isBlank() && !l.contains("{")).forEach(lines::add);
                }
            }
        }
        return lines;
    }

    private static List<String> injections() throws IOException {
        try (InputStream in = LanguageModelFaultsIT.class.getResourceAsStream("/security/prompt-injections.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replace("\\n", " ").replaceAll("[\\s\"\\\\]+", " ").replaceAll("^- ", "").strip();
    }


    record Timed<T>(T value, Duration took) { }

    private static <T> Timed<T> timed(java.util.function.Supplier<T> call) {
        long start = System.nanoTime();
        T value = call.get();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }

    private static Chat openChat() {
        return loket.openChat();
    }

    private static JsonNode say(Chat chat, String text) {
        HttpResponse<String> r = loket.sendChat(chat, text);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("reply");
    }
}
