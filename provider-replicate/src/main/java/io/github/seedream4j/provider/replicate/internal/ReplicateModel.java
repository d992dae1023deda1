package io.github.seedream4j.provider.replicate.internal;

import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.spi.ImageTransport;
import io.github.seedream4j.spi.ModelOffer;
import java.util.EnumSet;

/**
 * The Seedream models Replicate serves, each with what its input schema has (Replicate's version API pages, as
 * recorded in the reference notes). A key a schema does not list is never sent.
 *
 * <table>
 *   <caption>Input schemas</caption>
 *   <tr><th></th><th>size</th><th>aspect_ratio</th><th>width/height</th><th>enhance_prompt</th><th>image_input</th></tr>
 *   <tr><td>{@code bytedance/seedream-4}</td><td>1K, 2K, 4K, custom</td><td>yes</td><td>1024..4096 with custom</td>
 *       <td>yes</td><td>1-10</td></tr>
 *   <tr><td>{@code bytedance/seedream-4.5}</td><td>2K, 4K, custom</td><td>not listed</td><td>1024..4096 with
 *       custom</td><td>no</td><td>1-14</td></tr>
 *   <tr><td>{@code bytedance/seedream-5-lite}</td><td>2K, 3K</td><td>yes</td><td>no</td><td>no</td><td>1-14</td></tr>
 * </table>
 * Every one has {@code prompt}, {@code sequential_image_generation} ({@code disabled}, {@code auto}) and
 * {@code max_images} (1..15), and none a seed, a negative prompt or a count of images. {@code bytedance/seedream-5-pro}
 * is left out: core has no such model version.
 */
enum ReplicateModel {

    V4_0(SeedreamModel.V4_0, "bytedance/seedream-4", true, true, true, 0),
    // 4.5's schema in the notes lists no aspect_ratio, so every size goes as custom pixels
    V4_5(SeedreamModel.V4_5, "bytedance/seedream-4.5", false, true, false, 4000),
    V5_0_LITE(SeedreamModel.V5_0_LITE, "bytedance/seedream-5-lite", true, false, false, 0);

    /** The smallest width or height {@code size: custom} takes. */
    static final int MIN_SIDE = 1024;
    /** The largest width or height {@code size: custom} takes. */
    static final int MAX_SIDE = 4096;

    final SeedreamModel model;
    final String id;
    final boolean tiers;
    final boolean custom;
    final boolean enhancePrompt;
    final int maxPromptLength;

    ReplicateModel(SeedreamModel model, String id, boolean tiers, boolean custom, boolean enhancePrompt,
            int maxPromptLength) {
        this.model = model;
        this.id = id;
        this.tiers = tiers;
        this.custom = custom;
        this.enhancePrompt = enhancePrompt;
        this.maxPromptLength = maxPromptLength;
    }

    static ReplicateModel of(SeedreamModel model) {
        for (ReplicateModel m : values()) {
            if (m.model == model) {
                return m;
            }
        }
        throw new IllegalArgumentException("Replicate serves no Seedream " + model);
    }

    /**
     * Reference images travel as URLs Replicate fetches, or inline as data URIs, which Replicate's own clients send
     * (up to a combined {@value CreatePrediction#MAX_INLINE_BYTES} bytes); sequential sets are made.
     */
    ModelOffer offer() {
        return new ModelOffer(model, id, EnumSet.of(ImageTransport.URL, ImageTransport.DATA_URI), true);
    }
}
