package io.github.seedream4j.spi;

import io.github.seedream4j.SeedreamModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One model version a provider serves, under its own id, and what it takes with it. The limits default to the model's
 * own; a provider whose API takes less declares it, so that validation and estimates refuse such a request before
 * anything is sent, and the limits can be listed.
 *
 * @param model the version
 * @param providerModelId the provider's id for it (an endpoint, a model name, a version hash), or {@code null} when
 *        the provider has no such id (one fixed endpoint)
 * @param imageInputs how it takes reference images; empty when it takes none (text to image only)
 * @param sequential whether it makes sequential sets of related images
 * @param maxReferenceImages the most reference images one request may carry: 1 to the model's
 *        {@link SeedreamModel#maxReferenceImages()}, 0 when it takes none
 * @param maxSetImages the most images a sequential set may ask for: 1 to
 *        {@value SeedreamModel#MAX_SEQUENTIAL_IMAGES}, 0 when it makes no sets
 */
public record ModelOffer(SeedreamModel model, String providerModelId, Set<ImageTransport> imageInputs,
        boolean sequential, int maxReferenceImages, int maxSetImages) {

    /**
     * Checks and copies.
     *
     * @param model the version, never {@code null}
     * @param providerModelId the provider's id, or {@code null}
     * @param imageInputs never {@code null}
     * @param sequential whether sequential sets are made
     * @param maxReferenceImages 0 exactly when {@code imageInputs} is empty, else 1 to the model's most
     * @param maxSetImages 0 exactly when not {@code sequential}, else 1 to
     *        {@value SeedreamModel#MAX_SEQUENTIAL_IMAGES}
     * @throws NullPointerException if {@code model} or {@code imageInputs} is null
     * @throws IllegalArgumentException if a limit is out of its range
     */
    public ModelOffer {
        Objects.requireNonNull(model, "model");
        imageInputs = imageInputs.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(imageInputs));
        int mostReferences = imageInputs.isEmpty() ? 0 : model.maxReferenceImages();
        if (imageInputs.isEmpty() ? maxReferenceImages != 0
                : maxReferenceImages < 1 || maxReferenceImages > mostReferences) {
            throw new IllegalArgumentException("maxReferenceImages " + maxReferenceImages + " of Seedream " + model
                    + " must be " + (imageInputs.isEmpty() ? "0, since it takes no reference images"
                            : "1 to " + mostReferences));
        }
        if (sequential ? maxSetImages < 1 || maxSetImages > SeedreamModel.MAX_SEQUENTIAL_IMAGES : maxSetImages != 0) {
            throw new IllegalArgumentException("maxSetImages " + maxSetImages + " of Seedream " + model + " must be "
                    + (sequential ? "1 to " + SeedreamModel.MAX_SEQUENTIAL_IMAGES : "0, since it makes no sets"));
        }
    }

    /**
     * An offer with the model's own limits: as many reference images as the model takes, sets of up to
     * {@value SeedreamModel#MAX_SEQUENTIAL_IMAGES}.
     *
     * @param model the version, never {@code null}
     * @param providerModelId the provider's id, or {@code null}
     * @param imageInputs never {@code null}
     * @param sequential whether sequential sets are made
     * @throws NullPointerException if {@code model} or {@code imageInputs} is null
     */
    public ModelOffer(SeedreamModel model, String providerModelId, Set<ImageTransport> imageInputs,
            boolean sequential) {
        this(model, providerModelId, imageInputs, sequential,
                Objects.requireNonNull(imageInputs, "imageInputs").isEmpty() ? 0
                        : Objects.requireNonNull(model, "model").maxReferenceImages(),
                sequential ? SeedreamModel.MAX_SEQUENTIAL_IMAGES : 0);
    }

    /**
     * A version served for text to image only.
     *
     * @param model the version, never {@code null}
     * @param providerModelId the provider's id for it, or {@code null}
     * @return the offer
     */
    public static ModelOffer textOnly(SeedreamModel model, String providerModelId) {
        return new ModelOffer(model, providerModelId, Set.of(), false);
    }

    /** {@return whether reference images can be sent at all} */
    public boolean takesImages() {
        return !imageInputs.isEmpty();
    }
}
