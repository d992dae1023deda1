package io.github.seedream4j.spi;

/**
 * How a provider takes reference images. The client converts where it can: an image held as bytes (given, or read
 * from a file) goes as a {@code data:} URI to a provider that takes them; a URL goes as it is to a provider that
 * fetches URLs. What cannot travel is refused before anything is sent, with a message that says what would work;
 * an image is never dropped.
 */
public enum ImageTransport {
    /** A public {@code https} URL that the provider fetches itself. */
    URL,
    /** The image inline, as {@code data:image/png;base64,...}. */
    DATA_URI
}
