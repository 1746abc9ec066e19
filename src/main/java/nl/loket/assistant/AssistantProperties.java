package nl.loket.assistant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How careful the assistant is.
 *
 * @param clarifyThreshold below the knowledge base's answer threshold ({@code loket.knowledge.answer-threshold})
 *                         but from this confidence, the resident is asked which topic they mean
 * @param messagesPerMinute messages one resident may send per minute before the assistant pauses for them
 * @param llm               the optional language model that rephrases an article; off without a base URL
 */
@Validated
@ConfigurationProperties("loket.assistant")
public record AssistantProperties(
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.3") double clarifyThreshold,
        @Min(1) @DefaultValue("20") int messagesPerMinute,
        @Valid @NotNull @DefaultValue Llm llm) {

    /**
     * An OpenAI-compatible chat model (vLLM, Ollama, Azure OpenAI, Mistral…).
     *
     * @param baseUrl e.g. {@code https://llm.example.nl/v1}; empty switches the model off
     * @param apiKey  sent as bearer token
     * @param model   model name
     * @param timeout longest wait for an answer; after that the plain article is given. Short, so a resident
     *                waits at most about 3 seconds for a slow model (one model call per message) and 5 in all
     */
    public record Llm(String baseUrl, String apiKey, @DefaultValue("gpt-4o-mini") String model,
                      @NotNull @DefaultValue("2500ms") Duration timeout) {

        boolean enabled() {
            return baseUrl != null && !baseUrl.isBlank();
        }
    }
}
