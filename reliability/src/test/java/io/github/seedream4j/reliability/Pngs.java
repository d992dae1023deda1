package io.github.seedream4j.reliability;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/** Real PNGs for the stubs to serve. */
final class Pngs {

    private Pngs() {
    }

    /** A PNG of the given size with a noisy first rows, so it is a few kilobytes, not a few hundred bytes. */
    static byte[] png(int width, int height) {
        try {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Random random = new Random(width * 31L + height);
            for (int y = 0; y < Math.min(4, height); y++) {
                for (int x = 0; x < width; x++) {
                    image.setRGB(x, y, random.nextInt(0xffffff));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG of random pixels: it does not compress, so it is several megabytes, larger than a header read. */
    static byte[] noise(int width, int height) {
        try {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Random random = new Random(42);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    image.setRGB(x, y, random.nextInt(0xffffff));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PNG without its last {@code cut} bytes: the IEND trailer is gone. */
    static byte[] truncated(byte[] png, int cut) {
        return Arrays.copyOf(png, png.length - cut);
    }
}
