package io.github.seedream4j.reliability;

import io.github.seedream4j.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/** Real, decodable PNGs and JPEGs for the stubs to serve, made once per format, size and kind. */
final class Images {

    private static final Map<String, byte[]> MADE = new ConcurrentHashMap<>();

    private Images() {
    }

    /** An image of the given size with noisy first rows, so it is a few kilobytes, not a few hundred bytes. */
    static byte[] of(ImageFormat format, int width, int height) {
        return MADE.computeIfAbsent(format + "-" + width + "x" + height, k -> encode(format, width, height, 4));
    }

    /** An image of random pixels: it hardly compresses, so it is far larger than a header read. */
    static byte[] noise(ImageFormat format, int width, int height) {
        return MADE.computeIfAbsent(format + "-noise-" + width + "x" + height,
                k -> encode(format, width, height, height));
    }

    /** The image without its last {@code cut} bytes: the PNG IEND trailer or the JPEG EOI marker is gone. */
    static byte[] truncated(byte[] image, int cut) {
        return Arrays.copyOf(image, image.length - cut);
    }

    private static byte[] encode(ImageFormat format, int width, int height, int noisyRows) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < Math.min(noisyRows, height); y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0xffffff));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format == ImageFormat.JPEG ? "jpeg" : format.extension(), out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
