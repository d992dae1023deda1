package io.github.seedream4j.spi;

import java.io.InputStream;
import java.net.URI;

/**
 * Receives images from a provider. The client's sink checks every image the same way, whatever the provider:
 * the magic bytes must be a known format (and match the declared media type, when one is given), the pixel size
 * is read from the header and compared with the request (a mismatch is a warning), the size cap is enforced while
 * reading, and the content is kept in memory or streamed to a temporary file. The images a call stored, in order,
 * are the call's images; the client publishes them (moves files to their final names) only when the whole
 * generation succeeds, and discards them otherwise.
 */
public interface ImageSink {

    /**
     * Reads {@code content} to its end (without closing it) and stores it as the next image of the call.
     *
     * @param content the image's bytes, never {@code null}; the caller closes it
     * @param declaredMediaType the {@code Content-Type} the provider sent, or {@code null}
     * @param source the URL the image came from, or {@code null}
     * @throws io.github.seedream4j.ImageDownloadException if the content is not a valid image, is larger than the
     *         cap, or cannot be read or written
     * @throws io.github.seedream4j.GenerationCancelledException if the generation already ended without it
     */
    void store(InputStream content, String declaredMediaType, URI source);

    /**
     * Stores an image the provider already holds in memory; the array is handed over, not copied.
     *
     * @param content the whole image, never {@code null}; not to be changed afterwards
     * @param declaredMediaType the {@code Content-Type} the provider sent, or {@code null}
     * @param source the URL the image came from, or {@code null}
     * @throws io.github.seedream4j.ImageDownloadException if the content is not a valid image, is larger than the
     *         cap, or cannot be written
     * @throws io.github.seedream4j.GenerationCancelledException if the generation already ended without it
     */
    void store(byte[] content, String declaredMediaType, URI source);

    /** {@return the largest image, in bytes, this sink accepts} */
    long maxBytes();
}
