package io.github.seedream4j.tck;

import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.Resolution;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/**
 * Real, decodable test images of exact pixels, for stubs that answer like a provider would: a stub server returns
 * {@code TestImages.png(1024, 1024)} as an image body, or its Base64 inside JSON. Stateless and thread-safe.
 *
 * <p>PNGs are written directly (one colour, rows deflated as they repeat), so even the largest sizes a provider
 * declares take milliseconds; JPEGs are encoded with {@code javax.imageio}, which is slower for large sizes.
 */
public final class TestImages {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int GREY = 0x7f7f7f;

    private TestImages() {
    }

    /**
     * A PNG of {@code width} x {@code height} pixels in one grey.
     *
     * @param width pixels across, 1 to {@link Resolution#MAX_SIDE}
     * @param height pixels down, 1 to {@link Resolution#MAX_SIDE}
     * @return the PNG file's bytes
     * @throws IllegalArgumentException if a side is out of range
     */
    public static byte[] png(int width, int height) {
        return png(width, height, GREY);
    }

    /**
     * A PNG of {@code width} x {@code height} pixels in one colour.
     *
     * @param width pixels across, 1 to {@link Resolution#MAX_SIDE}
     * @param height pixels down, 1 to {@link Resolution#MAX_SIDE}
     * @param rgb the colour as {@code 0xRRGGBB}
     * @return the PNG file's bytes
     * @throws IllegalArgumentException if a side is out of range
     */
    public static byte[] png(int width, int height, int rgb) {
        Resolution.of(width, height); // checks both sides with core's message
        byte[] row = new byte[1 + 3 * width]; // filter byte 0 (none), then RGB triples
        for (int x = 0; x < width; x++) {
            row[1 + 3 * x] = (byte) (rgb >> 16);
            row[2 + 3 * x] = (byte) (rgb >> 8);
            row[3 + 3 * x] = (byte) rgb;
        }
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int y = 0; y < height; y++) {
                deflater.setInput(row);
                while (!deflater.needsInput()) {
                    idat.write(buffer, 0, deflater.deflate(buffer));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                idat.write(buffer, 0, deflater.deflate(buffer));
            }
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.size() + 64);
        png.writeBytes(PNG_SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        chunk(png, "IHDR", header);
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /**
     * A baseline JPEG of {@code width} x {@code height} pixels in one grey, encoded with {@code javax.imageio}.
     *
     * @param width pixels across, 1 to 65500 (JPEG's own limit)
     * @param height pixels down, 1 to 65500
     * @return the JPEG file's bytes
     * @throws IllegalArgumentException if a side is out of range
     */
    public static byte[] jpeg(int width, int height) {
        Resolution.of(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, GREY);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpeg", out)) {
                throw new IllegalStateException("this JDK has no javax.imageio JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a " + width + "x" + height + " JPEG failed", e);
        }
        return out.toByteArray();
    }

    /**
     * An image of {@code size} in {@code format}.
     *
     * @param size the pixels, never {@code null}
     * @param format {@link ImageFormat#PNG} or {@link ImageFormat#JPEG}
     * @return the image file's bytes
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException for {@link ImageFormat#WEBP}, which the JDK cannot write
     */
    public static byte[] of(Resolution size, ImageFormat format) {
        Objects.requireNonNull(size, "size");
        return switch (Objects.requireNonNull(format, "format")) {
            case PNG -> png(size.width(), size.height());
            case JPEG -> jpeg(size.width(), size.height());
            default -> throw new IllegalArgumentException("the JDK cannot write " + format
                    + " images; use PNG or JPEG in stubs");
        };
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        byte[] word = new byte[4];
        putInt(word, 0, data.length);
        out.writeBytes(word);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        putInt(word, 0, (int) crc.getValue());
        out.writeBytes(word);
    }

    private static void putInt(byte[] b, int offset, int value) {
        b[offset] = (byte) (value >>> 24);
        b[offset + 1] = (byte) (value >>> 16);
        b[offset + 2] = (byte) (value >>> 8);
        b[offset + 3] = (byte) value;
    }
}
