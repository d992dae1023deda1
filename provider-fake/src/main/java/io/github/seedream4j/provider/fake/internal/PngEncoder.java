package io.github.seedream4j.provider.fake.internal;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small, fast PNG encoder for 8-bit RGB images produced row by row. Rows equal to the previous one are written
 * with the Up filter (all zeros, which deflate almost for free); other rows with the Sub filter, which turns
 * gradients and flat runs into near-constant bytes. Deflate runs at its fastest level.
 */
final class PngEncoder {

    /** Produces the RGB bytes of one row. */
    interface RowSource {
        /**
         * Fills {@code rgb} (3 bytes per pixel) with row {@code y}.
         *
         * @return whether the row is identical to row {@code y - 1} (never true for row 0)
         */
        boolean row(int y, byte[] rgb);
    }

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    private static final int IDAT_CHUNK = 1 << 20;

    private PngEncoder() {
    }

    static byte[] encode(int width, int height, RowSource source) {
        int stride = width * 3;
        byte[] rgb = new byte[stride];
        byte[] filtered = new byte[stride + 1];
        byte[] zeros = new byte[stride + 1];
        zeros[0] = 2; // Up
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream idat = new ByteArrayOutputStream(Math.max(1024, stride * 8));
        byte[] out = new byte[64 * 1024];
        try {
            for (int y = 0; y < height; y++) {
                boolean same = source.row(y, rgb) && y > 0;
                if (same) {
                    deflater.setInput(zeros);
                } else {
                    filtered[0] = 1; // Sub
                    System.arraycopy(rgb, 0, filtered, 1, Math.min(3, stride));
                    for (int i = 3; i < stride; i++) {
                        filtered[i + 1] = (byte) (rgb[i] - rgb[i - 3]);
                    }
                    deflater.setInput(filtered);
                }
                while (!deflater.needsInput()) {
                    int n = deflater.deflate(out);
                    idat.write(out, 0, n);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                int n = deflater.deflate(out);
                idat.write(out, 0, n);
            }
        } finally {
            deflater.end();
        }
        byte[] data = idat.toByteArray();
        ByteArrayOutputStream png = new ByteArrayOutputStream(data.length + 64 + data.length / IDAT_CHUNK * 12);
        png.writeBytes(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type: RGB
        chunk(png, "IHDR", ihdr, 0, ihdr.length);
        for (int off = 0; off < data.length; off += IDAT_CHUNK) {
            chunk(png, "IDAT", data, off, Math.min(IDAT_CHUNK, data.length - off));
        }
        chunk(png, "IEND", new byte[0], 0, 0);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data, int off, int len) {
        byte[] head = new byte[8];
        putInt(head, 0, len);
        for (int i = 0; i < 4; i++) {
            head[4 + i] = (byte) type.charAt(i);
        }
        png.write(head, 0, 8);
        png.write(data, off, len);
        CRC32 crc = new CRC32();
        crc.update(head, 4, 4);
        crc.update(data, off, len);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        png.write(tail, 0, 4);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
