package io.github.seedream4j;

/**
 * The Seedream 4.0 model's own limits on explicit sizes, whatever the provider: the total pixel count lies within
 * [{@value #MIN_PIXELS}, {@value #MAX_PIXELS}] (1280 x 720 to 4096 x 4096) and the ratio width/height within
 * [1/16, 16]. Providers may add narrower limits in their capabilities.
 */
public final class ModelLimits {

    /** The fewest pixels an explicit size may have: 1280 x 720. */
    public static final long MIN_PIXELS = 921_600L;
    /** The most pixels an explicit size may have: 4096 x 4096. */
    public static final long MAX_PIXELS = 16_777_216L;
    /** The widest ratio allowed, width/height; the tallest is its inverse. */
    public static final int MAX_RATIO = 16;

    private ModelLimits() {
    }

    /**
     * Checks an explicit size against the model's limits.
     *
     * @param r the size, never {@code null}
     * @throws NullPointerException if {@code r} is null
     * @throws InvalidRequestException naming the size, the limit it breaks and a size that would work
     */
    public static void check(Resolution r) {
        if (r.pixels() < MIN_PIXELS) {
            throw new InvalidRequestException("size " + r + " has " + r.pixels() + " pixels; Seedream 4.0 needs at "
                    + "least " + MIN_PIXELS + " (1280x720). Ask for a larger size, for example 1024x1024 or tier 1K");
        }
        if (r.pixels() > MAX_PIXELS) {
            throw new InvalidRequestException("size " + r + " has " + r.pixels() + " pixels; Seedream 4.0 allows at "
                    + "most " + MAX_PIXELS + " (4096x4096). Ask for a smaller size, for example tier 4K");
        }
        if (r.width() > (long) MAX_RATIO * r.height() || r.height() > (long) MAX_RATIO * r.width()) {
            throw new InvalidRequestException("size " + r + " has aspect ratio " + r.aspectRatio()
                    + "; Seedream 4.0 allows width/height between 1/16 and 16");
        }
    }
}
