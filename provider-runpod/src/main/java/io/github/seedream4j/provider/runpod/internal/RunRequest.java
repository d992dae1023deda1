package io.github.seedream4j.provider.runpod.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.spi.ProviderCall;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /{endpoint}/run}: {@code {"input": {...}}}. Unset options are left out (the mapper writes
 * no nulls), so Runpod applies its own defaults.
 *
 * @param input the model's input
 */
record RunRequest(Input input) {

    RunRequest {
        Objects.requireNonNull(input, "input");
    }

    /**
     * The request for {@code call}: the prompt, the exact size as {@code W*H}, and the options the call holds. A call
     * with reference images goes to the edit endpoint, which documents {@code images} but no seed and no negative
     * prompt: neither is sent there.
     */
    static RunRequest of(ProviderCall call) {
        GenerationRequest r = call.request();
        String size = call.resolution().width() + "*" + call.resolution().height();
        Boolean safety = r.safetyChecker().orElse(null);
        if (isEdit(call)) {
            return new RunRequest(new Input(r.prompt().text(), call.inputs(), null, size, null, safety));
        }
        return new RunRequest(new Input(r.prompt().text(), null, r.negativePrompt().map(p -> p.text()).orElse(null),
                size, r.seed().map(s -> s.value()).orElse(null), safety));
    }

    /** {@return whether {@code call} goes to the edit endpoint: it has reference images} */
    static boolean isEdit(ProviderCall call) {
        return !call.inputs().isEmpty();
    }

    /**
     * Seedream 4.0's input on Runpod, for {@code seedream-v4-t2i} and {@code seedream-v4-edit}.
     *
     * @param prompt the prompt
     * @param images the reference images' URLs in order (edit only), or {@code null}
     * @param negativePrompt what to avoid (text to image only), or {@code null}
     * @param size {@code W*H} in pixels
     * @param seed the seed (text to image only), or {@code null}
     * @param enableSafetyChecker the safety checker switch, or {@code null}
     */
    record Input(
            @JsonProperty("prompt") String prompt,
            @JsonProperty("images") List<String> images,
            @JsonProperty("negative_prompt") String negativePrompt,
            @JsonProperty("size") String size,
            @JsonProperty("seed") Long seed,
            @JsonProperty("enable_safety_checker") Boolean enableSafetyChecker) {

        Input {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(size, "size");
        }
    }
}
