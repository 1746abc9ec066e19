package nl.loket.assistant;

import nl.loket.knowledge.Article;
import nl.loket.platform.text.TextNormalizer;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A question that names another organisation (UWV, Belastingdienst, a hospital…) is about that
 * organisation's service. The nearest municipal article would be a wrong answer, so the assistant
 * answers only when the article itself mentions the organisation; otherwise a person takes it.
 */
final class OtherOrganisationCheck {

    private final Set<String> organisations = Set.copyOf(SignalList.load("other-organisations").entries());

    /** The organisation the question names and the article does not, if any. */
    Optional<String> unsupported(String question, Article article) {
        Set<String> named = new HashSet<>(TextNormalizer.words(question));
        named.retainAll(organisations);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        Set<String> articleWords = new HashSet<>();
        for (String text : List.of(article.title(), article.summary(), article.body(),
                String.join(" ", article.keywords()), String.join(" ", article.examples()))) {
            articleWords.addAll(TextNormalizer.words(text));
        }
        return named.stream().filter(o -> !articleWords.contains(o)).findFirst();
    }
}
