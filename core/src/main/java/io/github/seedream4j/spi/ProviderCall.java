package io.github.seedream4j.spi;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.Resolution;
import java.util.Objects;

/**
 * One call to a provider, prepared by the client: the request already holds only options the provider declared
 * (others were refused or turned into warnings), a concrete seed when the provider takes seeds, a size the
 * provider supports, and {@link GenerationRequest#count()} equal to {@link #images()}.
 *
 * @param request the request to send
 * @param resolution the exact pixels expected back
 * @param images how many images this call must produce, at most the provider's images per call
 * @param callIndex which call of the fan-out, from 0
 */
public record ProviderCall(GenerationRequest request, Resolution resolution, int images, int callIndex) {

    /**
     * Checks the parts.
     *
     * @param request the request to send, never {@code null}
     * @param resolution the exact pixels expected back, never {@code null}
     * @param images at least 1
     * @param callIndex from 0
     * @throws NullPointerException if a part is null
     * @throws IllegalArgumentException if {@code images} is below 1
     */
    public ProviderCall {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(resolution, "resolution");
        if (images < 1) {
            throw new IllegalArgumentException("a call produces at least one image, not " + images);
        }
    }
}
