package nl.loket.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Residents' labelled questions ({@code <location>/questions/*.txt}) train the categorizer beside the articles. */
class AskedQuestionsTest {

    static final Path VALID = Path.of("src/test/resources/kb-fixtures/valid");

    /** How residents put "my old sofa must go", in words no grofvuil article uses. */
    static final List<AskedQuestion> SOFA_QUESTIONS = List.of(
            new AskedQuestion("nl", "grofvuil", "mijn ouwe driezitter moet de deur uit"),
            new AskedQuestion("nl", "grofvuil", "hoe kom ik van mn afgedankte driezitter af"),
            new AskedQuestion("nl", "grofvuil", "driezitter en fauteuil afvoeren"),
            new AskedQuestion("nl", "grofvuil", "wie neemt een versleten fauteuil mee"),
            new AskedQuestion("nl", null, "waar koop ik een nieuwe driezitter"));

    @Test
    void questionsUnderTheLocationAreReadWithTheirTopicOrNone(@TempDir Path temp) throws IOException {
        Path kb = copyOfValid(temp);
        Files.writeString(kb.resolve("questions/asked.txt"), """
                # a comment, and an empty line

                nl|grofvuil|mijn ouwe driezitter moet de deur uit
                en|paspoort|lost my passport abroad what now
                nl|-|hoe laat gaat de bus naar Arnhem
                """);

        List<AskedQuestion> questions = ArticleLoader.questions(kb.toString(), ArticleLoader.load(kb.toString()));

        assertThat(questions).containsExactly(
                new AskedQuestion("nl", "grofvuil", "mijn ouwe driezitter moet de deur uit"),
                new AskedQuestion("en", "paspoort", "lost my passport abroad what now"),
                new AskedQuestion("nl", null, "hoe laat gaat de bus naar Arnhem"));
        assertThat(questions.get(2).outOfScope()).isTrue();
    }

    @Test
    void aKnowledgeBaseWithoutQuestionsHasNone() {
        String location = "classpath:kb-fixtures/valid";

        assertThat(ArticleLoader.questions(location, ArticleLoader.load(location))).isEmpty();
        assertThat(ArticleLoader.questions(VALID.toString(), ArticleLoader.load(VALID.toString()))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = ';', value = {
            "nl|grofvuil;           is not <language>|<topic>|<question>",
            "nl|grofvuil|   ;       is not <language>|<topic>|<question>",
            "de|grofvuil|Sperrmüll abholen;   language",
            "nl|kerstbomen|waar laat ik mijn kerstboom;   topic"})
    void aBrokenLineStopsLoadingAndNamesFileAndLine(String line, String complaint, @TempDir Path temp) throws IOException {
        Path kb = copyOfValid(temp);
        Files.writeString(kb.resolve("questions/asked.txt"), "# first line\n" + line + "\n");
        List<Article> articles = ArticleLoader.load(kb.toString());

        assertThatThrownBy(() -> ArticleLoader.questions(kb.toString(), articles))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("asked.txt line 2")
                .hasMessageContaining(complaint.strip());
    }

    @Test
    void questionsAsResidentsAskTeachTheirTopic() {
        List<Article> articles = ArticleLoader.load(VALID.toString());
        String asked = "mijn afgedankte driezitter moet de deur uit";
        try (KnowledgeBase without = new KnowledgeBase(articles);
             KnowledgeBase with = new KnowledgeBase(articles, SOFA_QUESTIONS, KnowledgeBase.ANSWER_THRESHOLD, Calibration.DEFAULT)) {

            Retrieval before = without.retrieve(asked, "nl");
            Retrieval after = with.retrieve(asked, "nl");

            assertThat(without.isAnswerable(before) && "grofvuil".equals(before.topic())).isFalse();
            assertThat(after.topic()).isEqualTo("grofvuil");
            assertThat(with.isAnswerable(after)).isTrue();
            assertThat(with.articles()).as("the questions are never shown as an article's examples")
                    .allSatisfy(a -> assertThat(a.examples()).doesNotContain(SOFA_QUESTIONS.get(0).text()));
        }
    }

    @Test
    void theSameKnowledgeIsTrainedOnceAndOtherKnowledgeAgain() {
        List<Article> articles = ArticleLoader.load(VALID.toString());
        try (KnowledgeBase first = new KnowledgeBase(articles, SOFA_QUESTIONS, KnowledgeBase.ANSWER_THRESHOLD, Calibration.DEFAULT);
             KnowledgeBase again = new KnowledgeBase(articles, SOFA_QUESTIONS, KnowledgeBase.ANSWER_THRESHOLD, Calibration.DEFAULT);
             KnowledgeBase other = new KnowledgeBase(articles, SOFA_QUESTIONS.subList(0, 2), KnowledgeBase.ANSWER_THRESHOLD,
                     Calibration.DEFAULT)) {

            assertThat(again.categorizer().model()).isSameAs(first.categorizer().model());
            assertThat(other.categorizer().model()).isNotSameAs(first.categorizer().model());
        }
    }

    /** The valid fixture knowledge base copied to {@code temp}, with an empty {@code questions} folder to write into. */
    static Path copyOfValid(Path temp) throws IOException {
        Path kb = temp.resolve("kb");
        try (Stream<Path> files = Files.walk(VALID)) {
            for (Path p : files.sorted().toList()) {
                Path target = kb.resolve(VALID.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Files.createDirectories(kb.resolve("questions"));
        return kb;
    }
}
