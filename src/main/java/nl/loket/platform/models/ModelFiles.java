package nl.loket.platform.models;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A directory of trained models, one file per digest, named by the system property {@value #PROPERTY} (the build sets
 * it to {@code target/model-cache}, so the unit and integration JVMs train each model once between them; an instance
 * may set it to a directory only Loket can write, because a model read from it decides triage and answers). Without
 * the property nothing is read or written. A file that cannot be read is ignored and the model trained again; a file is
 * written under a temporary name and moved into place, so two processes never read half a model.
 */
public final class ModelFiles {

    public static final String PROPERTY = "loket.model-cache";

    private static final Logger log = LoggerFactory.getLogger(ModelFiles.class);
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private ModelFiles() {
    }

    /**
     * A digest of a model's recipe (what it is, its training settings, the library version) and its training data in
     * order: a change of any of them is another model.
     */
    public static Digest digest(String recipe) {
        return new Digest(recipe);
    }

    /** The model stored under this digest, if the directory is named and holds it. */
    public static Optional<byte[]> read(String digest) {
        return directory().flatMap(directory -> read(directory, digest));
    }

    /** Stores a freshly trained model; failing to store it costs the next process a training, nothing else. */
    public static void write(String digest, byte[] model) {
        directory().ifPresent(directory -> write(directory, digest, model));
    }

    static Optional<byte[]> read(Path directory, String digest) {
        if (!DIGEST.matcher(digest).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(digest + ".bin");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            log.warn("Could not read a stored model, training it again: {}", e.getMessage());
            return Optional.empty();
        }
    }

    static void write(Path directory, String digest, byte[] model) {
        if (!DIGEST.matcher(digest).matches()) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, digest, ".part");
            Files.write(temporary, model);
            try {
                Files.move(temporary, directory.resolve(digest + ".bin"), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, directory.resolve(digest + ".bin"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("Could not store a trained model for the next process: {}", e.getMessage());
        }
    }

    private static Optional<Path> directory() {
        String directory = System.getProperty(PROPERTY, "");
        return directory.isBlank() ? Optional.empty() : Optional.of(Path.of(directory));
    }

    /** SHA-256 over a recipe and the training data, each part set apart so that "ab","c" differs from "a","bc". */
    public static final class Digest {
        private final MessageDigest sha;

        private Digest(String recipe) {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            add(recipe);
        }

        public Digest add(String part) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return this;
        }

        /** The end of one record of several parts (a sample's label and tokens). */
        public Digest endRecord() {
            sha.update((byte) 1);
            return this;
        }

        public String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
