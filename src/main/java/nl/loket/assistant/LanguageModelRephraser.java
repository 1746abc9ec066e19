package nl.loket.assistant;

import nl.loket.knowledge.Article;
import nl.loket.platform.Prompts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Rephrases the retrieved article for the resident's (redacted) question with the optional
 * language model. Whatever goes wrong — a timeout, an error, an answer the article does not
 * support — the plain article is given.
 */
@Component
class LanguageModelRephraser {

    private static final Logger log = LoggerFactory.getLogger(LanguageModelRephraser.class);

    private final LanguageModelClient model;
    private final Prompts prompts;
    private final SupportedAnswerCheck check;

    LanguageModelRephraser(LanguageModelClient model, Prompts prompts, SupportedAnswerCheck check) {
        this.model = model;
        this.prompts = prompts;
        this.check = check;
    }

    boolean enabled() {
        return model.enabled();
    }

    /** The article rephrased for this question, or empty to use the article as it is. */
    Optional<String> rephrase(Article article, String redactedQuestion, String language) {
        if (!model.enabled()) {
            return Optional.empty();
        }
        String user = prompts.raw("llm/rephrase-user.txt")
                .replace("{language}", "en".equals(language) ? "English" : "Nederlands")
                .replace("{article}", article.title() + "\n" + article.summary() + "\n" + article.body())
                .replace("{question}", redactedQuestion.replace("</vraag>", ""));
        Optional<String> text = model.chat(prompts.raw("llm/rephrase-system.txt"), user);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> problem = check.problem(text.get(), article);
        if (problem.isPresent()) {
            log.info("Language model answer on article {} not used: {}", article.id(), problem.get());
            return Optional.empty();
        }
        return Optional.of(text.get().strip());
    }
}
