package nl.loket.assistant;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The optional OpenAI-compatible language model, off without {@code loket.assistant.llm.base-url}.
 * One place for the connection, the hard time limit and the rule that a failure is never the
 * caller's problem: every failure is an empty answer. Callers only ever pass redacted text.
 */
@Component
class LanguageModelClient implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LanguageModelClient.class);

    private final AssistantProperties.Llm settings;
    private final ChatModel model;
    private final ExecutorService executor;

    LanguageModelClient(AssistantProperties properties) {
        this.settings = properties.llm();
        this.model = settings.enabled()
                ? OpenAiChatModel.builder()
                    .baseUrl(settings.baseUrl())
                    .apiKey(settings.apiKey() == null || settings.apiKey().isBlank() ? "none" : settings.apiKey())
                    .modelName(settings.model())
                    .timeout(settings.timeout())
                    .maxRetries(0)
                    .temperature(0.0)
                    .build()
                : null;
        this.executor = settings.enabled() ? Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "loket-llm");
            t.setDaemon(true);
            return t;
        }) : null;
        if (settings.enabled()) {
            log.info("Language model on: model {}", settings.model());
        }
    }

    boolean enabled() {
        return model != null;
    }

    /** The model's answer within the time limit, or empty (off, slow, failing). */
    Optional<String> chat(String system, String user) {
        if (model == null) {
            return Optional.empty();
        }
        try {
            ChatResponse response = CompletableFuture
                    .supplyAsync(() -> model.chat(SystemMessage.from(system), UserMessage.from(user)), executor)
                    .get(settings.timeout().toMillis() + 500, TimeUnit.MILLISECONDS);
            return Optional.ofNullable(response.aiMessage() == null ? null : response.aiMessage().text());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            log.warn("Language model not used: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void destroy() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
