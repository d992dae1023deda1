package io.github.seedream4j;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A version of the Seedream model, with its own limits and size tables. Where the published notes conflict or are
 * marked unconfirmed, each version takes the <b>safe reading</b>: the narrower of the limits, so a request that
 * passes here is one every source says the model accepts.
 *
 * <table>
 *   <caption>Limits per version (sources: ByteDance's Ark tutorial; resellers' copies where noted)</caption>
 *   <tr><th></th><th>4.0</th><th>4.5</th><th>5.0 lite</th></tr>
 *   <tr><td>tiers</td><td>1K, 2K, 4K</td><td>2K, 4K (no 1K)</td><td>2K, 3K (the tiers both sources list)</td></tr>
 *   <tr><td>pixels</td><td>921,600 to 16,777,216</td><td>3,686,400 to 16,777,216</td><td>3,686,400 to 16,777,216
 *       (floor unconfirmed)</td></tr>
 *   <tr><td>reference images</td><td>at most 10, PNG or JPEG, aspect 1/3 to 3 (older text; the newer says 14,
 *       more formats, 1/16 to 16)</td><td>at most 14, PNG, JPEG or WebP, aspect 1/16 to 16</td><td>as 4.5</td></tr>
 * </table>
 * For every version: output aspect 1/16 to 16; each reference image at most 10 MB and 6000 pixels a side, each
 * side more than 14 pixels; inputs and outputs together at most {@value #MAX_TOTAL_IMAGES}; a sequential set of
 * 1 to {@value #MAX_SEQUENTIAL_IMAGES} images.
 */
public enum SeedreamModel {

    /** Seedream 4.0, the default where a provider serves it. */
    V4_0("4.0", EnumSet.of(SizeTier.ONE_K, SizeTier.TWO_K, SizeTier.FOUR_K), 921_600L, 10,
            EnumSet.of(ImageFormat.PNG, ImageFormat.JPEG), 3),
    /** Seedream 4.5: no 1K tier, a higher pixel floor, its own 2K and 4K tables. */
    V4_5("4.5", EnumSet.of(SizeTier.TWO_K, SizeTier.FOUR_K), 3_686_400L, 14,
            EnumSet.of(ImageFormat.PNG, ImageFormat.JPEG, ImageFormat.WEBP), 16),
    /** Seedream 5.0 lite: 2K and 3K tiers; 4.5's tables where they overlap (unconfirmed). */
    V5_0_LITE("5.0-lite", EnumSet.of(SizeTier.TWO_K, SizeTier.THREE_K), 3_686_400L, 14,
            EnumSet.of(ImageFormat.PNG, ImageFormat.JPEG, ImageFormat.WEBP), 16);

    /** The most images one request may involve: reference images plus generated ones. */
    public static final int MAX_TOTAL_IMAGES = 15;
    /** The most images of one sequential set. */
    public static final int MAX_SEQUENTIAL_IMAGES = 15;
    /** The largest reference image, in bytes. */
    public static final long MAX_REFERENCE_BYTES = 10L * 1024 * 1024;
    /** The longest side of a reference image. */
    public static final int MAX_REFERENCE_SIDE = 6000;
    /** The shortest side of a reference image. */
    public static final int MIN_REFERENCE_SIDE = 15;
    /** The largest output pixel count of every version. */
    public static final long MAX_PIXELS = 16_777_216L;
    /** The widest output aspect ratio of every version, as width/height or height/width. */
    public static final int MAX_RATIO = 16;

    private final String label;
    private final Set<SizeTier> tiers;
    private final long minPixels;
    private final int maxReferenceImages;
    private final Set<ImageFormat> referenceFormats;
    private final int maxReferenceRatio;

    SeedreamModel(String label, Set<SizeTier> tiers, long minPixels, int maxReferenceImages,
            Set<ImageFormat> referenceFormats, int maxReferenceRatio) {
        this.label = label;
        this.tiers = java.util.Collections.unmodifiableSet(tiers);
        this.minPixels = minPixels;
        this.maxReferenceImages = maxReferenceImages;
        this.referenceFormats = java.util.Collections.unmodifiableSet(referenceFormats);
        this.maxReferenceRatio = maxReferenceRatio;
    }

    /** {@return the version as people write it: {@code 4.0}, {@code 4.5}, {@code 5.0-lite}} */
    public String label() {
        return label;
    }

    /** {@return the size tiers this version offers, in order} */
    public Set<SizeTier> tiers() {
        return tiers;
    }

    /** {@return the fewest output pixels} */
    public long minPixels() {
        return minPixels;
    }

    /** {@return the most output pixels} */
    public long maxPixels() {
        return MAX_PIXELS;
    }

    /** {@return the most reference images one request may carry} */
    public int maxReferenceImages() {
        return maxReferenceImages;
    }

    /** {@return the formats a reference image may have} */
    public Set<ImageFormat> referenceFormats() {
        return referenceFormats;
    }

    /** {@return the widest aspect ratio of a reference image, as width/height or height/width} */
    public int maxReferenceRatio() {
        return maxReferenceRatio;
    }

    /**
     * The exact pixels this version makes for a tier at a ratio, from {@link SizeTable}.
     *
     * @param tier the tier, never {@code null}
     * @param ratio the ratio, never {@code null}
     * @return the pixels
     * @throws InvalidRequestException if this version has no such tier, or the ratio no such size
     */
    public Resolution resolve(SizeTier tier, AspectRatio ratio) {
        if (!tiers.contains(tier)) {
            throw new InvalidRequestException("Seedream " + label + " has no " + tier + " tier: use one of " + tiers
                    + ", or exact pixels");
        }
        return SizeTable.resolve(this, tier, ratio);
    }

    /**
     * Checks an output size against this version's pixel range and aspect ratio.
     *
     * @param r the size, never {@code null}
     * @throws InvalidRequestException naming the size, the limit it breaks and what would work
     */
    public void check(Resolution r) {
        if (r.pixels() < minPixels) {
            throw new InvalidRequestException("size " + r + " has " + r.pixels() + " pixels; Seedream " + label
                    + " needs at least " + minPixels + " (" + floorExample() + "). Ask for a larger size, for example "
                    + (this == V4_0 ? "1024x1024 or tier 1K" : "2048x2048 or tier 2K"));
        }
        if (r.pixels() > MAX_PIXELS) {
            throw new InvalidRequestException("size " + r + " has " + r.pixels() + " pixels; Seedream " + label
                    + " allows at most " + MAX_PIXELS + " (4096x4096). Ask for a smaller size, for example tier "
                    + (tiers.contains(SizeTier.FOUR_K) ? "4K" : "2K"));
        }
        if (r.width() > (long) MAX_RATIO * r.height() || r.height() > (long) MAX_RATIO * r.width()) {
            throw new InvalidRequestException("size " + r + " has aspect ratio " + r.aspectRatio() + "; Seedream "
                    + label + " allows width/height between 1/16 and 16");
        }
    }

    private String floorExample() {
        return minPixels == 921_600L ? "1280x720" : minPixels == 3_686_400L ? "2560x1440" : "a larger size";
    }

    /**
     * Parses {@code 4.0}, {@code 4}, {@code 4.5}, {@code 5.0-lite}, {@code 5-lite} or {@code 5.0 lite}, in any case.
     *
     * @param text the version, never {@code null}
     * @return the model
     * @throws InvalidRequestException naming the text and listing the versions when it is none of them
     */
    public static SeedreamModel parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        switch (t) {
            case "4.0", "4", "v4", "v4.0", "seedream-4.0", "seedream-4":
                return V4_0;
            case "4.5", "v4.5", "seedream-4.5":
                return V4_5;
            case "5.0-lite", "5-lite", "5.0lite", "5lite", "v5.0-lite", "seedream-5-lite", "seedream-5.0-lite":
                return V5_0_LITE;
            default:
                String shown = text == null ? "null" : text.length() > 40 ? text.substring(0, 40) + "..." : text;
                throw new InvalidRequestException("model '" + shown + "' is unknown: use one of " + labels());
        }
    }

    /** {@return the labels of every version, for messages} */
    public static List<String> labels() {
        return java.util.Arrays.stream(values()).map(SeedreamModel::label).toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
