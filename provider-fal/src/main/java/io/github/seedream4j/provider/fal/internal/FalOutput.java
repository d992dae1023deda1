package io.github.seedream4j.provider.fal.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The result of a completed request: {@code {images, seed}} ({@code images} alone for 4.5 edit). Each image has a
 * {@code url} (a fal CDN address, or a {@code data:} URI when the request was made with {@code sync_mode}) and
 * optionally its media type and pixels. Unknown fields are ignored.
 *
 * @param images the images, in order; {@code null} when the answer names none
 * @param seed the seed fal reports, or {@code null}
 */
record FalOutput(List<Image> images, Long seed) {

    /**
     * fal's {@code Image}.
     *
     * @param url where the image is, or the image itself as a {@code data:} URI
     * @param contentType its media type, or {@code null}
     * @param width its width, or {@code null}
     * @param height its height, or {@code null}
     */
    record Image(String url, @JsonProperty("content_type") String contentType, Integer width, Integer height) {
    }

    /** {@return the images, never {@code null}} */
    List<Image> imagesOrEmpty() {
        return images == null ? List.of() : images.stream().filter(i -> i != null).toList();
    }
}
