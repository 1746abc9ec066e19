package nl.loket.support;

import java.nio.file.Path;

/**
 * Where the browser tests put their screenshots: under {@code target/}, so a build never rewrites the documentation.
 * To refresh the pictures in {@code docs/screenshots}, copy the ones you want from here after {@code mvn verify}.
 */
public final class Screenshots {

    public static final Path DIR = Path.of("target/screenshots");

    private Screenshots() {
    }

    public static Path file(String name) {
        return DIR.resolve(name);
    }
}
