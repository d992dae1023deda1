package io.github.seedream4j.provider.cloudflare;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/** Real, decodable JPEGs of a given size, made once per size: grey and flat, so even 4096 x 4096 encodes fast. */
final class Jpegs {

    private static final Map<String, byte[]> MADE = new ConcurrentHashMap<>();

    private Jpegs() {
    }

    static byte[] of(int width, int height) {
        return MADE.computeIfAbsent(width + "x" + height, k -> {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                if (!ImageIO.write(image, "jpeg", out)) {
                    throw new IllegalStateException("no JPEG writer");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }
}
