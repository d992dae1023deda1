package io.github.seedream4j.provider.cloudflare.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The verbatim payloads of reference/cloudflare.md, kept as test resources under {@code cloudflare/}. */
final class Vectors {

    private Vectors() {
    }

    static String text(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/cloudflare/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test vector " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        return text(name).getBytes(StandardCharsets.UTF_8);
    }
}
