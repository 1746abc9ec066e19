package nl.loket.assistant;

import nl.loket.knowledge.Article;
import nl.loket.platform.privacy.PersonalDataRedactor;
import nl.loket.platform.text.TextNormalizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The output guard for a language model's text: it may only say what the article says. Checked
 * cheapest first: length, links, personal data, numbers not in the article, promises, readability.
 * Any failure means the plain article is given instead.
 */
@Component
class SupportedAnswerCheck {

    static final int MAX_LENGTH = 1200;
    private static final Pattern LINK = Pattern.compile("https?://|www\\.", Pattern.CASE_INSENSITIVE);

    private final PersonalDataRedactor redactor = new PersonalDataRedactor();
    private final ReadabilityCheck readability = new ReadabilityCheck();
    private final List<String> promises = loadPromises();

    /** Empty when the text is supported by the article; otherwise why not (never the text itself). */
    Optional<String> problem(String answer, Article article) {
        if (answer == null || answer.isBlank()) {
            return Optional.of("empty");
        }
        if (answer.length() > MAX_LENGTH) {
            return Optional.of("too long");
        }
        if (LINK.matcher(answer).find()) {
            return Optional.of("contains a link");
        }
        if (redactor.redact(answer).found()) {
            return Optional.of("contains personal data");
        }
        String source = article.title() + " " + article.summary() + " " + article.body();
        if (ModelOutputRules.inventsNumbers(answer, source)) {
            return Optional.of("number not in the article");
        }
        String normalised = " " + TextNormalizer.forMatching(answer) + " ";
        String normalisedSource = " " + TextNormalizer.forMatching(source) + " ";
        for (String promise : promises) {
            String phrase = " " + promise + " ";
            if (normalised.contains(phrase) && !normalisedSource.contains(phrase)) {
                return Optional.of("makes a promise");
            }
        }
        if (!readability.assess(answer, article.language()).passes()) {
            return Optional.of("not plain language");
        }
        return Optional.empty();
    }

    private static List<String> loadPromises() {
        try (InputStream in = SupportedAnswerCheck.class.getResourceAsStream("/assistant/output/promises.txt")) {
            if (in == null) {
                throw new IllegalStateException("assistant/output/promises.txt is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(TextNormalizer::forMatching).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
