package io.github.seedream4j.provider.cloudflare.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /accounts/{account_id}/ai/run} for {@code bytedance/seedream-4.5} and
 * {@code bytedance/seedream-5-lite}, whose input schemas share these keys. Both schemas have
 * {@code additionalProperties: false}; this record holds only keys both publish, and unset ones are left out.
 *
 * @param model the model id
 * @param input the model's input
 */
record ImageSetRequest(String model, Input input) {

    ImageSetRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(input, "input");
    }

    /**
     * The input.
     *
     * @param prompt the prompt, required
     * @param imageInput the reference images' URLs in order, or {@code null} for none
     * @param size {@code 2K} or {@code 4K} (4.5), {@code 2K} or {@code 3K} (5-lite)
     * @param aspectRatio one of the schema's ratios
     * @param sequentialImageGeneration {@code auto} for a sequential set, or {@code null}
     * @param maxImages the most images of a sequential set (1 to 15), or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Input(
            @JsonProperty("prompt") String prompt,
            @JsonProperty("image_input") List<String> imageInput,
            @JsonProperty("size") String size,
            @JsonProperty("aspect_ratio") String aspectRatio,
            @JsonProperty("sequential_image_generation") String sequentialImageGeneration,
            @JsonProperty("max_images") Integer maxImages) {

        Input {
            Objects.requireNonNull(prompt, "prompt");
        }
    }
}
