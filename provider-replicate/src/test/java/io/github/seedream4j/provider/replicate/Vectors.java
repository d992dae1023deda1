package io.github.seedream4j.provider.replicate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The verbatim payloads of {@code reference/replicate.md}, kept byte for byte in {@code src/test/resources/replicate}:
 * <ul>
 *   <li>{@code create-processing.json}: §1.2, the recorded create answer ({@code ''} in the YAML cassette is one
 *       {@code '});</li>
 *   <li>{@code seedream-4-set-*.json} and {@code seedream-4-single-*.json}: §2.1, the model page's example
 *       predictions, input and output;</li>
 *   <li>{@code error-401.json}, {@code error-404.json}, {@code error-429.json}: §3, problem details.</li>
 * </ul>
 */
final class Vectors {

    private Vectors() {
    }

    static String read(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/replicate/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test vector " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
