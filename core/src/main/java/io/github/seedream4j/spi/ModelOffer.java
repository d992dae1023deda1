package io.github.seedream4j.spi;

import io.github.seedream4j.SeedreamModel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One model version a provider serves, under its own id, and what it takes with it.
 *
 * @param model the version
 * @param providerModelId the provider's id for it (an endpoint, a model name, a version hash), or {@code null} when
 *        the provider has no such id (one fixed endpoint)
 * @param imageInputs how it takes reference images; empty when it takes none (text to image only)
 * @param sequential whether it makes sequential sets of related images
 */
public record ModelOffer(SeedreamModel model, String providerModelId, Set<ImageTransport> imageInputs,
        boolean sequential) {

    /**
     * Checks and copies.
     *
     * @param model the version, never {@code null}
     * @param providerModelId the provider's id, or {@code null}
     * @param imageInputs never {@code null}
     * @param sequential whether sequential sets are made
     * @throws NullPointerException if {@code model} or {@code imageInputs} is null
     */
    public ModelOffer {
        Objects.requireNonNull(model, "model");
        imageInputs = imageInputs.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(imageInputs));
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
