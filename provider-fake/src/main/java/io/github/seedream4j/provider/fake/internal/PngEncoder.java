package io.github.seedream4j.provider.fake.internal;

import java.io.ByteArrayOutputStream;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small, fast PNG encoder for 8-bit RGB images produced row by row. Rows equal to the previous one are written
 * with the Up filter (all zeros); other rows with the Sub filter, which turns gradients and flat runs into
 * near-constant bytes. Deflate runs at its fastest level.
 *
 * <p>Deflating the zero rows was most of the work (3.8 of 4.5 ms at 1024 x 1024), so runs of them are not deflated
 * again and again: one zero row and a block of {@value #BLOCK} zero rows are compressed once per image, each ending
 * on a byte boundary with no reference outside itself, and copied into the stream as often as needed. Before such a
 * copy the main deflater is flushed with {@link Deflater#FULL_FLUSH}, which aligns it and makes it forget what it
 * has seen, so nothing it writes afterwards refers across the copy. The zlib header and Adler-32 are written here.
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
    static final int BLOCK = 32;
    /** Shorter runs of repeated rows go through the deflater: a flush costs a few bytes and a little time. */
    private static final int SPLICE_FROM = 4;

    private PngEncoder() {
    }

    static byte[] encode(int width, int height, RowSource source) {
        int stride = width * 3;
        byte[] rgb = new byte[stride];
        byte[] filtered = new byte[stride + 1];
        byte[] zeros = new byte[stride + 1];
        zeros[0] = 2; // Up
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        Adler adler = new Adler(zeros);
        ByteArrayOutputStream idat = new ByteArrayOutputStream(Math.max(1024, stride * 8));
        idat.write(0x78); // zlib header: deflate, 32 KiB window
        idat.write(0x01); // fastest, no dictionary; 0x7801 is a multiple of 31
        byte[] out = new byte[64 * 1024];
        byte[] oneRow = null;
        byte[] blockRows = null;
        try {
            int repeats = 0;
            for (int y = 0; y < height; y++) {
                if (source.row(y, rgb) && y > 0) {
                    repeats++;
                    continue;
                }
                if (repeats >= SPLICE_FROM && oneRow == null) {
                    oneRow = compressedZeroRows(zeros, 1);
                    blockRows = compressedZeroRows(zeros, BLOCK);
                }
                writeRepeats(repeats, zeros, deflater, adler, idat, out, oneRow, blockRows);
                repeats = 0;
                filtered[0] = 1; // Sub
                System.arraycopy(rgb, 0, filtered, 1, Math.min(3, stride));
                for (int i = 3; i < stride; i++) {
                    filtered[i + 1] = (byte) (rgb[i] - rgb[i - 3]);
                }
                feed(deflater, adler, filtered, idat, out);
            }
            if (repeats >= SPLICE_FROM && oneRow == null) {
                oneRow = compressedZeroRows(zeros, 1);
                blockRows = compressedZeroRows(zeros, BLOCK);
            }
            writeRepeats(repeats, zeros, deflater, adler, idat, out, oneRow, blockRows);
            deflater.finish();
            while (!deflater.finished()) {
                int n = deflater.deflate(out);
                idat.write(out, 0, n);
            }
        } finally {
            deflater.end();
        }
        byte[] sum = new byte[4];
        putInt(sum, 0, adler.value);
        idat.write(sum, 0, 4);
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

    private static void feed(Deflater deflater, Adler adler, byte[] row, ByteArrayOutputStream idat, byte[] out) {
        adler.update(row);
        deflater.setInput(row);
        while (!deflater.needsInput()) {
            int n = deflater.deflate(out);
            idat.write(out, 0, n);
        }
    }

    private static void writeRepeats(int repeats, byte[] zeros, Deflater deflater, Adler adler,
            ByteArrayOutputStream idat, byte[] out, byte[] oneRow, byte[] blockRows) {
        if (repeats < SPLICE_FROM) {
            for (int i = 0; i < repeats; i++) {
                feed(deflater, adler, zeros, idat, out);
            }
            return;
        }
        int n;
        do {
            n = deflater.deflate(out, 0, out.length, Deflater.FULL_FLUSH);
            idat.write(out, 0, n);
        } while (n == out.length);
        for (int i = 0; i < repeats / BLOCK; i++) {
            idat.write(blockRows, 0, blockRows.length);
        }
        for (int i = 0; i < repeats % BLOCK; i++) {
            idat.write(oneRow, 0, oneRow.length);
        }
        adler.repeatRow(repeats);
    }

    /**
     * The zlib stream's Adler-32, kept as a value: each row is summed by {@link Adler32} and folded in with zlib's
     * combination rule, so a run of repeated rows costs a few multiplications instead of summing every byte again.
     */
    private static final class Adler {
        private static final int BASE = 65521;
        private final Adler32 row = new Adler32();
        private final int repeatedRow;
        private final int repeatedLength;
        int value = 1;

        Adler(byte[] repeated) {
            row.update(repeated);
            this.repeatedRow = (int) row.getValue();
            this.repeatedLength = repeated.length;
        }

        void update(byte[] bytes) {
            row.reset();
            row.update(bytes);
            value = combine(value, (int) row.getValue(), bytes.length);
        }

        void repeatRow(int times) {
            for (int i = 0; i < times; i++) {
                value = combine(value, repeatedRow, repeatedLength);
            }
        }

        /** The Adler-32 of A followed by B, from theirs and B's length (zlib's {@code adler32_combine}). */
        static int combine(int a, int b, int lengthOfB) {
            long rem = lengthOfB % BASE;
            long sum1 = a & 0xffff;
            long sum2 = rem * sum1 % BASE;
            sum1 += (b & 0xffff) + BASE - 1;
            sum2 += (a >>> 16) + (b >>> 16) + BASE - rem;
            if (sum1 >= BASE) {
                sum1 -= BASE;
            }
            if (sum1 >= BASE) {
                sum1 -= BASE;
            }
            if (sum2 >= 2L * BASE) {
                sum2 -= 2L * BASE;
            }
            if (sum2 >= BASE) {
                sum2 -= BASE;
            }
            return (int) (sum2 << 16 | sum1);
        }
    }

    /** {@code rows} zero rows as raw deflate blocks that end on a byte boundary and refer to nothing before them. */
    private static byte[] compressedZeroRows(byte[] zeros, int rows) {
        Deflater d = new Deflater(Deflater.BEST_SPEED, true);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] out = new byte[16 * 1024];
        try {
            for (int i = 0; i < rows; i++) {
                d.setInput(zeros);
                while (!d.needsInput()) {
                    compressed.write(out, 0, d.deflate(out));
                }
            }
            int n;
            do {
                n = d.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
                compressed.write(out, 0, n);
            } while (n == out.length);
        } finally {
            d.end();
        }
        return compressed.toByteArray();
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
