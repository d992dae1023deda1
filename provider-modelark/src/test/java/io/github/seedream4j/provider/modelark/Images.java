package io.github.seedream4j.provider.modelark;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/** Real, decodable images for stubs, made once per size. */
final class Images {

    private static final Map<String, byte[]> MADE = new ConcurrentHashMap<>();

    private Images() {
    }

    /** A flat grey JPEG: tiny and fast to encode even at 16384 x 1024. */
    static byte[] jpeg(int width, int height) {
        return MADE.computeIfAbsent("jpeg " + width + "x" + height,
                k -> encode(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "jpeg"));
    }

    /** A small PNG, as a reference image held as bytes. */
    static byte[] png(int width, int height) {
        return MADE.computeIfAbsent("png " + width + "x" + height,
                k -> encode(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png"));
    }

    /**
     * A 2048 x 2048 colour JPEG with gradients and fine noise, so that it compresses about as well as a generated
     * picture does (around a megabyte) rather than to a few kilobytes.
     */
    static byte[] photoLike2K() {
        return MADE.computeIfAbsent("photo 2K", k -> {
            int size = 2048;
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            Random random = new Random(2048);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int noise = random.nextInt(24);
                    int r = (x * 255 / size + noise) & 0xff;
                    int g = (y * 255 / size + noise) & 0xff;
                    int b = ((x + y) * 255 / (2 * size) + random.nextInt(24)) & 0xff;
                    image.setRGB(x, y, (r << 16) | (g << 8) | b);
                }
            }
            return encode(image, "jpeg");
        });
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
