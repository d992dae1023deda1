package io.github.seedream4j.provider.modelark.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The answer of {@code POST /images/generations} (ByteDance's {@code ImageGenerationResponse}); fields this
 * provider does not use are ignored.
 *
 * @param model the model that ran, or {@code null}
 * @param data one entry per image slot, or {@code null}; empty when the request failed entirely
 * @param usage what was generated, or {@code null}
 * @param error the failure of the whole request, or {@code null}
 */
record ImagesResponse(
        @JsonProperty("model") String model,
        @JsonProperty("data") List<Item> data,
        @JsonProperty("usage") Usage usage,
        @JsonProperty("error") ApiError error) {

    ImagesResponse {
        data = data == null ? List.of() : data;
    }

    /**
     * One image slot: exactly one of {@code url} and {@code b64_json} when it succeeded, {@code error} when it
     * failed while others succeeded.
     *
     * @param url the image's signed URL (kept 24 hours), or {@code null}
     * @param b64Json the image in base64, kept in the answer's bytes when read with {@link Base64Value#over}, or
     *        {@code null}
     * @param size the pixels made, {@code WxH}, or {@code null}
     * @param outputFormat {@code jpeg} or {@code png}, or {@code null}
     * @param error why this slot failed, or {@code null}
     */
    record Item(
            @JsonProperty("url") String url,
            @JsonProperty("b64_json") @JsonDeserialize(using = Base64Value.Reader.class) Base64Value b64Json,
            @JsonProperty("size") String size,
            @JsonProperty("output_format") String outputFormat,
            @JsonProperty("error") ApiError error) {
    }

    /**
     * {@code usage}.
     *
     * @param generatedImages how many images were returned in {@code data}, or {@code null}
     */
    record Usage(@JsonProperty("generated_images") Integer generatedImages) {
    }

    /**
     * An error object, at the top level or in a slot.
     *
     * @param code ByteDance's code, such as {@code OutputImageSensitiveContentDetected}, or {@code null}
     * @param message the message, or {@code null}
     */
    record ApiError(@JsonProperty("code") String code, @JsonProperty("message") String message) {
    }
}
