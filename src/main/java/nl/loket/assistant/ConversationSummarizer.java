package nl.loket.assistant;

import nl.loket.handoff.ConversationSummaries;
import nl.loket.platform.Prompts;
import nl.loket.platform.privacy.PersonalDataRedactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * A few sentences for the agent who takes over, written by the optional language model from the
 * redacted conversation (hand-off's {@link ConversationSummaries} port; it adds them to the task later). Used only when a model is configured; the hand-off always has its
 * extractive summary too. A summary with personal data or a number that is not in the
 * conversation is thrown away.
 */
@Component
public class ConversationSummarizer implements ConversationSummaries {

    private static final Logger log = LoggerFactory.getLogger(ConversationSummarizer.class);
    private static final int MAX_LENGTH = 600;

    private final LanguageModelClient model;
    private final Prompts prompts;
    private final PersonalDataRedactor redactor = new PersonalDataRedactor();

    ConversationSummarizer(LanguageModelClient model, Prompts prompts) {
        this.model = model;
        this.prompts = prompts;
    }

    @Override
    public boolean available() {
        return model.enabled();
    }

    @Override
    public Optional<String> summarize(List<String> redactedLines) {
        if (!model.enabled() || redactedLines.isEmpty()) {
            return Optional.empty();
        }
        String conversation = String.join("\n", redactedLines);
        String user = prompts.raw("llm/summary-user.txt").replace("{conversation}", conversation.replace("</gesprek>", ""));
        Optional<String> summary = model.chat(prompts.raw("llm/summary-system.txt"), user).map(String::strip);
        if (summary.isEmpty() || summary.get().isEmpty() || summary.get().length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (redactor.redact(summary.get()).found()) {
            log.info("Language model summary not used: contains personal data");
            return Optional.empty();
        }
        if (ModelOutputRules.inventsNumbers(summary.get(), conversation)) {
            log.info("Language model summary not used: a number that is not in the conversation");
            return Optional.empty();
        }
        return summary;
    }
}
