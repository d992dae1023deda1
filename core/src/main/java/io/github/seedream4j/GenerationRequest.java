package io.github.seedream4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

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
    private final List<ReferenceImage> images;
    private final SeedreamModel model;
    private final Integer maxImages;

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
        this.images = List.copyOf(b.images);
        this.model = b.model;
        if (b.maxImages != null && (b.maxImages < 1 || b.maxImages > SeedreamModel.MAX_SEQUENTIAL_IMAGES)) {
            throw new InvalidRequestException("max images " + b.maxImages + " is out of range: a sequential set has 1 to "
                    + SeedreamModel.MAX_SEQUENTIAL_IMAGES + " images");
        }
        if (b.maxImages != null && b.count != 1) {
            throw new InvalidRequestException("a request asks either for " + b.count + " independent images (count) or "
                    + "for a sequential set of up to " + b.maxImages + " related images (max images), not both; "
                    + "send one request per set");
        }
        this.maxImages = b.maxImages;
        int perCall = maxImages != null ? maxImages : 1;
        if (images.size() + perCall > SeedreamModel.MAX_TOTAL_IMAGES) {
            throw new InvalidRequestException(images.size() + " reference images and up to " + perCall + " generated "
                    + "images make " + (images.size() + perCall) + "; Seedream takes at most "
                    + SeedreamModel.MAX_TOTAL_IMAGES + " images in and out together: use fewer reference images or ask "
                    + "for fewer images");
        }
    }

    /** {@return the most images this request can produce: its count, or the size of its sequential set} */
    public int outputs() {
        return maxImages != null ? maxImages : count;
    }

    /**
     * A request for one image of {@code prompt} at the default size.
     *
     * @param prompt the prompt text, as for {@link Prompt#of(String)}
     * @return the request, never {@code null}
     * @throws InvalidRequestException if the prompt is null, blank or too long
     */
    public static GenerationRequest of(String prompt) {
        return builder(prompt).build();
    }

    /**
     * A builder starting from {@code prompt}.
     *
     * @param prompt the prompt text, as for {@link Prompt#of(String)}
     * @return a new builder with every other option unset and a count of 1
     * @throws InvalidRequestException if the prompt is null, blank or too long
     */
    public static Builder builder(String prompt) {
        return new Builder().prompt(Prompt.of(prompt));
    }

    /** {@return a new builder holding this request's values} Changing it does not change this request. */
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
        b.images.addAll(images);
        b.model = model;
        b.maxImages = maxImages;
        return b;
    }

    /** {@return the prompt, never {@code null}} */
    public Prompt prompt() {
        return prompt;
    }

    /** {@return what the image should not contain, when given} */
    public Optional<Prompt> negativePrompt() {
        return Optional.ofNullable(negativePrompt);
    }

    /** {@return the size asked for; {@link #DEFAULT_SIZE} when none was given} Never {@code null}. */
    public ImageSize size() {
        return size;
    }

    /** {@return the seed, when given} The client picks and reports one when it is absent. */
    public Optional<Seed> seed() {
        return Optional.ofNullable(seed);
    }

    /** {@return how many images to generate, 1 to {@link #MAX_COUNT}} */
    public int count() {
        return count;
    }

    /** {@return whether the provider's safety checker should run, when given} */
    public Optional<Boolean> safetyChecker() {
        return Optional.ofNullable(safetyChecker);
    }

    /** {@return whether the provider should rewrite the prompt to improve it, when given} */
    public Optional<Boolean> enhancePrompt() {
        return Optional.ofNullable(enhancePrompt);
    }

    /**
     * {@return provider-specific options by name (strings, numbers and booleans), passed only to providers that
     * declare them} The map is unmodifiable and may be empty, never {@code null}.
     */
    public Map<String, Object> extras() {
        return extras;
    }

    /**
     * A copy with another size.
     *
     * @param size the new size; {@code null} means {@link #DEFAULT_SIZE}
     * @return a new request; this one is unchanged
     */
    public GenerationRequest withSize(ImageSize size) {
        return toBuilder().size(size).build();
    }

    /**
     * A copy with a seed; {@code null} removes it.
     *
     * @param seed the seed, or {@code null} to let the client pick one
     * @return a new request; this one is unchanged
     */
    public GenerationRequest withSeed(Seed seed) {
        return toBuilder().seed(seed).build();
    }

    /**
     * A copy asking for {@code count} images.
     *
     * @param count 1 to {@link #MAX_COUNT}
     * @return a new request; this one is unchanged
     * @throws InvalidRequestException if {@code count} is out of range
     */
    public GenerationRequest withCount(int count) {
        return toBuilder().count(count).build();
    }

    /**
     * A copy with a negative prompt; {@code null} removes it.
     *
     * @param negativePrompt what the image should not contain, or {@code null}
     * @return a new request; this one is unchanged
     * @throws InvalidRequestException if {@code negativePrompt} is blank or longer than {@link Prompt#MAX_LENGTH}
     */
    public GenerationRequest withNegativePrompt(String negativePrompt) {
        return toBuilder().negativePrompt(negativePrompt).build();
    }

    /**
     * A copy with the safety checker set; {@code null} leaves it to the provider.
     *
     * @param enabled whether the safety checker runs, or {@code null}
     * @return a new request; this one is unchanged
     */
    public GenerationRequest withSafetyChecker(Boolean enabled) {
        return toBuilder().safetyChecker(enabled).build();
    }

    /**
     * A copy with prompt enhancement set; {@code null} leaves it to the provider.
     *
     * @param enabled whether the provider enhances the prompt, or {@code null}
     * @return a new request; this one is unchanged
     */
    public GenerationRequest withEnhancePrompt(Boolean enabled) {
        return toBuilder().enhancePrompt(enabled).build();
    }

    /**
     * {@return the reference images, in order: unmodifiable, empty for plain text-to-image}
     */
    public List<ReferenceImage> images() {
        return images;
    }

    /** {@return the model version asked for; empty leaves it to the provider's default (4.0 where served)} */
    public Optional<SeedreamModel> model() {
        return Optional.ofNullable(model);
    }

    /**
     * {@return the size of the sequential set asked for: the model then makes 1 to this many related images and
     * decides how many; empty for independent images}
     */
    public OptionalInt maxImages() {
        return maxImages == null ? OptionalInt.empty() : OptionalInt.of(maxImages);
    }

    /**
     * A copy with these reference images instead, in order.
     *
     * @param images the images, never {@code null} and holding no {@code null}
     * @return the new request
     * @throws InvalidRequestException if inputs and outputs together are more than the model takes
     */
    public GenerationRequest withImages(List<ReferenceImage> images) {
        Builder b = toBuilder();
        b.images.clear();
        return b.images(images).build();
    }

    /**
     * A copy for another model version.
     *
     * @param model the version, or {@code null} for the provider's default
     * @return the new request
     */
    public GenerationRequest withModel(SeedreamModel model) {
        return toBuilder().model(model).build();
    }

    /**
     * A copy asking for a sequential set of up to {@code maxImages} related images.
     *
     * @param maxImages 1 to {@link SeedreamModel#MAX_SEQUENTIAL_IMAGES}, or {@code null} for none
     * @return the new request
     * @throws InvalidRequestException if out of range, or the count is not 1
     */
    public GenerationRequest withMaxImages(Integer maxImages) {
        return toBuilder().maxImages(maxImages).build();
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
                && Objects.equals(enhancePrompt, r.enhancePrompt) && extras.equals(r.extras) && images.equals(r.images)
                && model == r.model && Objects.equals(maxImages, r.maxImages);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prompt, negativePrompt, size, seed, count, safetyChecker, enhancePrompt, extras, images,
                model, maxImages);
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
        if (model != null) {
            s.append(", model=").append(model);
        }
        if (maxImages != null) {
            s.append(", maxImages=").append(maxImages);
        }
        if (!images.isEmpty()) {
            s.append(", images=").append(images.stream().map(ReferenceImage::origin).toList());
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
        private final List<ReferenceImage> images = new ArrayList<>();
        private SeedreamModel model;
        private Integer maxImages;

        private Builder() {
        }

        /**
         * Adds a reference image, after those already added.
         *
         * @param image the image, never {@code null}
         * @return this builder
         * @throws NullPointerException if {@code image} is null
         */
        public Builder image(ReferenceImage image) {
            images.add(Objects.requireNonNull(image, "image"));
            return this;
        }

        /**
         * Adds reference images, in order, after those already added.
         *
         * @param images the images, never {@code null} and holding no {@code null}
         * @return this builder
         * @throws NullPointerException if {@code images} or one of them is null
         */
        public Builder images(List<ReferenceImage> images) {
            images.forEach(this::image);
            return this;
        }

        /**
         * The model version; {@code null} (the default) leaves it to the provider, which uses 4.0 where it serves it.
         *
         * @param model the version, or {@code null}
         * @return this builder
         */
        public Builder model(SeedreamModel model) {
            this.model = model;
            return this;
        }

        /**
         * Asks for a sequential set of up to {@code maxImages} related images (a storyboard, variations of one
         * character); the model decides how many, from 1. {@code null} (the default) asks for independent images.
         *
         * @param maxImages 1 to {@link SeedreamModel#MAX_SEQUENTIAL_IMAGES}, or {@code null}
         * @return this builder
         */
        public Builder maxImages(Integer maxImages) {
            this.maxImages = maxImages;
            return this;
        }

        /**
         * The prompt; required.
         *
         * @param prompt the prompt, never {@code null}
         * @return this builder
         * @throws NullPointerException if {@code prompt} is null
         */
        public Builder prompt(Prompt prompt) {
            this.prompt = Objects.requireNonNull(prompt, "prompt");
            return this;
        }

        /**
         * The prompt text; required.
         *
         * @param prompt the prompt text, as for {@link Prompt#of(String)}
         * @return this builder
         * @throws InvalidRequestException if the text is null, blank or too long
         */
        public Builder prompt(String prompt) {
            return prompt(Prompt.of(prompt));
        }

        /**
         * A negative prompt; {@code null} removes it.
         *
         * @param negativePrompt what the image should not contain, or {@code null}
         * @return this builder
         * @throws InvalidRequestException if the text is blank or longer than {@link Prompt#MAX_LENGTH}
         */
        public Builder negativePrompt(String negativePrompt) {
            this.negativePrompt = negativePrompt == null ? null : Prompt.of(negativePrompt);
            return this;
        }

        /**
         * The size; {@code null} means {@link #DEFAULT_SIZE}.
         *
         * @param size the size, or {@code null}
         * @return this builder
         */
        public Builder size(ImageSize size) {
            this.size = size;
            return this;
        }

        /**
         * Exact pixels.
         *
         * @param width pixels across, 1 to {@link Resolution#MAX_SIDE}
         * @param height pixels down, 1 to {@link Resolution#MAX_SIDE}
         * @return this builder
         * @throws InvalidRequestException if a side is out of range
         */
        public Builder size(int width, int height) {
            return size(ImageSize.exact(width, height));
        }

        /**
         * A tier at a ratio.
         *
         * @param tier the tier, never {@code null}
         * @param ratio one of {@link AspectRatio#SEEDREAM_RATIOS}
         * @return this builder
         * @throws InvalidRequestException if a part is null or {@link SizeTable} has no size for the pair
         */
        public Builder size(SizeTier tier, AspectRatio ratio) {
            return size(ImageSize.tiered(tier, ratio));
        }

        /**
         * A seed; {@code null} lets the client pick one.
         *
         * @param seed the seed, or {@code null}
         * @return this builder
         */
        public Builder seed(Seed seed) {
            this.seed = seed;
            return this;
        }

        /**
         * A seed from 0 to {@link Seed#MAX}.
         *
         * @param seed 0 to {@link Seed#MAX}
         * @return this builder
         * @throws InvalidRequestException if {@code seed} is out of range
         */
        public Builder seed(long seed) {
            return seed(Seed.of(seed));
        }

        /**
         * How many images, 1 to {@link #MAX_COUNT}. The range is checked by {@link #build()}.
         *
         * @param count 1 to {@link #MAX_COUNT}
         * @return this builder
         */
        public Builder count(int count) {
            this.count = count;
            return this;
        }

        /**
         * Whether the provider's safety checker runs; {@code null} leaves it to the provider.
         *
         * @param enabled whether the safety checker runs, or {@code null}
         * @return this builder
         */
        public Builder safetyChecker(Boolean enabled) {
            this.safetyChecker = enabled;
            return this;
        }

        /**
         * Whether the provider enhances the prompt; {@code null} leaves it to the provider.
         *
         * @param enabled whether the provider enhances the prompt, or {@code null}
         * @return this builder
         */
        public Builder enhancePrompt(Boolean enabled) {
            this.enhancePrompt = enabled;
            return this;
        }

        /**
         * A provider-specific option. Values are strings, numbers or booleans. A second call with the same name
         * replaces the value.
         *
         * @param name the option's name, not blank
         * @param value a {@link String}, {@link Number} or {@link Boolean}; never {@code null}
         * @return this builder
         * @throws InvalidRequestException if the name is null or blank, or the value is null or of another type
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

        /**
         * Removes a provider-specific option; does nothing when it is not set.
         *
         * @param name the option's name
         * @return this builder
         */
        public Builder removeExtra(String name) {
            extras.remove(name);
            return this;
        }

        /**
         * The request.
         *
         * @return a new, immutable request; the builder may be reused
         * @throws InvalidRequestException if the count or the set size is out of range, both are given, or inputs
         *         and outputs together are more than {@link SeedreamModel#MAX_TOTAL_IMAGES}
         */
        public GenerationRequest build() {
            if (prompt == null) {
                throw new InvalidRequestException("a request needs a prompt");
            }
            return new GenerationRequest(this);
        }
    }
}
