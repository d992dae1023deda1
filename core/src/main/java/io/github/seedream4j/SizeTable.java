package io.github.seedream4j;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one table seedream4j uses to turn a (tier, ratio) pair into exact pixels. Every result reports the pixels it
 * asked for, so the mapping is never hidden.
 *
 * <table>
 *   <caption>Exact pixels per tier and ratio</caption>
 *   <tr><th>ratio</th><th>1K</th><th>2K</th><th>4K</th></tr>
 *   <tr><td>1:1</td><td>1024x1024</td><td>2048x2048</td><td>4096x4096</td></tr>
 *   <tr><td>4:3</td><td>1152x864</td><td>2304x1728</td><td>4096x3072</td></tr>
 *   <tr><td>3:4</td><td>864x1152</td><td>1728x2304</td><td>3072x4096</td></tr>
 *   <tr><td>16:9</td><td>1312x736</td><td>2560x1440</td><td>4096x2304</td></tr>
 *   <tr><td>9:16</td><td>736x1312</td><td>1440x2560</td><td>2304x4096</td></tr>
 *   <tr><td>3:2</td><td>1248x832</td><td>2496x1664</td><td>4032x2688</td></tr>
 *   <tr><td>2:3</td><td>832x1248</td><td>1664x2496</td><td>2688x4032</td></tr>
 *   <tr><td>21:9</td><td>1568x672</td><td>3024x1296</td><td>4032x1728</td></tr>
 * </table>
 *
 * <p>Sources: the 2K column is ByteDance's official recommended-size table for Seedream 4.0. The 1K column is a
 * reseller's table for Seedream models (not confirmed for 4.0; note 1312x736 is only close to 16:9). No 4K table
 * is published: the 4K column is seedream4j's own choice, the largest size with the exact ratio, both sides
 * multiples of 16 and the long side at most 4096, so it stays within the model's 4096 x 4096 ceiling and
 * Cloudflare's 1024..4096 per side.
 */
public final class SizeTable {

    private static final Map<SizeTier, Map<AspectRatio, Resolution>> TABLE = new EnumMap<>(SizeTier.class);

    static {
        put(SizeTier.ONE_K, 1024, 1024, 1152, 864, 864, 1152, 1312, 736, 736, 1312, 1248, 832, 832, 1248, 1568, 672);
        put(SizeTier.TWO_K, 2048, 2048, 2304, 1728, 1728, 2304, 2560, 1440, 1440, 2560, 2496, 1664, 1664, 2496,
                3024, 1296);
        put(SizeTier.FOUR_K, 4096, 4096, 4096, 3072, 3072, 4096, 4096, 2304, 2304, 4096, 4032, 2688, 2688, 4032,
                4032, 1728);
    }

    private SizeTable() {
    }

    private static void put(SizeTier tier, int... sides) {
        Map<AspectRatio, Resolution> row = new LinkedHashMap<>();
        for (int i = 0; i < AspectRatio.SEEDREAM_RATIOS.size(); i++) {
            row.put(AspectRatio.SEEDREAM_RATIOS.get(i), new Resolution(sides[2 * i], sides[2 * i + 1]));
        }
        TABLE.put(tier, Map.copyOf(row));
    }

    /**
     * The exact pixels for a tier at a ratio.
     *
     * @param tier the tier, never {@code null}
     * @param ratio the ratio, never {@code null}
     * @return the table's entry
     * @throws NullPointerException if a part is null
     * @throws InvalidRequestException if the ratio is not one of {@link AspectRatio#SEEDREAM_RATIOS}
     */
    public static Resolution resolve(SizeTier tier, AspectRatio ratio) {
        Resolution r = TABLE.get(tier).get(ratio);
        if (r == null) {
            throw new InvalidRequestException("aspect ratio " + ratio + " has no " + tier + " size: use one of "
                    + AspectRatio.SEEDREAM_RATIOS + ", or ask for exact pixels such as 2048x1152");
        }
        return r;
    }

    /**
     * {@return the (tier, ratio) pair whose table entry is exactly {@code resolution}, if any}
     *
     * @param resolution the exact pixels to look up
     */
    public static Optional<ImageSize.Tiered> lookup(Resolution resolution) {
        for (Map.Entry<SizeTier, Map<AspectRatio, Resolution>> tier : TABLE.entrySet()) {
            for (Map.Entry<AspectRatio, Resolution> cell : tier.getValue().entrySet()) {
                if (cell.getValue().equals(resolution)) {
                    return Optional.of(new ImageSize.Tiered(tier.getKey(), cell.getKey()));
                }
            }
        }
        return Optional.empty();
    }
}
