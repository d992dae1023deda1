package io.github.seedream4j.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * PNG files of an exact byte length for the stub to serve: signature, IHDR with the given pixels, one ancillary
 * {@code bnCh} chunk of padding, IEND. They pass every check the client makes (magic bytes, header size,
 * trailer, cap) without costing the stub any encoding work.
 */
final class SyntheticPng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    private static final int OVERHEAD = 8 + 25 + 12 + 12; // signature, IHDR, padding chunk frame, IEND

    private SyntheticPng() {
    }

    /** A whole PNG of exactly {@code bytes} bytes. */
    static byte[] of(int width, int height, int bytes) {
        Streamed s = streamed(width, height, bytes);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes);
        try {
            s.writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A PNG of exactly {@code bytes} bytes that is written from a 64 KiB pattern, never held whole. */
    static Streamed streamed(int width, int height, long bytes) {
        return new Streamed(width, height, bytes);
    }

    /** A PNG produced on demand. */
    static final class Streamed {
        private final byte[] head;
        private final byte[] pattern = new byte[64 * 1024];
        private final long padding;
        private final byte[] tail;

        Streamed(int width, int height, long bytes) {
            if (bytes < OVERHEAD) {
                throw new IllegalArgumentException("a PNG needs at least " + OVERHEAD + " bytes, not " + bytes);
            }
            this.padding = bytes - OVERHEAD;
            for (int i = 0; i < pattern.length; i++) {
                pattern[i] = (byte) (i * 31 + 7);
            }
            byte[] ihdr = new byte[13];
            putInt(ihdr, 0, width);
            putInt(ihdr, 4, height);
            ihdr[8] = 8;
            ihdr[9] = 2;
            java.io.ByteArrayOutputStream h = new java.io.ByteArrayOutputStream();
            h.writeBytes(SIGNATURE);
            h.writeBytes(chunk("IHDR", ihdr));
            byte[] frame = new byte[8];
            putInt(frame, 0, (int) padding);
            frame[4] = 'b';
            frame[5] = 'n';
            frame[6] = 'C';
            frame[7] = 'h';
            h.writeBytes(frame);
            this.head = h.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(frame, 4, 4);
            for (long left = padding; left > 0; left -= pattern.length) {
                crc.update(pattern, 0, (int) Math.min(pattern.length, left));
            }
            byte[] t = new byte[4];
            putInt(t, 0, (int) crc.getValue());
            java.io.ByteArrayOutputStream tl = new java.io.ByteArrayOutputStream();
            tl.writeBytes(t);
            tl.writeBytes(chunk("IEND", new byte[0]));
            this.tail = tl.toByteArray();
        }

        long length() {
            return head.length + padding + tail.length;
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(head);
            for (long left = padding; left > 0; left -= pattern.length) {
                out.write(pattern, 0, (int) Math.min(pattern.length, left));
            }
            out.write(tail);
        }
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] c = new byte[12 + data.length];
        putInt(c, 0, data.length);
        for (int i = 0; i < 4; i++) {
            c[4 + i] = (byte) type.charAt(i);
        }
        System.arraycopy(data, 0, c, 8, data.length);
        CRC32 crc = new CRC32();
        crc.update(c, 4, 4 + data.length);
        putInt(c, 8 + data.length, (int) crc.getValue());
        return c;
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
