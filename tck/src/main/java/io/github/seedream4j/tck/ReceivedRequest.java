package io.github.seedream4j.tck;

import java.util.List;

/**
 * One generation request as the provider's API received it, seen by the test's stub: what the kit compares with
 * what it asked for in its checks of reference images, sequential sets and model versions. Returned by
 * {@link ImageProviderCompatibilityKit#receivedRequests()}.
 *
 * @param model the text that names the model version on the wire: the request's model field, or the path the
 *        request went to (for example {@code /v1/models/bytedance/seedream-4.5/predictions}); {@code null} when
 *        nothing on the wire names it. The kit expects the provider's own id for the version
 *        ({@link io.github.seedream4j.spi.ModelOffer#providerModelId()}) in it, and no longer id of another version
 * @param images the reference images in the order the API received them, each a URL or a {@code data:} URI, as
 *        sent (an API that takes bare Base64 is given back {@code data:<media type>;base64,<Base64>}); {@code null}
 *        or empty for none
 * @param maxImages the most images of a sequential set the request asked for (for example {@code max_images}), or
 *        {@code null} when it asked for no set
 */
public record ReceivedRequest(String model, List<String> images, Integer maxImages) {

    /**
     * Copies the images.
     *
     * @param model the text naming the model version, or {@code null}
     * @param images the reference images in order, or {@code null} for none
     * @param maxImages the set's maximum, or {@code null}
     * @throws NullPointerException if an image is null
     */
    public ReceivedRequest {
        images = images == null ? List.of() : List.copyOf(images);
    }
}
