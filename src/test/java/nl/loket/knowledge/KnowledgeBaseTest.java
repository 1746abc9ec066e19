package nl.loket.knowledge;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnowledgeBaseTest {

    static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = KnowledgeBase.load(ArticleLoaderTest.VALID);
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    @Test
    void listsArticlesAndTopics() {
        assertThat(kb.articles()).hasSize(20);
        assertThat(kb.topics()).hasSize(10).contains("grofvuil", "paspoort");
        assertThat(List.copyOf(kb.topics())).isSorted();
        assertThat(kb.answerThreshold()).isEqualTo(0.5);
    }

    @Test
    void findsAnArticleByTopicAndLanguageWithDutchAsFallback() {
        assertThat(kb.article("grofvuil", "en")).get().extracting(Article::id).isEqualTo("en-grofvuil");
        assertThat(kb.article("grofvuil", "nl")).get().extracting(Article::id).isEqualTo("nl-grofvuil");
        assertThat(kb.article("grofvuil", "de")).get().extracting(Article::id).isEqualTo("nl-grofvuil");
        assertThat(kb.article("grofvuil", null)).get().extracting(Article::id).isEqualTo("nl-grofvuil");
        assertThat(kb.article("rijbewijs", "nl")).isEmpty();
        assertThat(kb.article(null, "nl")).isEmpty();
    }

    @Test
    void fallsBackToDutchWhenAnArticleHasNoEnglishVersion() {
        Article nlOnly = new Article("nl-kapvergunning", "kapvergunning", "nl", "Kapvergunning", "Een boom kappen.",
                "Voor het kappen van een boom is soms een vergunning nodig.\n\n1. Vraag de vergunning aan.",
                "https://www.nijmegen.nl/", LocalDate.of(2026, 11, 1), List.of(),
                List.of("mag ik een boom kappen", "kapvergunning aanvragen", "boom omzagen in mijn tuin"), List.of("kapvergunning", "boom kappen"), true);
        try (KnowledgeBase small = new KnowledgeBase(List.of(nlOnly))) {
            assertThat(small.article("kapvergunning", "en")).get().extracting(Article::id).isEqualTo("nl-kapvergunning");
            Retrieval r = small.retrieve("can I cut down the tree in my garden, kapvergunning", "en");
            assertThat(r.topic()).isEqualTo("kapvergunning");
            assertThat(r.articleId()).isEqualTo("nl-kapvergunning");
            assertThat(small.vocabulary("en")).isEmpty();
        }
    }

    @Test
    void vocabularyHasTheLowercasedWordsOfOneLanguage() {
        assertThat(kb.vocabulary("nl")).contains("grofvuil", "paspoort", "ophalen", "stadswinkel", "één", "een", "de")
                .doesNotContain("Grofvuil", "passport");
        assertThat(kb.vocabulary("en")).contains("passport", "bulky", "waste", "the").doesNotContain("ophalen");
        assertThat(kb.vocabulary("EN")).isEqualTo(kb.vocabulary("en"));
        assertThat(kb.vocabulary("fr")).isEmpty();
        assertThat(kb.vocabulary(null)).isEmpty();
        assertThat(kb.vocabulary("nl")).isUnmodifiable();
    }

    @Test
    void aBrokenKnowledgeBaseDoesNotLoad() {
        assertThatThrownBy(() -> KnowledgeBase.load("classpath:kb-fixtures/invalid/summary-too-long"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("field 'summary' is 312 characters");
    }

    @Test
    void buildingIsQuick() {
        assertThat(kb.indexTime().plus(kb.trainingTime()).toSeconds()).isLessThan(30);
    }
}
