package nl.loket.knowledge;

import nl.loket.support.SpentSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The answerable and out-of-scope questions of the spent evaluation sets ({@link SpentSets}), as training questions
 * for the topic categorizer ({@link AskedQuestion}): they teach Loket how residents ask. Escalations are left out
 * (triage decides those) and so are languages other than Dutch and English.
 *
 * <p>Run with {@code -Dknowledge.export-questions=true} to write {@link #FILE}, the shipped knowledge base's
 * {@code questions/} file.
 */
class SpentQuestions {

    static final Path FOLDER = SpentSets.FOLDER;
    static final Path FILE = Path.of("src/main/resources/knowledge/questions/evaluation-rounds.txt");

    /** The training questions of one set. */
    static List<AskedQuestion> of(String set) {
        List<AskedQuestion> out = new ArrayList<>();
        for (DevSet.Item item : DevSet.load(FOLDER.resolve(set)).orElseThrow().items()) {
            if (!ArticleParser.LANGUAGES.contains(item.language())) {
                continue;
            }
            String text = String.join(" ", item.text().strip().split("\\s+")).replace('|', '/');
            if ("ANSWER".equals(item.expect()) && item.topic() != null) {
                out.add(new AskedQuestion(item.language(), item.topic(), text));
            } else if ("NO_ANSWER".equals(item.expect())) {
                out.add(new AskedQuestion(item.language(), null, text));
            }
        }
        return out;
    }

    /** The training questions of every spent set except one (for cross-fitting), or of all when {@code except} is null. */
    static List<AskedQuestion> allExcept(List<String> sets, String except) {
        List<AskedQuestion> out = new ArrayList<>();
        for (String set : sets) {
            if (!set.equals(except)) {
                out.addAll(of(set));
            }
        }
        return out;
    }

    @Test
    @EnabledIfSystemProperty(named = "knowledge.export-questions", matches = "true")
    void export() throws IOException {
        StringBuilder sb = new StringBuilder("""
                # Questions residents asked, with the topic that answers them ("-": no article does). They train the topic
                # categorizer beside the articles' own examples and are never shown to anyone. One a line:
                # <language>|<topic>|<question>. This file holds the answerable and out-of-scope questions of the spent
                # evaluation sets (written by people outside the team, see docs/evaluation.md); regenerate it with
                # mvn test -Dtest=SpentQuestions -Dknowledge.export-questions=true. Sample content, like the articles.
                """);
        for (String set : SpentSets.sets()) {
            sb.append("# ").append(set).append('\n');
            for (AskedQuestion q : of(set)) {
                sb.append(q.language()).append('|').append(q.outOfScope() ? ArticleLoader.NO_TOPIC : q.topic()).append('|')
                        .append(q.text()).append('\n');
            }
        }
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, sb);
        System.out.println("SPENT QUESTIONS written to " + FILE);
    }
}
