package io.github.seedream4j.provider.fake.internal;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Paints a deterministic picture from a prompt, a negative prompt and a seed: a two-colour gradient sky in
 * horizontal bands, a stepped sun, and overlapping coloured blocks. Equal inputs give identical pixels; any change
 * of prompt or seed moves colours and shapes. Shapes are axis-aligned, so most rows repeat the row above and the
 * PNG encoder writes them almost for free: a 4096 x 4096 image encodes in milliseconds, with no fonts, no AWT and
 * no native code.
 */
final class FakePainter implements PngEncoder.RowSource {

    private static final int SUN_STEPS = 48;

    private final int width;
    private final int height;
    private final int[] skyFrom;
    private final int[] skyTo;
    private final int bands;
    private final int[][] blocks; // x0, x1, y0, y1, rgb
    private final int sunX;
    private final int sunY;
    private final int sunR;
    private final int sunRgb;
    private final boolean[] changes;
    private final int[] sky; // the gradient before a band's shade, per byte of a row
    private final byte[] gradient;
    private int gradientBand = -1;

    FakePainter(int width, int height, String prompt, String negativePrompt, long seed) {
        this(width, height, prompt, negativePrompt, seed, new int[0], 0);
    }

    /**
     * @param references one colour per reference image: the sky starts from the first, and the blocks take them
     *        in turn, so the inputs visibly show in the picture
     * @param setIndex the image's place in a sequential set: the images of one set share their palette (from the
     *        prompt and seed) and differ in layout
     */
    FakePainter(int width, int height, String prompt, String negativePrompt, long seed, int[] references,
            int setIndex) {
        this.width = width;
        this.height = height;
        long base = digest(prompt, negativePrompt, seed, width, height);
        SplittableRandom palette = new SplittableRandom(base);
        SplittableRandom layout = new SplittableRandom(setIndex == 0 ? base : base ^ (0x9E3779B97F4A7C15L * setIndex));
        this.skyFrom = references.length > 0 ? rgb(references[0])
                : new int[] {palette.nextInt(256), palette.nextInt(256), palette.nextInt(256)};
        this.skyTo = new int[] {palette.nextInt(256), palette.nextInt(256), palette.nextInt(256)};
        this.bands = 8 + layout.nextInt(17);
        int count = 4 + palette.nextInt(6);
        this.blocks = new int[count][];
        for (int i = 0; i < count; i++) {
            int w = Math.max(1, width * (5 + layout.nextInt(30)) / 100);
            int h = Math.max(1, height * (5 + layout.nextInt(30)) / 100);
            int x0 = layout.nextInt(Math.max(1, width - w + 1));
            int y0 = layout.nextInt(Math.max(1, height - h + 1));
            int colour = palette.nextInt(1 << 24);
            blocks[i] = new int[] {x0, x0 + w, y0, y0 + h,
                    references.length > 0 ? references[i % references.length] : colour};
        }
        int shorter = Math.min(width, height);
        this.sunR = Math.max(1, shorter * (8 + layout.nextInt(12)) / 100);
        this.sunX = layout.nextInt(Math.max(1, width));
        this.sunY = layout.nextInt(Math.max(1, height / 2 + 1));
        this.sunRgb = 0xff0000 | (160 + palette.nextInt(96)) << 8 | palette.nextInt(120);
        this.changes = new boolean[height + 1];
        for (int b = 0; b <= bands; b++) {
            mark((int) ((long) b * height / bands));
        }
        for (int[] block : blocks) {
            mark(block[2]);
            mark(block[3]);
        }
        for (int s = 0; s <= SUN_STEPS; s++) {
            mark(sunY - sunR + (int) ((long) s * 2 * sunR / SUN_STEPS));
        }
        this.sky = new int[width * 3];
        for (int x = 0; x < width; x++) {
            int t = width == 1 ? 0 : (int) ((long) x * 255 / (width - 1));
            for (int c = 0; c < 3; c++) {
                sky[x * 3 + c] = (skyFrom[c] * (255 - t) + skyTo[c] * t) / 255;
            }
        }
        this.gradient = new byte[width * 3];
    }

    private static int[] rgb(int colour) {
        return new int[] {colour >> 16 & 0xff, colour >> 8 & 0xff, colour & 0xff};
    }

    /** A colour that stands for a reference image: derived from its content (or its URL), the same every time. */
    static int colourOf(String input) {
        return (int) (digest(input, null, 0, 0, 0) & 0xffffff);
    }

    byte[] png() {
        return PngEncoder.encode(width, height, this);
    }

    @Override
    public boolean row(int y, byte[] rgb) {
        if (y > 0 && !changes[y]) {
            return true;
        }
        int band = (int) ((long) y * bands / height);
        if (band != gradientBand) {
            paintGradient(band);
        }
        System.arraycopy(gradient, 0, rgb, 0, gradient.length);
        int step = sunStep(y);
        if (step >= 0) {
            double dy = (step + 0.5) * 2.0 * sunR / SUN_STEPS - sunR;
            int half = (int) Math.sqrt(Math.max(0, (double) sunR * sunR - dy * dy));
            fill(rgb, sunX - half, sunX + half, sunRgb);
        }
        for (int[] b : blocks) {
            if (y >= b[2] && y < b[3]) {
                fill(rgb, b[0], b[1], b[4]);
            }
        }
        return false;
    }

    private int sunStep(int y) {
        int top = sunY - sunR;
        if (y < top || y >= sunY + sunR) {
            return -1;
        }
        int step = (int) ((long) (y - top) * SUN_STEPS / (2L * sunR));
        // rows are marked at the same integer boundaries, so a step never changes inside a run of repeated rows
        while (step + 1 <= SUN_STEPS && top + (int) ((long) (step + 1) * 2 * sunR / SUN_STEPS) <= y) {
            step++;
        }
        while (step > 0 && top + (int) ((long) step * 2 * sunR / SUN_STEPS) > y) {
            step--;
        }
        return step;
    }

    private void paintGradient(int band) {
        gradientBand = band;
        int shade = band * 96 / Math.max(1, bands) - 48;
        for (int i = 0; i < sky.length; i++) {
            int v = sky[i] + shade;
            gradient[i] = (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
        }
    }

    private void fill(byte[] rgb, int from, int to, int color) {
        int a = Math.max(0, from);
        int b = Math.min(width, to);
        byte r = (byte) (color >>> 16);
        byte g = (byte) (color >>> 8);
        byte bl = (byte) color;
        for (int x = a; x < b; x++) {
            rgb[x * 3] = r;
            rgb[x * 3 + 1] = g;
            rgb[x * 3 + 2] = bl;
        }
    }

    private void mark(int y) {
        if (y >= 0 && y < changes.length) {
            changes[y] = true;
        }
    }

    /**
     * A 64-bit digest of the inputs: FNV-1a over their UTF-8 bytes, each field ended by a zero byte, then SplitMix64's
     * finaliser to spread the bits. Not cryptographic and needs not be; the fake only needs equal inputs to give equal
     * pictures and different ones to differ, without loading the JDK's security providers on start-up.
     */
    private static long digest(String prompt, String negative, long seed, int width, int height) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, prompt);
        h = mix(h, negative == null ? "" : negative);
        h = mix(h, seed + ":" + width + "x" + height);
        h = (h ^ h >>> 30) * 0xbf58476d1ce4e5b9L;
        h = (h ^ h >>> 27) * 0x94d049bb133111ebL;
        return h ^ h >>> 31;
    }

    private static long mix(long h, String field) {
        for (byte b : field.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h * 0x100000001b3L; // the zero byte that ends the field: h ^ 0 is h
    }
}
