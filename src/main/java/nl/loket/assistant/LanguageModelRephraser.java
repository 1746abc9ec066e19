package nl.loket.assistant;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import nl.loket.knowledge.Article;
import nl.loket.platform.Prompts;
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
 * The optional language model: it only rephrases the retrieved article for the resident's
 * (redacted) question. Off without {@code loket.assistant.llm.base-url}. Whatever goes wrong —
 * a timeout, an error, an answer the article does not support — the plain article is given.
 */
@Component
class LanguageModelRephraser implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LanguageModelRephraser.class);

    private final AssistantProperties.Llm settings;
    private final Prompts prompts;
    private final SupportedAnswerCheck check;
    private final ChatModel model;
    private final ExecutorService executor;

    LanguageModelRephraser(AssistantProperties properties, Prompts prompts, SupportedAnswerCheck check) {
        this.settings = properties.llm();
        this.prompts = prompts;
        this.check = check;
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
            log.info("Language model on for rephrasing articles: model {}", settings.model());
        }
    }

    boolean enabled() {
        return model != null;
    }

    /** The article rephrased for this question, or empty to use the article as it is. */
    Optional<String> rephrase(Article article, String redactedQuestion, String language) {
        if (model == null) {
            return Optional.empty();
        }
        String articleText = article.title() + "\n" + article.summary() + "\n" + article.body();
        String user = prompts.raw("llm/rephrase-user.txt")
                .replace("{language}", "en".equals(language) ? "English" : "Nederlands")
                .replace("{article}", articleText)
                .replace("{question}", redactedQuestion.replace("</vraag>", ""));
        try {
            ChatResponse response = CompletableFuture
                    .supplyAsync(() -> model.chat(SystemMessage.from(prompts.raw("llm/rephrase-system.txt")), UserMessage.from(user)), executor)
                    .get(settings.timeout().toMillis() + 500, TimeUnit.MILLISECONDS);
            String text = response.aiMessage() == null ? null : response.aiMessage().text();
            Optional<String> problem = check.problem(text, article);
            if (problem.isPresent()) {
                log.info("Language model answer on article {} not used: {}", article.id(), problem.get());
                return Optional.empty();
            }
            return Optional.of(text.strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            log.warn("Language model not used for article {}: {}", article.id(), e.getClass().getSimpleName());
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
