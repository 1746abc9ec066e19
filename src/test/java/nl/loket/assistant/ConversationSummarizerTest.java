package nl.loket.assistant;

import com.github.tomakehurst.wiremock.WireMockServer;
import nl.loket.platform.PromptProperties;
import nl.loket.platform.Prompts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The model-written hand-off summary, with the language model faked by WireMock. */
class ConversationSummarizerTest {

    static final List<String> CONVERSATION = List.of(
            "Inwoner: mijn bsn is [BSN], waar blijft mijn uitkering van 12 december",
            "Assistent: Over uw eigen situatie kan ik geen antwoord geven.");

    WireMockServer model = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        model.start();
    }

    @AfterEach
    void stop() {
        model.stop();
    }

    ConversationSummarizer summarizer(String baseUrl) {
        AssistantProperties properties = new AssistantProperties(0.3, 20,
                new AssistantProperties.Llm(baseUrl, "k", "m", Duration.ofSeconds(3)), new AssistantProperties.Tangle(3, 10), 0.6);
        return new ConversationSummarizer(new LanguageModelClient(properties), new Prompts(new PromptProperties("prompts")));
    }

    void answers(String content) {
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":" + JsonMapper.builder().build().writeValueAsString(content)
                        + "},\"finish_reason\":\"stop\"}]}")));
    }

    @Test
    void aSupportedSummaryIsUsedAndTheModelSeesOnlyRedactedText() {
        answers("De inwoner vraagt waar de uitkering van 12 december blijft. Kijk in het dossier.");
        assertThat(summarizer(model.baseUrl() + "/v1").summarize(CONVERSATION))
                .hasValue("De inwoner vraagt waar de uitkering van 12 december blijft. Kijk in het dossier.");
        model.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("[BSN]")).withRequestBody(notContaining("111222333")));
    }

    @Test
    void aSummaryWithAnInventedNumberOrPersonalDataIsDropped() {
        answers("De inwoner krijgt 450 euro.");
        assertThat(summarizer(model.baseUrl() + "/v1").summarize(CONVERSATION)).isEmpty();
        answers("Bel de inwoner terug op 06-12345678.");
        assertThat(summarizer(model.baseUrl() + "/v1").summarize(CONVERSATION)).isEmpty();
    }

    @Test
    void withoutAModelOrWhenItFailsThereIsNoWrittenSummary() {
        assertThat(summarizer(null).available()).as("hand-off need not wait for a task to add nothing").isFalse();
        assertThat(summarizer(null).summarize(CONVERSATION)).isEmpty();
        assertThat(summarizer(model.baseUrl() + "/v1").available()).isTrue();
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)));
        assertThat(summarizer(model.baseUrl() + "/v1").summarize(CONVERSATION)).isEmpty();
    }
}
