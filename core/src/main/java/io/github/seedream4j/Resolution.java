package io.github.seedream4j;

import java.math.BigDecimal;

/**
 * An exact image size in pixels, {@code width x height}.
 *
 * <p>Only positivity and an upper bound of {@link #MAX_SIDE} per side are checked here; whether a provider or the
 * model accepts the size is checked against {@link ModelLimits} and the provider's capabilities when a request is
 * sent.
 *
 * @param width pixels across, 1 to {@link #MAX_SIDE}
 * @param height pixels down, 1 to {@link #MAX_SIDE}
 */
public record Resolution(int width, int height) {

    /** The largest side any value may have; far above what the model produces, to keep arithmetic safe. */
    public static final int MAX_SIDE = 65_536;

    /**
     * Checks the sides.
     *
     * @param width pixels across, 1 to {@link #MAX_SIDE}
     * @param height pixels down, 1 to {@link #MAX_SIDE}
     * @throws InvalidRequestException if a side is not within 1 to {@link #MAX_SIDE}
     */
    public Resolution {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new InvalidRequestException("resolution " + width + "x" + height
                    + " is invalid: each side must be a whole number of pixels from 1 to " + MAX_SIDE
                    + ", for example 2048x2048");
        }
    }

    /**
     * Same as {@code new Resolution(width, height)}.
     *
     * @param width pixels across, 1 to {@link #MAX_SIDE}
     * @param height pixels down, 1 to {@link #MAX_SIDE}
     * @return the resolution
     * @throws InvalidRequestException if a side is not within 1 to {@link #MAX_SIDE}
     */
    public static Resolution of(int width, int height) {
        return new Resolution(width, height);
    }

    /**
     * Parses {@code "2048x2048"}, {@code "2048X2048"}, {@code "2048*2048"} (Runpod's form) or {@code "2048×2048"}.
     *
     * @param text the text; white space around it and around each number is ignored
     * @return the resolution
     * @throws InvalidRequestException naming the text when it is not two positive whole numbers
     */
    public static Resolution parse(String text) {
        if (text == null) {
            throw new InvalidRequestException("resolution must not be null: use WIDTHxHEIGHT, for example 2048x2048");
        }
        String t = text.strip();
        int sep = -1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == 'x' || c == 'X' || c == '*' || c == '\u00d7') {
                sep = i;
                break;
            }
        }
        if (sep <= 0 || sep == t.length() - 1) {
            throw new InvalidRequestException("resolution '" + text
                    + "' is not of the form WIDTHxHEIGHT; use for example 2048x2048 or 2048*2048");
        }
        try {
            return new Resolution(Integer.parseInt(t.substring(0, sep).strip()),
                    Integer.parseInt(t.substring(sep + 1).strip()));
        } catch (InvalidRequestException e) {
            throw InvalidRequestException.quoting("resolution", text, e);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("resolution '" + text
                    + "' is not of the form WIDTHxHEIGHT with whole numbers; use for example 2048x2048");
        }
    }

    /** {@return total pixel count} */
    public long pixels() {
        return (long) width * height;
    }

    /** {@return pixels in millions, exact: 2048 x 2048 is 4.194304} */
    public BigDecimal megapixels() {
        return BigDecimal.valueOf(pixels()).movePointLeft(6);
    }

    /** {@return the exact, reduced aspect ratio: 2560 x 1440 gives 16:9} */
    public AspectRatio aspectRatio() {
        return AspectRatio.of(this);
    }

    /** {@return {@code "2048x2048"}} */
    // equals and hashCode are written out: the generated ones are bound through method handles on first use, which
    // costs a short-lived process (the command line) milliseconds for two ints

    @Override
    public boolean equals(Object o) {
        return o instanceof Resolution r && r.width == width && r.height == height;
    }

    @Override
    public int hashCode() {
        return 31 * width + height;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
