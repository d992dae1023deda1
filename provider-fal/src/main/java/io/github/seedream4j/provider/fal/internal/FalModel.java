package io.github.seedream4j.provider.fal.internal;

import io.github.seedream4j.SeedreamModel;
import java.util.List;
import java.util.Objects;

/**
 * A Seedream version on fal: its endpoint ids and what its input schema takes. Each version has a text-to-image
 * endpoint ({@code <prefix>/text-to-image}) and an edit endpoint ({@code <prefix>/edit}, which requires
 * {@code image_urls}). The 5.0 ids have no {@code fal-ai/} owner prefix; that is how fal names them.
 *
 * @param model the version
 * @param prefix the endpoint id without its last segment, for example {@code fal-ai/bytedance/seedream/v4}; used as
 *        the provider's model id
 * @param seed whether the input schema has {@code seed} (5.0 lite's has none)
 * @param price fal's price per image, as the setting {@code price} writes it
 * @param priceConfirmed whether fal itself lists that price (4.5's comes from a third-party catalogue)
 */
record FalModel(SeedreamModel model, String prefix, boolean seed, String price, boolean priceConfirmed) {

    /** The versions served, in the order they are offered. */
    static final List<FalModel> ALL = List.of(
            new FalModel(SeedreamModel.V4_0, "fal-ai/bytedance/seedream/v4", true, "0.03/image", true),
            // unconfirmed: fal's own page for 4.5 was not found; a third-party catalogue lists this price
            new FalModel(SeedreamModel.V4_5, "fal-ai/bytedance/seedream/v4.5", true, "0.04/image", false),
            new FalModel(SeedreamModel.V5_0_LITE, "bytedance/seedream/v5/lite", false, "0.035/image", true));

    /** Most reference images an edit endpoint uses: "If over 10 images are sent, only the last 10 will be used." */
    static final int MAX_INPUTS = 10;

    /** Most images of a sequential set: {@code max_images} is 1 to 6 in every schema. */
    static final int MAX_SET = 6;

    FalModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(price, "price");
    }

    /**
     * {@return how fal serves {@code model}}
     *
     * @param model a version in {@link #ALL}
     * @throws IllegalArgumentException for a version fal does not serve (core refuses those before the provider)
     */
    static FalModel of(SeedreamModel model) {
        return ALL.stream().filter(m -> m.model == model).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "fal serves no Seedream " + model));
    }

    /**
     * {@return the endpoint id a call goes to}
     *
     * @param edit whether the call carries reference images
     */
    String endpoint(boolean edit) {
        return prefix + (edit ? "/edit" : "/text-to-image");
    }

    /**
     * {@return the app part of the endpoint id, {@code owner/alias}, under which the queue keeps requests} fal's
     * clients (fal-js {@code queue.ts}, fal-java {@code QueueClientImpl}) build status, result and cancel paths from
     * it, without the rest of the endpoint id: {@code /<owner>/<alias>/requests/<id>/status}.
     */
    String app() {
        int first = prefix.indexOf('/');
        int second = prefix.indexOf('/', first + 1);
        return second < 0 ? prefix : prefix.substring(0, second);
    }
}
