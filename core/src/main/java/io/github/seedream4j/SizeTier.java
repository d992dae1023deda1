package io.github.seedream4j;

import java.util.Locale;

/** Seedream's resolution tiers. The exact pixels of a (tier, ratio) pair are given by {@link SizeTable}. */
public enum SizeTier {
    /** About one megapixel (1024 x 1024 at 1:1). */
    ONE_K("1K"),
    /** About four megapixels (2048 x 2048 at 1:1); the model's default. */
    TWO_K("2K"),
    /** About nine megapixels (3072 x 3072 at 1:1): Seedream 5.0 lite's middle tier; seedream4j's own table. */
    THREE_K("3K"),
    /** About sixteen megapixels (4096 x 4096 at 1:1). */
    FOUR_K("4K");

    private final String label;

    SizeTier(String label) {
        this.label = label;
    }

    /** {@return the tier's name as providers spell it: {@code "1K"}, {@code "2K"}, {@code "4K"}} */
    public String label() {
        return label;
    }

    /**
     * Parses {@code "1K"}, {@code "2K"} or {@code "4K"}, ignoring case and blanks.
     *
     * @param text the tier's label; {@code null} is refused like any unknown text
     * @return the tier
     * @throws InvalidRequestException naming the text when it is not a tier
     */
    public static SizeTier parse(String text) {
        if (text != null) {
            String t = text.strip().toUpperCase(Locale.ROOT);
            for (SizeTier tier : values()) {
                if (tier.label.equals(t)) {
                    return tier;
                }
            }
        }
        throw new InvalidRequestException("size tier '" + text + "' is unknown: use 1K, 2K, 3K or 4K, or exact pixels "
                + "such as 2048x2048");
    }

    /** {@return the label, as {@link #label()}} */
    @Override
    public String toString() {
        return label;
    }
}
