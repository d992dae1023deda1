package io.github.seedream4j.spi;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamModel;
import java.util.List;
import java.util.Objects;

/**
 * One call to a provider, prepared by the client: the request already holds only options the provider declared
 * (others were refused or turned into warnings), a concrete seed when the provider takes seeds, a size the
 * provider supports for the model, and {@link GenerationRequest#count()} equal to {@link #images()} (or, for a
 * sequential set, {@link GenerationRequest#maxImages()} equal to it).
 *
 * @param request the request to send
 * @param resolution the exact pixels expected back
 * @param images how many images this call must produce, at most the provider's images per call; for a sequential
 *        set the most it may produce (the model decides, from 1)
 * @param callIndex which call of the fan-out, from 0
 * @param model the model version and the provider's id for it
 * @param inputs the reference images, in order, each as the provider takes it: an {@code https} URL or a
 *        {@code data:} URI; empty for text to image
 */
public record ProviderCall(GenerationRequest request, Resolution resolution, int images, int callIndex,
        ModelOffer model, List<String> inputs) {

    /**
     * Checks the parts.
     *
     * @param request the request to send, never {@code null}
     * @param resolution the exact pixels expected back, never {@code null}
     * @param images at least 1
     * @param callIndex from 0
     * @param model never {@code null}
     * @param inputs never {@code null}
     * @throws NullPointerException if a part is null
     * @throws IllegalArgumentException if {@code images} is below 1
     */
    public ProviderCall {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(model, "model");
        inputs = List.copyOf(inputs);
        if (images < 1) {
            throw new IllegalArgumentException("a call produces at least one image, not " + images);
        }
    }

    /**
     * A text-to-image call on Seedream 4.0, for tests of providers.
     *
     * @param request the request to send, never {@code null}
     * @param resolution the exact pixels expected back, never {@code null}
     * @param images at least 1
     * @param callIndex from 0
     */
    public ProviderCall(GenerationRequest request, Resolution resolution, int images, int callIndex) {
        this(request, resolution, images, callIndex, ModelOffer.textOnly(SeedreamModel.V4_0, null), List.of());
    }

    /** {@return whether this call asks for a sequential set of related images rather than independent ones} */
    public boolean sequential() {
        return request.maxImages().isPresent();
    }
}
