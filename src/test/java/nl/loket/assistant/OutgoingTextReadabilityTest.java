package nl.loket.assistant;

import nl.loket.knowledge.Article;
import nl.loket.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain language is the norm (vision 5.2): every text the assistant can send — each knowledge-base
 * article and each prompt file — passes the readability check, or the build fails.
 */
class OutgoingTextReadabilityTest {

    private final ReadabilityCheck readability = new ReadabilityCheck();

    @Test
    void everyKnowledgeBaseArticlePasses() {
        List<String> failures = new ArrayList<>();
        try (KnowledgeBase kb = KnowledgeBase.load("classpath:knowledge")) {
            for (Article article : kb.articles()) {
                for (String text : List.of(article.summary(), article.body())) {
                    ReadabilityReport report = readability.assess(text, article.language());
                    if (!report.passes()) {
                        failures.add(article.id() + ": score " + Math.round(report.score()) + ", too long: " + report.tooLongSentences());
                    }
                }
            }
            assertThat(kb.articles()).hasSizeGreaterThanOrEqualTo(80);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyDutchAndEnglishPromptPasses() throws IOException {
        List<String> failures = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("prompts"))) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(nl|en)\\.txt")).toList()) {
                String language = file.toString().endsWith(".en.txt") ? "en" : "nl";
                String text = Files.readString(file).replaceAll("\\{[a-z]+}", "LK-ABC-DEF");
                if (text.split("\\s+").length < 5) {
                    continue; // fragments such as "binnen {n} minuten" are part of a sentence
                }
                ReadabilityReport report = readability.assess(text, language);
                if (!report.passes()) {
                    failures.add(file + ": score " + Math.round(report.score()) + ", too long: " + report.tooLongSentences());
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
