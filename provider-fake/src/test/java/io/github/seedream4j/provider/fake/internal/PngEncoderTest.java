package io.github.seedream4j.provider.fake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

    /** Rows change at these y; between them rows repeat (runs of 0, 2, 3, 4, 31, 32, 33, 70 repeats, then to the end). */
    private static final int[] CHANGES = {0, 1, 4, 8, 13, 45, 78, 112, 183};
    private static final int WIDTH = 53;
    private static final int HEIGHT = 260;

    private static int colour(int y, int x) {
        int band = 0;
        for (int i = 0; i < CHANGES.length; i++) {
            if (CHANGES[i] <= y) {
                band = i;
            }
        }
        return (band * 40 + x * 3) & 0xff;
    }

    private static final PngEncoder.RowSource SOURCE = (y, rgb) -> {
        for (int x = 0; x < WIDTH; x++) {
            rgb[x * 3] = (byte) colour(y, x);
            rgb[x * 3 + 1] = (byte) (colour(y, x) ^ 0x5a);
            rgb[x * 3 + 2] = (byte) y;
        }
        boolean changed = false;
        for (int c : CHANGES) {
            changed |= c == y;
        }
        if (!changed) {
            // a repeated row: the encoder must not look at rgb, so leave the previous row's bytes out
            java.util.Arrays.fill(rgb, (byte) 0);
        }
        return !changed;
    };

    private static int expectedRgb(int y, int x) {
        int row = 0;
        for (int c : CHANGES) {
            if (c <= y) {
                row = c;
            }
        }
        int v = colour(row, x);
        return v << 16 | (v ^ 0x5a) << 8 | (row & 0xff);
    }

    @Test
    void encode_everyPixelOfRepeatedRunsDecodes() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(WIDTH, HEIGHT, SOURCE)));

        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                assertThat(image.getRGB(x, y) & 0xffffff).as("pixel %d,%d", x, y).isEqualTo(expectedRgb(y, x));
            }
        }
    }

    @Test
    void encode_zlibStreamEndsWithTheRightChecksum() throws Exception {
        byte[] png = PngEncoder.encode(WIDTH, HEIGHT, SOURCE);
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.wrap(png, 8, png.length - 8);
        while (b.hasRemaining()) {
            int length = b.getInt();
            byte[] type = new byte[4];
            b.get(type);
            byte[] data = new byte[length];
            b.get(data);
            b.getInt(); // CRC
            if (new String(type, java.nio.charset.StandardCharsets.US_ASCII).equals("IDAT")) {
                idat.writeBytes(data);
            }
        }
        Inflater inflater = new Inflater(); // zlib wrapper: a wrong Adler-32 throws DataFormatException
        inflater.setInput(idat.toByteArray());
        byte[] raw = new byte[HEIGHT * (WIDTH * 3 + 1) + 1];
        int n = 0;
        while (!inflater.finished()) {
            n += inflater.inflate(raw, n, raw.length - n);
        }
        inflater.end();

        assertThat(n).isEqualTo(HEIGHT * (WIDTH * 3 + 1));
    }
}
