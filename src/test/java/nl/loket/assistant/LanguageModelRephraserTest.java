package nl.loket.assistant;

import com.github.tomakehurst.wiremock.WireMockServer;
import nl.loket.knowledge.Article;
import nl.loket.platform.PromptProperties;
import nl.loket.platform.Prompts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The optional language model, faked with WireMock as an OpenAI-compatible server. */
class LanguageModelRephraserTest {

    static final Article PASPOORT = new Article("nl-paspoort", "paspoort", "nl", "Paspoort aanvragen",
            "Een paspoort vraagt u aan bij de Stadswinkel. Maak eerst een afspraak. De kosten staan op de website.",
            "U vraagt een paspoort aan bij de Stadswinkel. Neem een pasfoto mee.\n\n1. Maak een afspraak.\n2. Neem uw oude paspoort mee.\n3. Haal het paspoort na 5 werkdagen op.",
            "https://www.nijmegen.nl/diensten/paspoort/", LocalDate.of(2026, 11, 29), List.of("identiteitskaart"),
            List.of("hoe vraag ik een paspoort aan", "paspoort verlopen", "nieuw paspoort"), List.of("paspoort"), true);

    WireMockServer model = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        model.start();
    }

    @AfterEach
    void stop() {
        model.stop();
    }

    LanguageModelRephraser rephraser(Duration timeout) {
        AssistantProperties properties = new AssistantProperties(0.3, 20,
                new AssistantProperties.Llm(model.baseUrl() + "/v1", "test-key", "test-model", timeout), new AssistantProperties.Tangle(3, 10), 0.6);
        return new LanguageModelRephraser(new LanguageModelClient(properties), new Prompts(new PromptProperties("prompts")), new SupportedAnswerCheck());
    }

    void modelAnswers(String content) {
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id":"c1","object":"chat.completion","created":1,"model":"test-model",
                         "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":10,"completion_tokens":10,"total_tokens":20}}"""
                        .formatted(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(content)))));
    }

    @Test
    void aSupportedAnswerIsUsedAndTheModelOnlySeesTheRedactedQuestion() {
        modelAnswers("U vraagt een paspoort aan bij de Stadswinkel. Maak eerst een afspraak. Neem een pasfoto mee.");

        Optional<String> answer = rephraser(Duration.ofSeconds(4)).rephrase(PASPOORT, "mijn bsn is [BSN], hoe vraag ik een paspoort aan", "nl");

        assertThat(answer).hasValue("U vraagt een paspoort aan bij de Stadswinkel. Maak eerst een afspraak. Neem een pasfoto mee.");
        model.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", containing("Bearer test-key"))
                .withRequestBody(containing("[BSN]"))
                .withRequestBody(containing("Gebruik alleen feiten uit het artikel")));
    }

    @Test
    void anInventedAmountFallsBackToTheArticle() {
        modelAnswers("Een paspoort kost 85 euro. Maak eerst een afspraak bij de Stadswinkel.");
        assertThat(rephraser(Duration.ofSeconds(4)).rephrase(PASPOORT, "wat kost een paspoort", "nl")).isEmpty();
    }

    @Test
    void aPromiseFallsBackToTheArticle() {
        modelAnswers("U krijgt uw paspoort gegarandeerd snel. Maak een afspraak.");
        assertThat(rephraser(Duration.ofSeconds(4)).rephrase(PASPOORT, "paspoort", "nl")).isEmpty();
    }

    @Test
    void aLinkOrPersonalDataFallsBackToTheArticle() {
        modelAnswers("Maak een afspraak via https://example.com of bel 06-12345678.");
        assertThat(rephraser(Duration.ofSeconds(4)).rephrase(PASPOORT, "paspoort", "nl")).isEmpty();
    }

    @Test
    void aSlowModelIsNotWaitedFor() {
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        long start = System.nanoTime();
        assertThat(rephraser(Duration.ofMillis(500)).rephrase(PASPOORT, "paspoort", "nl")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void aServerErrorFallsBackToTheArticle() {
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500).withBody("{\"error\":\"down\"}")));
        assertThat(rephraser(Duration.ofSeconds(4)).rephrase(PASPOORT, "paspoort", "nl")).isEmpty();
    }

    @Test
    void withoutABaseUrlTheModelIsOff() {
        AssistantProperties off = new AssistantProperties(0.3, 20, new AssistantProperties.Llm(null, null, "m", Duration.ofSeconds(4)), new AssistantProperties.Tangle(3, 10), 0.6);
        LanguageModelRephraser rephraser = new LanguageModelRephraser(new LanguageModelClient(off), new Prompts(new PromptProperties("prompts")), new SupportedAnswerCheck());
        assertThat(rephraser.enabled()).isFalse();
        assertThat(rephraser.rephrase(PASPOORT, "paspoort", "nl")).isEmpty();
        assertThat(model.getAllServeEvents()).isEmpty();
    }
}
