package io.github.seedream4j.spi;

import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.PriceModel;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.SizeTier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a provider can do. The client checks every request against it before the provider sees it.
 *
 * @param exactSizes whether the provider takes exact pixels
 * @param minSide the smallest width or height it takes as exact pixels
 * @param maxSide the largest width or height it takes as exact pixels
 * @param tiers the tiers it takes natively (with an aspect ratio); empty when it takes only pixels, in which case
 *        the client turns tiers into pixels with {@link io.github.seedream4j.SizeTable}
 * @param ratios the aspect ratios it takes with a tier
 * @param seed whether it takes a seed
 * @param negativePrompt whether it takes a negative prompt
 * @param safetyToggle whether the safety checker can be switched
 * @param promptEnhancement whether it can enhance the prompt
 * @param maxImagesPerCall how many images one call can produce, at least 1
 * @param pricing how it prices images, for estimates
 * @param resumable whether a job can be waited for again by its id after the caller lost track of it
 * @param extras the provider-specific extra option names it accepts
 * @param models the model versions it serves, each with its own id, image inputs and sequential sets; the first
 *        is not special: {@link #defaultModel()} is 4.0 where served
 */
public record Capabilities(boolean exactSizes, int minSide, int maxSide, Set<SizeTier> tiers, Set<AspectRatio> ratios,
        boolean seed, boolean negativePrompt, boolean safetyToggle, boolean promptEnhancement, int maxImagesPerCall,
        PriceModel pricing, boolean resumable, Set<String> extras, List<ModelOffer> models) {

    /**
     * Copies the sets into unmodifiable ones with a stable iteration order and checks the values.
     *
     * @param exactSizes whether the provider takes exact pixels
     * @param minSide the smallest side in pixels, at least 1
     * @param maxSide the largest side in pixels, from {@code minSide} to {@link Resolution#MAX_SIDE}
     * @param tiers the native tiers, never {@code null}; may be empty only when {@code exactSizes} is true
     * @param ratios the ratios taken with a tier, never {@code null}; not empty when {@code tiers} is not empty
     * @param seed whether it takes a seed
     * @param negativePrompt whether it takes a negative prompt
     * @param safetyToggle whether the safety checker can be switched
     * @param promptEnhancement whether it can enhance the prompt
     * @param maxImagesPerCall at least 1
     * @param pricing the price model, never {@code null}
     * @param resumable whether a job can be waited for again by its id
     * @param extras extra option names, never {@code null}
     * @param models the model versions served, in order, each once; empty means 4.0 alone, text to image only
     * @throws NullPointerException if a set, an element of one, or {@code pricing} is null
     * @throws IllegalArgumentException if the values contradict each other
     */
    public Capabilities {
        // stable iteration order (enum order, then insertion order): Set.copyOf's order changes from one JVM run to
        // the next, and these sets are printed in messages
        tiers = tiers.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(tiers));
        ratios.forEach(r -> Objects.requireNonNull(r, "ratio"));
        extras.forEach(e -> Objects.requireNonNull(e, "extra"));
        ratios = Collections.unmodifiableSet(new LinkedHashSet<>(ratios));
        extras = Collections.unmodifiableSet(new LinkedHashSet<>(extras));
        models = models.isEmpty() ? List.of(ModelOffer.textOnly(SeedreamModel.V4_0, null)) : List.copyOf(models);
        if (models.stream().map(ModelOffer::model).distinct().count() != models.size()) {
            throw new IllegalArgumentException("each model version is offered once: " + models);
        }
        Objects.requireNonNull(pricing, "pricing");
        if (!exactSizes && tiers.isEmpty()) {
            throw new IllegalArgumentException("a provider takes exact sizes, tiers, or both");
        }
        if (minSide < 1 || maxSide < minSide || maxSide > Resolution.MAX_SIDE) {
            throw new IllegalArgumentException("side limits " + minSide + ".." + maxSide + " are not a valid range");
        }
        if (!tiers.isEmpty() && ratios.isEmpty()) {
            throw new IllegalArgumentException("a provider that takes tiers takes at least one aspect ratio");
        }
        if (maxImagesPerCall < 1) {
            throw new IllegalArgumentException("maxImagesPerCall must be at least 1");
        }
    }

    /**
     * {@return a builder starting from: exact sizes 1..{@link Resolution#MAX_SIDE}, no tiers, nothing optional, one
     * image per call, free}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the version used when a request names none: 4.0 where served, else the first offered} */
    public ModelOffer defaultModel() {
        return offer(SeedreamModel.V4_0).orElse(models.get(0));
    }

    /**
     * {@return how this provider serves {@code model}, if it does}
     *
     * @param model the version, never {@code null}
     */
    public Optional<ModelOffer> offer(SeedreamModel model) {
        return models.stream().filter(m -> m.model() == model).findFirst();
    }

    /** Builds {@link Capabilities}. Not thread-safe. */
    public static final class Builder {
        private boolean exactSizes = true;
        private int minSide = 1;
        private int maxSide = Resolution.MAX_SIDE;
        private final Set<SizeTier> tiers = EnumSet.noneOf(SizeTier.class);
        private final Set<AspectRatio> ratios = new LinkedHashSet<>();
        private boolean seed;
        private boolean negativePrompt;
        private boolean safetyToggle;
        private boolean promptEnhancement;
        private int maxImagesPerCall = 1;
        private PriceModel pricing = PriceModel.free();
        private boolean resumable;
        private final Set<String> extras = new LinkedHashSet<>();
        private final List<ModelOffer> models = new ArrayList<>();

        private Builder() {
        }

        /**
         * A model version served, added to those already set. With none, the provider serves 4.0 alone, text to
         * image only, with no id of its own.
         *
         * @param offer the offer, never {@code null}
         * @return this builder
         * @throws NullPointerException if {@code offer} is null
         */
        public Builder model(ModelOffer offer) {
            models.add(Objects.requireNonNull(offer, "offer"));
            return this;
        }

        /**
         * Exact pixels, each side within {@code minSide..maxSide}. The range is checked by {@link #build()}.
         *
         * @param minSide the smallest side in pixels, at least 1
         * @param maxSide the largest side in pixels, from {@code minSide} to {@link Resolution#MAX_SIDE}
         * @return this builder
         */
        public Builder exactSizes(int minSide, int maxSide) {
            this.exactSizes = true;
            this.minSide = minSide;
            this.maxSide = maxSide;
            return this;
        }

        /** {@return this builder} No exact pixels: tiers only. */
        public Builder noExactSizes() {
            this.exactSizes = false;
            return this;
        }

        /**
         * Native tiers at the given ratios, added to those already set.
         *
         * @param tiers the tiers, never {@code null} and holding no {@code null}
         * @param ratios the ratios, never {@code null} and holding no {@code null}
         * @return this builder
         * @throws NullPointerException if a collection or a tier is null
         */
        public Builder tiers(Collection<SizeTier> tiers, Collection<AspectRatio> ratios) {
            this.tiers.addAll(tiers);
            this.ratios.addAll(ratios);
            return this;
        }

        /**
         * Whether seeds are taken.
         *
         * @param seed true if the provider takes a seed
         * @return this builder
         */
        public Builder seed(boolean seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Whether negative prompts are taken.
         *
         * @param negativePrompt true if the provider takes a negative prompt
         * @return this builder
         */
        public Builder negativePrompt(boolean negativePrompt) {
            this.negativePrompt = negativePrompt;
            return this;
        }

        /**
         * Whether the safety checker can be switched.
         *
         * @param safetyToggle true if the caller can switch it on or off
         * @return this builder
         */
        public Builder safetyToggle(boolean safetyToggle) {
            this.safetyToggle = safetyToggle;
            return this;
        }

        /**
         * Whether prompt enhancement is offered.
         *
         * @param promptEnhancement true if the provider can enhance the prompt
         * @return this builder
         */
        public Builder promptEnhancement(boolean promptEnhancement) {
            this.promptEnhancement = promptEnhancement;
            return this;
        }

        /**
         * Images per call.
         *
         * @param maxImagesPerCall at least 1; checked by {@link #build()}
         * @return this builder
         */
        public Builder maxImagesPerCall(int maxImagesPerCall) {
            this.maxImagesPerCall = maxImagesPerCall;
            return this;
        }

        /**
         * The price model.
         *
         * @param pricing the price model, never {@code null} (checked by {@link #build()})
         * @return this builder
         */
        public Builder pricing(PriceModel pricing) {
            this.pricing = pricing;
            return this;
        }

        /**
         * Whether jobs can be resumed by id.
         *
         * @param resumable true if a job can be waited for again by its id
         * @return this builder
         */
        public Builder resumable(boolean resumable) {
            this.resumable = resumable;
            return this;
        }

        /**
         * Provider-specific extra option names, added to those already set.
         *
         * @param names the names, none {@code null}; a repeated name counts once
         * @return this builder
         * @throws NullPointerException if a name is null
         */
        public Builder extras(String... names) {
            for (String name : names) {
                extras.add(java.util.Objects.requireNonNull(name, "name"));
            }
            return this;
        }

        /**
         * The capabilities.
         *
         * @return new capabilities; the builder may be reused
         * @throws NullPointerException if the price model is null
         * @throws IllegalArgumentException if the values contradict each other
         */
        public Capabilities build() {
            return new Capabilities(exactSizes, minSide, maxSide, tiers, ratios, seed, negativePrompt, safetyToggle,
                    promptEnhancement, maxImagesPerCall, pricing, resumable, extras, models);
        }
    }
}
