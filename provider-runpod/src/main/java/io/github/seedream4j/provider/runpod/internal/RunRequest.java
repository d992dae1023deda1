package io.github.seedream4j.provider.runpod.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.spi.ProviderCall;
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

    /** The request for {@code call}: the prompt, the exact size as {@code W*H}, and the options the call holds. */
    static RunRequest of(ProviderCall call) {
        GenerationRequest r = call.request();
        return new RunRequest(new Input(r.prompt().text(), r.negativePrompt().map(p -> p.text()).orElse(null),
                call.resolution().width() + "*" + call.resolution().height(),
                r.seed().map(s -> s.value()).orElse(null), r.safetyChecker().orElse(null)));
    }

    /**
     * Seedream 4.0's input on Runpod.
     *
     * @param prompt the prompt
     * @param negativePrompt what to avoid, or {@code null}
     * @param size {@code W*H} in pixels
     * @param seed the seed, or {@code null}
     * @param enableSafetyChecker the safety checker switch, or {@code null}
     */
    record Input(
            @JsonProperty("prompt") String prompt,
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
