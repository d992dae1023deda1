package io.github.seedream4j.provider.fal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The test vectors in {@code src/test/resources/fal} (their sources are listed in its README). */
public final class Vectors {

    private Vectors() {
    }

    /** {@return the text of vector {@code name}} */
    public static String text(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/fal/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test vector " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
