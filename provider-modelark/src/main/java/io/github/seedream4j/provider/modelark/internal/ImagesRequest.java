package io.github.seedream4j.provider.modelark.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /images/generations}, holding only fields of ByteDance's request type; those left
 * {@code null} are not written. Never sent: {@code seed} and {@code guidance_scale} (documented for Seedream 3.0
 * only), {@code stream}, {@code n} (there is none), {@code optimize_prompt_options}, {@code output_format},
 * {@code tools}.
 *
 * @param model the model id or {@code ep-...} endpoint id
 * @param prompt the prompt
 * @param image the reference images in order, each an https URL or a {@code data:} URI; {@code null} for none
 * @param size exact pixels as {@code WxH}
 * @param sequentialImageGeneration {@code auto} for a sequential set, else {@code disabled}
 * @param sequentialImageGenerationOptions the set's maximum, with {@code auto} only
 * @param responseFormat {@code url} or {@code b64_json}
 * @param watermark whether ModelArk marks the image; always written, since ModelArk's own default is {@code true}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ImagesRequest(
        @JsonProperty("model") String model,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("image") List<String> image,
        @JsonProperty("size") String size,
        @JsonProperty("sequential_image_generation") String sequentialImageGeneration,
        @JsonProperty("sequential_image_generation_options") SequentialOptions sequentialImageGenerationOptions,
        @JsonProperty("response_format") String responseFormat,
        @JsonProperty("watermark") boolean watermark) {

    ImagesRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        image = image == null || image.isEmpty() ? null : List.copyOf(image);
    }

    /**
     * {@code sequential_image_generation_options}.
     *
     * @param maxImages the most images of the set, 1 to 15; the model decides how many it makes
     */
    record SequentialOptions(@JsonProperty("max_images") int maxImages) {
    }
}
