package io.github.seedream4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to generate: a prompt, a size, and the optional knobs Seedream offers. Immutable; build one with
 * {@link #of(String)} and the {@code withX} withers, or with {@link #builder(String)}.
 *
 * <pre>{@code
 * GenerationRequest request = GenerationRequest.of("a lighthouse at dawn")
 *         .withSize(ImageSize.tiered(SizeTier.TWO_K, AspectRatio.RATIO_16_9))
 *         .withSeed(Seed.of(7));
 * }</pre>
 *
 * <p>An option left unset means "the provider's default". Options the chosen provider cannot honour are refused
 * or turned into warnings by the client's {@link UnsupportedOptionPolicy}; they are never dropped silently.
 */
public final class GenerationRequest {

    /** The most images one request may ask for; larger workloads belong in a batch. */
    public static final int MAX_COUNT = 16;

    /** The size used when none is given: 2K at 1:1, that is 2048 x 2048, the model's own default. */
    public static final ImageSize DEFAULT_SIZE = ImageSize.tiered(SizeTier.TWO_K, AspectRatio.RATIO_1_1);

    private final Prompt prompt;
    private final Prompt negativePrompt;
    private final ImageSize size;
    private final Seed seed;
    private final int count;
    private final Boolean safetyChecker;
    private final Boolean enhancePrompt;
    private final Map<String, Object> extras;

    private GenerationRequest(Builder b) {
        this.prompt = Objects.requireNonNull(b.prompt, "prompt");
        this.negativePrompt = b.negativePrompt;
        this.size = b.size == null ? DEFAULT_SIZE : b.size;
        this.seed = b.seed;
        if (b.count < 1 || b.count > MAX_COUNT) {
            throw new InvalidRequestException("image count " + b.count + " is out of range: ask for 1 to " + MAX_COUNT
                    + " images per request, and use a batch for more");
        }
        this.count = b.count;
        this.safetyChecker = b.safetyChecker;
        this.enhancePrompt = b.enhancePrompt;
        this.extras = Map.copyOf(b.extras);
    }

    /**
     * A request for one image of {@code prompt} at the default size.
     *
     * @throws InvalidRequestException if the prompt is blank or too long
     */
    public static GenerationRequest of(String prompt) {
        return builder(prompt).build();
    }

    /**
     * A builder starting from {@code prompt}.
     *
     * @throws InvalidRequestException if the prompt is blank or too long
     */
    public static Builder builder(String prompt) {
        return new Builder().prompt(Prompt.of(prompt));
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.prompt = prompt;
        b.negativePrompt = negativePrompt;
        b.size = size;
        b.seed = seed;
        b.count = count;
        b.safetyChecker = safetyChecker;
        b.enhancePrompt = enhancePrompt;
        b.extras.putAll(extras);
        return b;
    }

    /** The prompt. */
    public Prompt prompt() {
        return prompt;
    }

    /** What the image should not contain, when given. */
    public Optional<Prompt> negativePrompt() {
        return Optional.ofNullable(negativePrompt);
    }

    /** The size asked for; {@link #DEFAULT_SIZE} when none was given. */
    public ImageSize size() {
        return size;
    }

    /** The seed, when given. The client picks and reports one when it is absent. */
    public Optional<Seed> seed() {
        return Optional.ofNullable(seed);
    }

    /** How many images to generate, 1 to {@link #MAX_COUNT}. */
    public int count() {
        return count;
    }

    /** Whether the provider's safety checker should run, when given. */
    public Optional<Boolean> safetyChecker() {
        return Optional.ofNullable(safetyChecker);
    }

    /** Whether the provider should rewrite the prompt to improve it, when given. */
    public Optional<Boolean> enhancePrompt() {
        return Optional.ofNullable(enhancePrompt);
    }

    /** Provider-specific options by name (strings, numbers and booleans), passed only to providers that declare them. */
    public Map<String, Object> extras() {
        return extras;
    }

    /** A copy with another size. */
    public GenerationRequest withSize(ImageSize size) {
        return toBuilder().size(size).build();
    }

    /** A copy with a seed; {@code null} removes it. */
    public GenerationRequest withSeed(Seed seed) {
        return toBuilder().seed(seed).build();
    }

    /** A copy asking for {@code count} images. */
    public GenerationRequest withCount(int count) {
        return toBuilder().count(count).build();
    }

    /** A copy with a negative prompt; {@code null} removes it. */
    public GenerationRequest withNegativePrompt(String negativePrompt) {
        return toBuilder().negativePrompt(negativePrompt).build();
    }

    /** A copy with the safety checker set; {@code null} leaves it to the provider. */
    public GenerationRequest withSafetyChecker(Boolean enabled) {
        return toBuilder().safetyChecker(enabled).build();
    }

    /** A copy with prompt enhancement set; {@code null} leaves it to the provider. */
    public GenerationRequest withEnhancePrompt(Boolean enabled) {
        return toBuilder().enhancePrompt(enabled).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GenerationRequest)) {
            return false;
        }
        GenerationRequest r = (GenerationRequest) o;
        return count == r.count && prompt.equals(r.prompt) && Objects.equals(negativePrompt, r.negativePrompt)
                && size.equals(r.size) && Objects.equals(seed, r.seed) && Objects.equals(safetyChecker, r.safetyChecker)
                && Objects.equals(enhancePrompt, r.enhancePrompt) && extras.equals(r.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prompt, negativePrompt, size, seed, count, safetyChecker, enhancePrompt, extras);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("GenerationRequest[prompt=\"").append(abbreviate(prompt.text()))
                .append("\", size=").append(size);
        if (negativePrompt != null) {
            s.append(", negativePrompt=\"").append(abbreviate(negativePrompt.text())).append('"');
        }
        if (seed != null) {
            s.append(", seed=").append(seed);
        }
        if (count != 1) {
            s.append(", count=").append(count);
        }
        if (safetyChecker != null) {
            s.append(", safetyChecker=").append(safetyChecker);
        }
        if (enhancePrompt != null) {
            s.append(", enhancePrompt=").append(enhancePrompt);
        }
        if (!extras.isEmpty()) {
            s.append(", extras=").append(extras.keySet());
        }
        return s.append(']').toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** Builds a {@link GenerationRequest}. Not thread-safe. */
    public static final class Builder {
        private Prompt prompt;
        private Prompt negativePrompt;
        private ImageSize size;
        private Seed seed;
        private int count = 1;
        private Boolean safetyChecker;
        private Boolean enhancePrompt;
        private final Map<String, Object> extras = new LinkedHashMap<>();

        private Builder() {
        }

        /** The prompt; required. */
        public Builder prompt(Prompt prompt) {
            this.prompt = Objects.requireNonNull(prompt, "prompt");
            return this;
        }

        /** The prompt text; required. */
        public Builder prompt(String prompt) {
            return prompt(Prompt.of(prompt));
        }

        /** A negative prompt; {@code null} removes it. */
        public Builder negativePrompt(String negativePrompt) {
            this.negativePrompt = negativePrompt == null ? null : Prompt.of(negativePrompt);
            return this;
        }

        /** The size; {@code null} means {@link #DEFAULT_SIZE}. */
        public Builder size(ImageSize size) {
            this.size = size;
            return this;
        }

        /** Exact pixels. */
        public Builder size(int width, int height) {
            return size(ImageSize.exact(width, height));
        }

        /** A tier at a ratio. */
        public Builder size(SizeTier tier, AspectRatio ratio) {
            return size(ImageSize.tiered(tier, ratio));
        }

        /** A seed; {@code null} lets the client pick one. */
        public Builder seed(Seed seed) {
            this.seed = seed;
            return this;
        }

        /** A seed from 0 to {@link Seed#MAX}. */
        public Builder seed(long seed) {
            return seed(Seed.of(seed));
        }

        /** How many images, 1 to {@link #MAX_COUNT}. */
        public Builder count(int count) {
            this.count = count;
            return this;
        }

        /** Whether the provider's safety checker runs; {@code null} leaves it to the provider. */
        public Builder safetyChecker(Boolean enabled) {
            this.safetyChecker = enabled;
            return this;
        }

        /** Whether the provider enhances the prompt; {@code null} leaves it to the provider. */
        public Builder enhancePrompt(Boolean enabled) {
            this.enhancePrompt = enabled;
            return this;
        }

        /**
         * A provider-specific option. Values are strings, numbers or booleans.
         *
         * @throws InvalidRequestException if the name is blank or the value is of another type
         */
        public Builder extra(String name, Object value) {
            if (name == null || name.isBlank()) {
                throw new InvalidRequestException("an extra option needs a non-blank name");
            }
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new InvalidRequestException("extra option '" + name + "' has a value of type "
                        + (value == null ? "null" : value.getClass().getSimpleName())
                        + "; use a string, a number or a boolean");
            }
            extras.put(name, value);
            return this;
        }

        /** Removes a provider-specific option. */
        public Builder removeExtra(String name) {
            extras.remove(name);
            return this;
        }

        /**
         * The request.
         *
         * @throws InvalidRequestException if the count is out of range
         */
        public GenerationRequest build() {
            if (prompt == null) {
                throw new InvalidRequestException("a request needs a prompt");
            }
            return new GenerationRequest(this);
        }
    }
}
