package io.github.seedream4j;

import java.util.List;

/**
 * A width-to-height ratio, always held in reduced form: {@code AspectRatio.of(32, 18)} equals {@link #RATIO_16_9},
 * and Seedream's {@code 21:9} is held as {@code 7:3} (the exact ratio of its 3024 x 1296 size) while
 * {@link #toString()} still prints {@code 21:9}.
 *
 * @param width the reduced width term, at least 1
 * @param height the reduced height term, at least 1
 */
public record AspectRatio(int width, int height) {

    /** 1:1. */
    public static final AspectRatio RATIO_1_1 = new AspectRatio(1, 1);
    /** 4:3. */
    public static final AspectRatio RATIO_4_3 = new AspectRatio(4, 3);
    /** 3:4. */
    public static final AspectRatio RATIO_3_4 = new AspectRatio(3, 4);
    /** 16:9. */
    public static final AspectRatio RATIO_16_9 = new AspectRatio(16, 9);
    /** 9:16. */
    public static final AspectRatio RATIO_9_16 = new AspectRatio(9, 16);
    /** 3:2. */
    public static final AspectRatio RATIO_3_2 = new AspectRatio(3, 2);
    /** 2:3. */
    public static final AspectRatio RATIO_2_3 = new AspectRatio(2, 3);
    /** 21:9, held reduced as 7:3. */
    public static final AspectRatio RATIO_21_9 = new AspectRatio(7, 3);

    /** The eight ratios Seedream 4.0 documents, in the order of its size table. */
    public static final List<AspectRatio> SEEDREAM_RATIOS = List.of(RATIO_1_1, RATIO_4_3, RATIO_3_4, RATIO_16_9,
            RATIO_9_16, RATIO_3_2, RATIO_2_3, RATIO_21_9);

    /**
     * Checks the terms; use {@link #of(int, int)} to reduce a pair first.
     *
     * @param width the reduced width term, at least 1
     * @param height the reduced height term, at least 1
     * @throws InvalidRequestException if a term is not positive or the pair is not in reduced form
     */
    public AspectRatio {
        if (width < 1 || height < 1) {
            throw new InvalidRequestException("aspect ratio " + width + ":" + height
                    + " is invalid: both terms must be positive whole numbers, for example 16:9");
        }
        if (gcd(width, height) != 1) {
            throw new InvalidRequestException("aspect ratio " + width + ":" + height
                    + " is not reduced: use AspectRatio.of(" + width + ", " + height + "), which reduces it");
        }
    }

    /**
     * The ratio {@code width:height}, reduced.
     *
     * @param width the width term, at least 1
     * @param height the height term, at least 1
     * @return the reduced ratio: {@code of(32, 18)} is 16:9
     * @throws InvalidRequestException if a term is not positive
     */
    public static AspectRatio of(int width, int height) {
        if (width < 1 || height < 1) {
            throw new InvalidRequestException("aspect ratio " + width + ":" + height
                    + " is invalid: both terms must be positive whole numbers, for example 16:9");
        }
        int g = gcd(width, height);
        return new AspectRatio(width / g, height / g);
    }

    /**
     * The exact, reduced ratio of a resolution: 2560 x 1440 gives 16:9, 1312 x 736 gives 41:23.
     *
     * @param resolution the resolution, never {@code null}
     * @return the reduced ratio
     * @throws NullPointerException if {@code resolution} is null
     */
    public static AspectRatio of(Resolution resolution) {
        return of(resolution.width(), resolution.height());
    }

    /**
     * Parses {@code "16:9"} (also {@code "16/9"}); surrounding blanks are ignored.
     *
     * @param text the ratio as {@code W:H} or {@code W/H}
     * @return the ratio, reduced: {@code "32:18"} gives 16:9
     * @throws InvalidRequestException naming the text when it is not two positive whole numbers
     */
    public static AspectRatio parse(String text) {
        if (text == null) {
            throw new InvalidRequestException("aspect ratio must not be null: use a ratio such as 16:9");
        }
        String t = text.strip();
        int sep = t.indexOf(':') >= 0 ? t.indexOf(':') : t.indexOf('/');
        if (sep <= 0 || sep == t.length() - 1) {
            throw new InvalidRequestException("aspect ratio '" + text + "' is not of the form W:H; use for example "
                    + "16:9, or one of " + SEEDREAM_RATIOS);
        }
        try {
            return of(Integer.parseInt(t.substring(0, sep).strip()), Integer.parseInt(t.substring(sep + 1).strip()));
        } catch (InvalidRequestException e) {
            throw InvalidRequestException.quoting("aspect ratio", text, e);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("aspect ratio '" + text + "' is not of the form W:H with whole numbers; "
                    + "use for example 16:9, or one of " + SEEDREAM_RATIOS);
        }
    }

    /** {@return width divided by height} */
    public double value() {
        return (double) width / height;
    }

    /** {@return whether this is one of the eight ratios in {@link #SEEDREAM_RATIOS}} */
    public boolean isSeedreamRatio() {
        return SEEDREAM_RATIOS.contains(this);
    }

    /** {@return {@code "16:9"}; Seedream's name {@code "21:9"} for 7:3} */
    // equals and hashCode are written out: the generated ones are bound through method handles on first use, which
    // costs a short-lived process (the command line) milliseconds for two ints

    @Override
    public boolean equals(Object o) {
        return o instanceof AspectRatio a && a.width == width && a.height == height;
    }

    @Override
    public int hashCode() {
        return 31 * width + height;
    }

    @Override
    public String toString() {
        return equals(RATIO_21_9) ? "21:9" : width + ":" + height;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
