package io.github.seedream4j.provider.replicate.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SizeTable;
import io.github.seedream4j.UnsupportedOptionException;
import io.github.seedream4j.spi.ProviderCall;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /models/{owner}/{name}/predictions}: {@code {"input": {...}}}, exact to the model's input
 * schema ({@link ReplicateModel}). Unset values are left out (the mapper writes no nulls), so Replicate applies its
 * own defaults, except {@code sequential_image_generation}, which is always sent: whether a call may make (and be
 * charged for) several images is never left to a default.
 *
 * @param input the model's input
 */
record CreatePrediction(@JsonProperty("input") Input input) {

    /** The most bytes of inline images one prediction carries: the limit Replicate's JavaScript client keeps. */
    static final long MAX_INLINE_BYTES = 10_000_000L;

    CreatePrediction {
        Objects.requireNonNull(input, "input");
    }

    /**
     * The body for {@code call}, or an exception when the model's schema cannot express it; nothing is sent then.
     *
     * @throws InvalidRequestException for a size or prompt the model's schema does not take, or inline images over
     *         {@link #MAX_INLINE_BYTES}
     * @throws UnsupportedOptionException for prompt enhancement on a model without {@code enhance_prompt}
     */
    static CreatePrediction of(ProviderCall call) {
        ReplicateModel m = ReplicateModel.of(call.model().model());
        GenerationRequest r = call.request();
        String prompt = r.prompt().text();
        if (m.maxPromptLength > 0 && prompt.length() > m.maxPromptLength) {
            throw invalid("the prompt is " + prompt.length() + " characters long; " + m.id + " takes at most "
                    + m.maxPromptLength + ": shorten it");
        }
        Boolean enhance = r.enhancePrompt().orElse(null);
        if (enhance != null && !m.enhancePrompt) {
            throw new UnsupportedOptionException("provider replicate cannot honour prompt enhancement "
                    + (enhance ? "on" : "off") + " with Seedream " + m.model + ": " + m.id + " has no enhance_prompt "
                    + "input. Remove the option, or ask for model 4.0", "replicate", null, null);
        }

        String size;
        String ratio = null;
        Integer width = null;
        Integer height = null;
        ImageSize asked = r.size();
        if (asked instanceof ImageSize.Tiered t && m.tiers) {
            size = t.tier().label();
            ratio = t.ratio().toString(); // prints 21:9 for the reduced 7:3, as the schema's enum spells it
        } else if (m.custom) {
            Resolution px = call.resolution();
            if (px.width() < ReplicateModel.MIN_SIDE || px.height() < ReplicateModel.MIN_SIDE
                    || px.width() > ReplicateModel.MAX_SIDE || px.height() > ReplicateModel.MAX_SIDE) {
                throw invalid(describe(asked, px) + " cannot be made on " + m.id + ", which takes width and height from "
                        + ReplicateModel.MIN_SIDE + " to " + ReplicateModel.MAX_SIDE + " pixels: ask for exact pixels "
                        + "within that range, such as 4096x2304");
            }
            size = "custom";
            width = px.width();
            height = px.height();
        } else {
            ImageSize.Tiered t = SizeTable.lookup(m.model, call.resolution()).orElseThrow(() -> invalid(
                    "size " + call.resolution() + " cannot be made on " + m.id + ", which takes only tiers "
                            + m.model.tiers() + " with an aspect ratio: ask for a tier, such as 2K at 16:9"));
            size = t.tier().label();
            ratio = t.ratio().toString();
        }

        List<String> images = call.inputs().isEmpty() ? null : call.inputs();
        long inline = call.inputs().stream().mapToLong(CreatePrediction::inlineBytes).sum();
        if (inline > MAX_INLINE_BYTES) {
            throw invalid("the reference images held as bytes add up to " + inline + " bytes; Replicate takes at most "
                    + MAX_INLINE_BYTES + " bytes inline in one prediction: pass the larger images as https URLs");
        }
        boolean set = call.sequential();
        return new CreatePrediction(new Input(prompt, images, size, ratio, width, height, set ? "auto" : "disabled",
                set ? call.images() : null, enhance));
    }

    /** {@return the decoded size of a {@code data:...;base64,} URI, or 0 for a URL} */
    static long inlineBytes(String input) {
        if (!input.startsWith("data:")) {
            return 0;
        }
        int comma = input.indexOf(',');
        long chars = input.length() - comma - 1L;
        long padding = input.endsWith("==") ? 2 : input.endsWith("=") ? 1 : 0;
        return chars / 4 * 3 - padding;
    }

    private static String describe(ImageSize asked, Resolution px) {
        return asked instanceof ImageSize.Tiered t ? "tier " + t.tier() + " at " + t.ratio() + " (" + px + ")"
                : "size " + px;
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException("provider replicate: " + message, "replicate", null, null);
    }

    /**
     * The input of {@code bytedance/seedream-4}, {@code -4.5} and {@code -5-lite}.
     *
     * @param prompt the prompt
     * @param imageInput the reference images, URLs or data URIs, or {@code null} for none
     * @param size a tier label such as {@code 2K}, or {@code custom}
     * @param aspectRatio the ratio with a tier, such as {@code 16:9}, or {@code null}
     * @param width the width with {@code custom}, or {@code null}
     * @param height the height with {@code custom}, or {@code null}
     * @param sequentialImageGeneration {@code auto} for a set, {@code disabled} for one image
     * @param maxImages the most images of a set, or {@code null}
     * @param enhancePrompt the prompt-enhancement switch, or {@code null}
     */
    record Input(
            @JsonProperty("prompt") String prompt,
            @JsonProperty("image_input") List<String> imageInput,
            @JsonProperty("size") String size,
            @JsonProperty("aspect_ratio") String aspectRatio,
            @JsonProperty("width") Integer width,
            @JsonProperty("height") Integer height,
            @JsonProperty("sequential_image_generation") String sequentialImageGeneration,
            @JsonProperty("max_images") Integer maxImages,
            @JsonProperty("enhance_prompt") Boolean enhancePrompt) {

        Input {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(sequentialImageGeneration, "sequentialImageGeneration");
            imageInput = imageInput == null ? null : List.copyOf(imageInput);
        }
    }
}
