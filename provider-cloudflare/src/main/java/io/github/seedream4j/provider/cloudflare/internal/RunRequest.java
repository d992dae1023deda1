package io.github.seedream4j.provider.cloudflare.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The body of {@code POST /accounts/{account_id}/ai/run}: the model and its input.
 *
 * @param model the model id, for example {@code bytedance/seedream-4.0}
 * @param input the model's input
 */
public record RunRequest(String model, Input input) {

    /** @throws NullPointerException if a part is null */
    public RunRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(input, "input");
    }

    /**
     * Seedream 4.0's input. The published schema has {@code additionalProperties: false}, so this record holds
     * exactly its keys and unset ones are left out.
     *
     * @param prompt the prompt, required
     * @param size {@code 1K}, {@code 2K}, {@code 4K} or {@code custom}, or {@code null}
     * @param aspectRatio one of the schema's ratios, or {@code null}
     * @param width pixels across, with {@code size: custom}, or {@code null}
     * @param height pixels down, with {@code size: custom}, or {@code null}
     * @param enhancePrompt whether to enhance the prompt, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Input(
            @JsonProperty("prompt") String prompt,
            @JsonProperty("size") String size,
            @JsonProperty("aspect_ratio") String aspectRatio,
            @JsonProperty("width") Integer width,
            @JsonProperty("height") Integer height,
            @JsonProperty("enhance_prompt") Boolean enhancePrompt) {

        /** @throws NullPointerException if the prompt is null */
        public Input {
            Objects.requireNonNull(prompt, "prompt");
        }
    }
}
