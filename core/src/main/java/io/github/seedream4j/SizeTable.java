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
    /** Seedream 4.5's own published 2K and 4K tables (resellers' copies of ByteDance's page); 5.0 lite uses them too. */
    private static final Map<SizeTier, Map<AspectRatio, Resolution>> TABLE_4_5 = new EnumMap<>(SizeTier.class);

    static {
        put(TABLE_4_5, SizeTier.TWO_K, 2048, 2048, 2304, 1728, 1728, 2304, 2848, 1600, 1600, 2848, 2496, 1664, 1664,
                2496, 3136, 1344);
        put(TABLE_4_5, SizeTier.FOUR_K, 4096, 4096, 4704, 3520, 3520, 4704, 5504, 3040, 3040, 5504, 4992, 3328, 3328,
                4992, 6240, 2656);
        // seedream4j's own 3K column: 4.5's 2K sizes times 1.5, multiples of 16; no table is published
        put(TABLE_4_5, SizeTier.THREE_K, 3072, 3072, 3456, 2592, 2592, 3456, 4272, 2400, 2400, 4272, 3744, 2496, 2496,
                3744, 4704, 2016);
        put(TABLE, SizeTier.ONE_K, 1024, 1024, 1152, 864, 864, 1152, 1312, 736, 736, 1312, 1248, 832, 832, 1248, 1568, 672);
        put(TABLE, SizeTier.TWO_K, 2048, 2048, 2304, 1728, 1728, 2304, 2560, 1440, 1440, 2560, 2496, 1664, 1664, 2496,
                3024, 1296);
        put(TABLE, SizeTier.FOUR_K, 4096, 4096, 4096, 3072, 3072, 4096, 4096, 2304, 2304, 4096, 4032, 2688, 2688, 4032,
                4032, 1728);
    }

    private SizeTable() {
    }

    private static void put(Map<SizeTier, Map<AspectRatio, Resolution>> table, SizeTier tier, int... sides) {
        Map<AspectRatio, Resolution> row = new LinkedHashMap<>();
        for (int i = 0; i < AspectRatio.SEEDREAM_RATIOS.size(); i++) {
            row.put(AspectRatio.SEEDREAM_RATIOS.get(i), new Resolution(sides[2 * i], sides[2 * i + 1]));
        }
        table.put(tier, Map.copyOf(row));
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
        Map<AspectRatio, Resolution> row = TABLE.get(tier);
        if (row == null) {
            return resolve(SeedreamModel.V5_0_LITE, tier, ratio);
        }
        Resolution r = row.get(ratio);
        if (r == null) {
            throw new InvalidRequestException("aspect ratio " + ratio + " has no " + tier + " size: use one of "
                    + AspectRatio.SEEDREAM_RATIOS + ", or ask for exact pixels such as 2048x1152");
        }
        return r;
    }

    /**
     * The exact pixels a model version makes for a tier at a ratio: Seedream 4.0's table for 4.0, 4.5's published
     * 2K and 4K tables for 4.5 and 5.0 lite (unconfirmed for 5.0 lite), and seedream4j's own 3K column.
     *
     * @param model the model version, never {@code null}
     * @param tier the tier, never {@code null}
     * @param ratio the ratio, never {@code null}
     * @return the table's entry
     * @throws InvalidRequestException if the table has no such tier or ratio
     */
    public static Resolution resolve(SeedreamModel model, SizeTier tier, AspectRatio ratio) {
        Map<AspectRatio, Resolution> row = (model == SeedreamModel.V4_0 ? TABLE : TABLE_4_5).get(tier);
        Resolution r = row == null ? null : row.get(ratio);
        if (r == null) {
            throw new InvalidRequestException("Seedream " + model + " has no " + tier + " size at aspect ratio " + ratio
                    + ": use one of " + AspectRatio.SEEDREAM_RATIOS + " with a tier of " + model.tiers()
                    + ", or exact pixels");
        }
        return r;
    }

    /**
     * {@return the (tier, ratio) pair whose table entry is exactly {@code resolution}, if any}
     *
     * @param resolution the exact pixels to look up
     */
    public static Optional<ImageSize.Tiered> lookup(Resolution resolution) {
        return lookup(SeedreamModel.V4_0, resolution);
    }

    /**
     * {@return the (tier, ratio) pair whose entry in {@code model}'s table is exactly {@code resolution}, if any}
     *
     * @param model the model version
     * @param resolution the exact pixels to look up
     */
    public static Optional<ImageSize.Tiered> lookup(SeedreamModel model, Resolution resolution) {
        Map<SizeTier, Map<AspectRatio, Resolution>> table = model == SeedreamModel.V4_0 ? TABLE : TABLE_4_5;
        for (Map.Entry<SizeTier, Map<AspectRatio, Resolution>> tier : table.entrySet()) {
            if (!model.tiers().contains(tier.getKey())) {
                continue;
            }
            for (Map.Entry<AspectRatio, Resolution> cell : tier.getValue().entrySet()) {
                if (cell.getValue().equals(resolution)) {
                    return Optional.of(new ImageSize.Tiered(tier.getKey(), cell.getKey()));
                }
            }
        }
        return Optional.empty();
    }
}
