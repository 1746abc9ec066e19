package nl.loket.knowledge;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleTest {

    static Article withBody(String body) {
        return new Article("nl-paspoort", "paspoort", "nl", "Paspoort", "Kort.", body, "https://www.nijmegen.nl/",
                LocalDate.of(2026, 11, 1), List.of(), List.of("a", "b", "c"), List.of("paspoort"), true);
    }

    @Test
    void stepsAreTheNumberedListItemsWithoutNumbers() {
        Article a = withBody("""
                Een paspoort vraagt u aan bij de Stadswinkel.

                Dat kan alleen met een afspraak.

                1. Maak een afspraak.
                2. Neem een pasfoto
                   in kleur mee.
                3) Betaal met uw pinpas.
                """);

        assertThat(a.steps()).containsExactly("Maak een afspraak.", "Neem een pasfoto in kleur mee.", "Betaal met uw pinpas.");
        assertThat(a.intro()).isEqualTo("Een paspoort vraagt u aan bij de Stadswinkel.\n\nDat kan alleen met een afspraak.");
    }

    @Test
    void aBodyWithoutListIsAllIntro() {
        Article a = withBody("Alleen tekst.\nNog een regel.");

        assertThat(a.steps()).isEmpty();
        assertThat(a.intro()).isEqualTo("Alleen tekst.\nNog een regel.");
    }

    @Test
    void listsAreCopied() {
        Article a = withBody("x");

        assertThat(a.examples()).isUnmodifiable();
        assertThat(a.related()).isUnmodifiable();
        assertThat(a.keywords()).isUnmodifiable();
    }
}
