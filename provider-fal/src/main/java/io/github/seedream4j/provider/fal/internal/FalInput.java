package io.github.seedream4j.provider.fal.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.Seed;
import io.github.seedream4j.spi.ProviderCall;
import java.util.List;

/**
 * The body of a submission: the model input of fal's Seedream schemas ({@code SeedDream4T2IInput},
 * {@code SeedDream4EditInput} and their 4.5 and 5.0 lite versions), with only keys those schemas define. A
 * {@code null} component is not written.
 *
 * <p>Deliberately never sent: {@code sync_mode} (images would come back inline in the result, several megabytes
 * of base64 each, and would not be kept in fal's request history, so a job could not be resumed);
 * {@code enhance_prompt_mode} (4.0 only, and a choice between two modes rather than on/off);
 * {@code return_byteplus_urls} (5.0 lite only).
 *
 * @param prompt the prompt
 * @param imageSize exact pixels, always sent as {@code {width, height}}
 * @param numImages separate generations; always 1, since the client fans out one call per image so that each image
 *        has its own seed
 * @param maxImages 1, or the most images of a sequential set
 * @param seed the seed, where the schema has one
 * @param enableSafetyChecker the safety checker, when the request switches it
 * @param imageUrls the reference images (edit endpoints only)
 */
record FalInput(String prompt, @JsonProperty("image_size") Size imageSize, @JsonProperty("num_images") int numImages,
        @JsonProperty("max_images") int maxImages, Long seed,
        @JsonProperty("enable_safety_checker") Boolean enableSafetyChecker,
        @JsonProperty("image_urls") List<String> imageUrls) {

    /**
     * fal's {@code ImageSize}.
     *
     * @param width pixels
     * @param height pixels
     */
    record Size(int width, int height) {
    }

    /** {@return the input for {@code call} on {@code model}} */
    static FalInput of(ProviderCall call, FalModel model) {
        GenerationRequest r = call.request();
        Long seed = model.seed() ? r.seed().map(Seed::value).orElse(null) : null;
        return new FalInput(r.prompt().text(), new Size(call.resolution().width(), call.resolution().height()), 1,
                call.sequential() ? call.images() : 1, seed, r.safetyChecker().orElse(null),
                call.inputs().isEmpty() ? null : call.inputs());
    }
}
