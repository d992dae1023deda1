package io.github.seedream4j;

import java.util.Objects;

/**
 * How the size of an image is asked for: either exact pixels, or a resolution tier with an aspect ratio. The two
 * are never combined. Either way, {@link #resolution()} gives the exact pixels expected back, using
 * {@link SizeTable} for tiers.
 */
public sealed interface ImageSize permits ImageSize.Exact, ImageSize.Tiered {

    /** {@return the exact pixels this size stands for, never {@code null}} */
    Resolution resolution();

    /**
     * Exact pixels.
     *
     * @param width pixels across, 1 to {@link Resolution#MAX_SIDE}
     * @param height pixels down, 1 to {@link Resolution#MAX_SIDE}
     * @return the size
     * @throws InvalidRequestException if a side is out of range
     */
    static ImageSize exact(int width, int height) {
        return new Exact(Resolution.of(width, height));
    }

    /**
     * A tier at a ratio, for example {@code tiered(SizeTier.TWO_K, AspectRatio.RATIO_16_9)}.
     *
     * @param tier the tier, never {@code null}
     * @param ratio one of {@link AspectRatio#SEEDREAM_RATIOS}
     * @return the size
     * @throws InvalidRequestException if a part is null or {@link SizeTable} has no size for the pair
     */
    static ImageSize tiered(SizeTier tier, AspectRatio ratio) {
        return new Tiered(tier, ratio);
    }

    /**
     * Parses {@code "2048x2048"} / {@code "2048*2048"} as exact pixels, and {@code "2K"} as a tier at 1:1.
     *
     * @param text the size, as accepted by {@link Resolution#parse(String)} or {@code 1K}, {@code 2K}, {@code 4K}
     *        in any case
     * @return the size
     * @throws InvalidRequestException naming the text when it is neither
     */
    static ImageSize parse(String text) {
        if (text != null && text.strip().matches("(?i)[124]K")) {
            return new Tiered(SizeTier.parse(text), AspectRatio.RATIO_1_1);
        }
        return new Exact(Resolution.parse(text));
    }

    /**
     * Exact pixels.
     *
     * @param resolution the pixels, never {@code null}
     */
    record Exact(Resolution resolution) implements ImageSize {
        /**
         * Checks the part.
         *
         * @param resolution the pixels
         * @throws InvalidRequestException if {@code resolution} is null
         */
        public Exact {
            if (resolution == null) {
                throw new InvalidRequestException("resolution must not be null");
            }
        }

        /** {@return the pixels, for example {@code "2048x2048"}} */
        @Override
        public String toString() {
            return resolution.toString();
        }
    }

    /**
     * A resolution tier at one of Seedream's eight ratios.
     *
     * @param tier the tier, never {@code null}
     * @param ratio the ratio, one of {@link AspectRatio#SEEDREAM_RATIOS}
     */
    record Tiered(SizeTier tier, AspectRatio ratio) implements ImageSize {
        /**
         * Checks the parts.
         *
         * @param tier the tier
         * @param ratio the ratio, one of {@link AspectRatio#SEEDREAM_RATIOS}
         * @throws InvalidRequestException if a part is null or the ratio has no entry in {@link SizeTable}
         */
        public Tiered {
            if (tier == null || ratio == null) {
                throw new InvalidRequestException("a tiered size needs both a tier (1K, 2K, 4K) and an aspect ratio");
            }
            Objects.requireNonNull(SizeTable.resolve(tier, ratio));
        }

        @Override
        public Resolution resolution() {
            return SizeTable.resolve(tier, ratio);
        }

        /** {@return the tier and the ratio, for example {@code "2K 16:9"}} */
        @Override
        public String toString() {
            return tier + " " + ratio;
        }
    }
}
