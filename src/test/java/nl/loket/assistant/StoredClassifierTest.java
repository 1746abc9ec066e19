package nl.loket.assistant;

import nl.loket.platform.models.ModelFiles;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A triage classifier kept on disk between processes (ModelFiles) must be the same classifier when read back, its
 * character n-grams included (OpenNLP recreates them by class name), and a damaged file must not be taken for one.
 */
class StoredClassifierTest {

    private static final List<String> LINES = List.of(
            "CRISIS\tik wil niet meer leven", "CRISIS\tmijn man slaat me", "CRISIS\tik heb geen slaapplek vannacht",
            "OTHER\thoe vraag ik een paspoort aan", "OTHER\twanneer wordt het grofvuil opgehaald",
            "OTHER\twat kost een parkeervergunning");

    @Test
    void aClassifierReadBackScoresExactlyAsTheOneTrained() throws Exception {
        // Trained here, not read from the build's model directory: what is compared must come from training.
        String directory = System.getProperty(ModelFiles.PROPERTY);
        System.clearProperty(ModelFiles.PROPERTY);
        DoccatModel trained;
        try {
            trained = CrisisClassifier.train("test", LINES, java.util.Set.of("CRISIS", "OTHER"), 0.5);
        } finally {
            if (directory != null) {
                System.setProperty(ModelFiles.PROPERTY, directory);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.serialize(bytes);

        DoccatModel read = CrisisClassifier.read(bytes.toByteArray()).orElseThrow();

        for (String text : List.of("ik wil dood", "paspoort aanvragen", "zelfmoort", "geen bed vannacht")) {
            String[] words = text.split(" ");
            assertThat(new DocumentCategorizerME(read).categorize(words))
                    .containsExactly(new DocumentCategorizerME(trained).categorize(words));
        }
    }

    @Test
    void aDamagedFileIsNoClassifier() {
        assertThat(CrisisClassifier.read(new byte[] {'P', 'K', 3, 4, 0, 0})).isEmpty();
        assertThat(CrisisClassifier.read(new byte[0])).isEmpty();
    }
}
