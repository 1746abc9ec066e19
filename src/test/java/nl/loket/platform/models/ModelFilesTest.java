package nl.loket.platform.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Models kept between processes: found by their digest only, never half written, a change of recipe is a new model. */
class ModelFilesTest {

    @TempDir
    Path directory;

    @Test
    void aStoredModelIsFoundByItsDigestAndNothingElse() {
        String digest = ModelFiles.digest("recipe 1").add("label").add("tokens").endRecord().hex();
        ModelFiles.write(directory, digest, new byte[] {1, 2, 3});

        assertThat(ModelFiles.read(directory, digest)).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(1, 2, 3));
        assertThat(ModelFiles.read(directory, ModelFiles.digest("recipe 2").add("label").add("tokens").endRecord().hex()))
                .isEmpty();
    }

    @Test
    void theRecipeTheOrderAndThePartsEachMakeAnotherDigest() {
        String one = ModelFiles.digest("recipe").add("ab").add("c").hex();
        assertThat(ModelFiles.digest("recipe").add("a").add("bc").hex()).isNotEqualTo(one);
        assertThat(ModelFiles.digest("recipe").add("c").add("ab").hex()).isNotEqualTo(one);
        assertThat(ModelFiles.digest("recipe 2").add("ab").add("c").hex()).isNotEqualTo(one);
        assertThat(ModelFiles.digest("recipe").add("ab").add("c").hex()).isEqualTo(one).matches("[0-9a-f]{64}");
    }

    @Test
    void aNameThatIsNoDigestReadsAndWritesNothing() throws Exception {
        ModelFiles.write(directory, "../escape", new byte[] {1});

        assertThat(ModelFiles.read(directory, "../escape")).isEmpty();
        try (var files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
        assertThat(directory.getParent().resolve("escape.bin")).doesNotExist();
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws Exception {
        String digest = ModelFiles.digest("recipe").hex();
        ModelFiles.write(directory, digest, new byte[] {7});
        ModelFiles.write(directory, digest, new byte[] {8});

        try (var files = Files.list(directory)) {
            assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly(digest + ".bin");
        }
        assertThat(ModelFiles.read(directory, digest)).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(8));
    }
}
