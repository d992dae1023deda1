package io.github.seedream4j.spring.ai;

import io.github.seedream4j.GeneratedImage;
import java.net.URI;
import java.util.Objects;
import org.springframework.ai.image.ImageGenerationMetadata;

/**
 * What seedream4j knows about one generated image: its seed, exact pixels (read from the image header) and media
 * type, and where the provider served it from (such URLs expire, which is why the bytes are already fetched).
 */
public final class SeedreamImageGenerationMetadata implements ImageGenerationMetadata {

    private final Long seed;
    private final int width;
    private final int height;
    private final String mediaType;
    private final URI sourceUri;

    SeedreamImageGenerationMetadata(GeneratedImage image) {
        Objects.requireNonNull(image, "image");
        this.seed = image.seed().map(s -> s.value()).orElse(null);
        this.width = image.resolution().width();
        this.height = image.resolution().height();
        this.mediaType = image.mediaType();
        this.sourceUri = image.sourceUri().orElse(null);
    }

    /** {@return the seed that produced the image, or {@code null} when the provider takes no seeds} */
    public Long getSeed() {
        return seed;
    }

    /** {@return the width in pixels} */
    public int getWidth() {
        return width;
    }

    /** {@return the height in pixels} */
    public int getHeight() {
        return height;
    }

    /** {@return the media type, for example {@code image/png}} */
    public String getMediaType() {
        return mediaType;
    }

    /** {@return where the provider served the image, or {@code null}; such URLs expire} */
    public URI getSourceUri() {
        return sourceUri;
    }

    @Override
    public String toString() {
        return "SeedreamImageGenerationMetadata[" + mediaType + ", " + width + "x" + height
                + (seed == null ? "" : ", seed " + seed) + "]";
    }
}
