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
 * @param tangle            when a message is a tangle of problems for a person (COMPLEX) rather than one question
 * @param crisisDoubt       the crisis classifier's probability from which a message goes as a crisis, first in line
 *                          with the help numbers: one that goes to a person anyway (out of scope, another language, a
 *                          complaint, a tangle), and one that would be answered from an article, which then is not
 */
@Validated
@ConfigurationProperties("loket.assistant")
public record AssistantProperties(
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.3") double clarifyThreshold,
        @Min(1) @DefaultValue("20") int messagesPerMinute,
        @Valid @NotNull @DefaultValue Llm llm,
        @Valid @NotNull @DefaultValue Tangle tangle,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.55") double crisisDoubt) {

    /**
     * A message that touches this many topics of the knowledge base at once, in at least this many content words, is
     * a tangle for a person ("scheiding, schulden, huis moet verkocht, kinderen…"): answering one article would leave
     * the rest unsaid. Chosen on the development set and the spent evaluation sets: 3 topics and 10 words hand over
     * about four in ten tangles for one in two hundred answerable questions.
     *
     * @param topics   topics touched (search score at least 0.7 of the best)
     * @param minWords content words
     */
    public record Tangle(@Min(2) @DefaultValue("3") int topics, @Min(1) @DefaultValue("10") int minWords) {
    }

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
