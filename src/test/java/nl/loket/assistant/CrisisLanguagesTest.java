package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import nl.loket.contact.Priority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crisis in one of the fallback languages (German, Turkish, Arabic, Polish, Ukrainian, Russian, Farsi,
 * Spanish, French, Portuguese, Romanian, Italian, Somali, Tigrinya, Chinese, Bulgarian, Urdu, Albanian,
 * Bosnian/Croatian/Serbian, Amharic, Pashto, Kurdish, Vietnamese, Indonesian, Hindi) goes URGENT to a person, and an ordinary
 * question in that language with a word of death or danger does not. One line per sentence in
 * {@code triage/crisis-languages.tsv} ({@code fire|calm <TAB> language <TAB> sentence}), written for this
 * test, never taken from an evaluation set.
 */
class CrisisLanguagesTest {

    private static final Triage CRISIS = new Triage(List.of(new CrisisSignals(), new CrisisConcepts()));

    static Stream<Arguments> sentences(String kind) {
        try (var in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                CrisisLanguagesTest.class.getResourceAsStream("/triage/crisis-languages.tsv")), StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> l.startsWith(kind + "\t")).map(l -> l.split("\t", 3))
                    .map(f -> Arguments.of(f[1], f[2])).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> crises() {
        return sentences("fire");
    }

    static Stream<Arguments> ordinaryQuestions() {
        return sentences("calm");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("crises")
    void aCrisisInTheResidentsOwnLanguageIsUrgent(String language, String text) {
        assertThat(CRISIS.classify(text)).as(text).get().satisfies(result -> {
            assertThat(result.reason()).isEqualTo(EscalationReason.CRISIS);
            assertThat(result.priority()).isEqualTo(Priority.URGENT);
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("ordinaryQuestions")
    void anOrdinaryQuestionInThatLanguageIsNoCrisis(String language, String text) {
        assertThat(CRISIS.classify(text)).as(text)
                .satisfiesAnyOf(r -> assertThat(r).isEmpty(),
                        r -> assertThat(r.get().reason()).isNotEqualTo(EscalationReason.CRISIS));
    }
}
