package nl.loket.knowledge;

import org.apache.lucene.analysis.CharArraySet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextAnalysisTest {

    final TextAnalysis nl = new TextAnalysis("nl", List.of("grofvuil", "grof", "vuil", "ophalen", "belasting", "parkeren",
            "vergunning", "identiteit", "kaart", "kappen", "bewoners"));
    final TextAnalysis en = new TextAnalysis("en", List.of("passport"));

    @Test
    void normalisesLikeTheIndex() {
        assertThat(nl.words("Één Paspoort, AUB!")).containsExactly("een", "paspoort", "aub");
        assertThat(nl.contentStems("Hoe vraag ik mijn paspoorten aan?")).containsExactly("paspoort");
        assertThat(nl.stem("parkeren")).isEqualTo(nl.stem("parkeer"));
        assertThat(en.contentStems("How do I renew my passports?")).containsExactly("renew", "passport");
        assertThat(SearchIndex.tokens(nl.stemmed, "De vergunningen voor het parkeren")).containsExactly("vergunn", "parker");
    }

    @Test
    void greetingsAndFillersAreStopWordsInBothLanguages() {
        for (String w : new String[] {"hallo", "goedemorgen", "eh", "hello", "thanks"}) {
            assertThat(nl.isContentWord(w)).as(w).isFalse();
            assertThat(en.isContentWord(w)).as(w).isFalse();
        }
        assertThat(nl.isContentWord("kind")).isTrue();
        assertThat(nl.isContentWord("2026")).isFalse();
    }

    @Test
    void pronominalAdverbsAndReportedSpeechAreStopWords() {
        for (String w : new String[] {"daarmee", "waarvoor", "hiermee", "ermee", "zei", "net"}) {
            assertThat(nl.isContentWord(w)).as(w).isFalse();
        }
        assertThat(nl.contentStems("mijn zoon zei dat ik daarmee moet beginnen")).containsExactly(nl.stem("zoon"), nl.stem("beginnen"));
    }

    @Test
    void splitsCompoundsIntoKnowledgeBaseWords() {
        assertThat(nl.split("grofvuilophalen").parts()).containsExactly("grofvuil", "ophalen");
        assertThat(nl.split("grofvuilophalen").complete()).isTrue();
        assertThat(nl.split("identiteitskaart").parts()).containsExactly("identiteit", "kaart");
        assertThat(nl.split("bewonersparkeervergunning").parts()).containsExactly("bewoners", "parkeer", "vergunning");
        assertThat(nl.split("kapvergunning").parts()).containsExactly("kap", "vergunning");

        Decompounder.Split dog = nl.split("hondenbelasting");
        assertThat(dog.complete()).isFalse();
        assertThat(dog.parts()).containsExactly("belasting");
        assertThat(dog.coveredShare()).isBetween(0.5, 0.7);

        assertThat(nl.split("paspoort").parts()).isEmpty();
        assertThat(nl.split("kort").parts()).isEmpty();
    }

    @Test
    void pathologicalWordsSplitQuickly() {
        Decompounder d = new Decompounder(List.of("haha", "hahaha", "ahah", "hahah"), CharArraySet.EMPTY_SET);
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            d.split("hahahahahahahahahahahahahahahahahahahaha");
            d.split("hahahahahahahahahahahahahahahahahahahahahahahahaha");
        }
        assertThat((System.nanoTime() - start) / 1e6).isLessThan(500);
    }

    @Test
    void verbStemsAreCompoundParts() {
        assertThat(Decompounder.verbStem("parkeren")).isEqualTo("parkeer");
        assertThat(Decompounder.verbStem("kappen")).isEqualTo("kap");
        assertThat(Decompounder.verbStem("ophalen")).isEqualTo("ophaal");
        assertThat(Decompounder.verbStem("verhuizen")).isEqualTo("verhuis");
        assertThat(Decompounder.verbStem("wonen")).isEqualTo("woon");
        assertThat(Decompounder.verbStem("paspoort")).isNull();
    }

    @Test
    void theCompoundAnalyzerAddsPartsAtTheSamePosition() {
        assertThat(SearchIndex.tokens(nl.compound, "grofvuil")).containsExactly("grofvuil", "grof", "vuil");
        assertThat(SearchIndex.tokens(nl.compound, "parkeervergunning")).contains("parker", "vergunn");
    }

    @Test
    void acronymsAreWordsInCapitals() {
        assertThat(nl.tokens("bij het UWV of de CJIB, DigiD").stream().filter(TextAnalysis.Token::isAcronym)
                .map(TextAnalysis.Token::word)).containsExactly("uwv", "cjib");
        assertThat(new Decompounder(List.of("grofvuil"), CharArraySet.EMPTY_SET).isPart("grofvuil")).isTrue();
    }

    @Test
    void editDistanceCountsTranspositionsOnce() {
        assertThat(SearchIndex.editDistance("verlopn", "verlop")).isEqualTo(1);
        assertThat(SearchIndex.editDistance("paspoort", "papsoort")).isEqualTo(1);
        assertThat(SearchIndex.editDistance("grofvuil", "grofvuil")).isZero();
    }
}
