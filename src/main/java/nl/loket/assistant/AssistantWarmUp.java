package nl.loket.assistant;

import nl.loket.knowledge.CurrentKnowledge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Runs the assistant's in-memory steps (language detection with its model, input guard, triage, retrieval) on a few sample questions
 * once at start-up, before the instance reports ready: the first resident after a deploy or a scale-out
 * would otherwise wait seconds while classes load and caches fill. Touches no store.
 */
@Component
class AssistantWarmUp {

    private static final Logger log = LoggerFactory.getLogger(AssistantWarmUp.class);
    private static final List<String> SAMPLES = List.of("Hoe vraag ik een paspoort aan?",
            "Wanneer wordt het grofvuil opgehaald?", "How do I apply for a parking permit?", "Ik wil een medewerker spreken");

    private final LanguageDetector languages;
    private final InputGuard inputGuard;
    private final Triage triage;
    private final CurrentKnowledge knowledge;

    AssistantWarmUp(LanguageDetector languages, InputGuard inputGuard, Triage triage, CurrentKnowledge knowledge) {
        this.languages = languages;
        this.inputGuard = inputGuard;
        this.triage = triage;
        this.knowledge = knowledge;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        long started = System.nanoTime();
        try {
            for (int round = 0; round < 3; round++) {
                for (String sample : SAMPLES) {
                    String language = "en".equals(languages.detect(sample).code()) ? "en" : "nl";
                    inputGuard.check(sample);
                    triage.classify(sample);
                    knowledge.current().retrieve(sample, language);
                }
            }
            log.info("Assistant warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Assistant warm-up skipped: {}", e.getClass().getSimpleName());
        }
    }
}
