package io.github.seedream4j;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One generated image, already fetched from the provider: its format (from the magic bytes), its exact pixel size
 * (from the image header), and its content, held either in memory or in a file the client streamed it to.
 *
 * <p>Only the client makes images, through the one sink that checks them; providers cannot. When images are
 * streamed to a directory, {@link #file()} is in place once the generation completed.
 *
 * <p>Immutable and safe to share between threads. The provider's URL is kept as {@link #sourceUri()} for reference
 * only: providers' URLs expire (Runpod's after 7 days), which is why the bytes are fetched at once.
 */
public final class GeneratedImage {

    private final ImageFormat format;
    private final Resolution resolution;
    private final long byteSize;
    private final byte[] bytes;
    private final Path file;
    private final URI sourceUri;
    private final Seed seed;

    private GeneratedImage(ImageFormat format, Resolution resolution, long byteSize, byte[] bytes, Path file,
            URI sourceUri, Seed seed) {
        this.format = Objects.requireNonNull(format, "format");
        this.resolution = Objects.requireNonNull(resolution, "resolution");
        this.byteSize = byteSize;
        this.bytes = bytes;
        this.file = file;
        this.sourceUri = sourceUri;
        this.seed = seed;
    }

    /**
     * An image held in memory. The array is not copied: the caller hands it over and must not change it. Only the
     * client's checking sink makes images, so every image a caller sees passed its checks.
     *
     * @param format the format, recognised from the magic bytes; never {@code null}
     * @param resolution the pixel size read from the header; never {@code null}
     * @param bytes the encoded image, never {@code null}
     * @param seed the seed that produced it, or {@code null} when the provider does not take seeds
     * @param sourceUri where the provider served it, or {@code null}
     * @return the image
     * @throws NullPointerException if {@code format}, {@code resolution} or {@code bytes} is null
     */
    static GeneratedImage inMemory(ImageFormat format, Resolution resolution, byte[] bytes, Seed seed,
            URI sourceUri) {
        Objects.requireNonNull(bytes, "bytes");
        return new GeneratedImage(format, resolution, bytes.length, bytes, null, sourceUri, seed);
    }

    /**
     * An image already written, complete, to {@code file}.
     *
     * @param format the format, recognised from the magic bytes; never {@code null}
     * @param resolution the pixel size read from the header; never {@code null}
     * @param file the file holding the image, never {@code null}; it must not be changed or deleted while in use
     * @param byteSize the file's size in bytes
     * @param seed the seed that produced it, or {@code null} when the provider does not take seeds
     * @param sourceUri where the provider served it, or {@code null}
     * @return the image
     * @throws NullPointerException if {@code format}, {@code resolution} or {@code file} is null
     */
    static GeneratedImage inFile(ImageFormat format, Resolution resolution, Path file, long byteSize, Seed seed,
            URI sourceUri) {
        Objects.requireNonNull(file, "file");
        return new GeneratedImage(format, resolution, byteSize, null, file, sourceUri, seed);
    }

    /** {@return the format, recognised from the content's magic bytes} */
    public ImageFormat format() {
        return format;
    }

    /** {@return the media type, for example {@code image/png}} */
    public String mediaType() {
        return format.mediaType();
    }

    /** {@return the exact pixel size read from the image header} */
    public Resolution resolution() {
        return resolution;
    }

    /** {@return the size of the encoded image in bytes} */
    public long byteSize() {
        return byteSize;
    }

    /** {@return the seed that produced this image, when the provider takes seeds} */
    public Optional<Seed> seed() {
        return Optional.ofNullable(seed);
    }

    /** {@return where the provider served the image from, when known} Such URLs expire. */
    public Optional<URI> sourceUri() {
        return Optional.ofNullable(sourceUri);
    }

    /** {@return the file holding the image, when the client streamed it to disk} */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * The encoded image (a copy; reads the file when the image was streamed to disk).
     *
     * @return a new array the caller may change
     * @throws UncheckedIOException if the file can no longer be read
     */
    public byte[] bytes() {
        if (bytes != null) {
            return bytes.clone();
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image file " + file, e);
        }
    }

    /**
     * A fresh stream over the encoded image; the caller closes it.
     *
     * @return a new stream positioned at the first byte
     * @throws UncheckedIOException if the file can no longer be opened
     */
    public InputStream openStream() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open image file " + file, e);
        }
    }

    /**
     * Writes the image to {@code target} atomically: to a temporary file beside it, then renamed, so a reader never
     * sees a partial file. Refuses to replace an existing file unless {@code overwrite} is true.
     *
     * @param target the file to write, never {@code null}
     * @param overwrite whether an existing file may be replaced
     * @return the file written
     * @throws UncheckedIOException if the file exists (and {@code overwrite} is false) or cannot be written
     */
    public Path writeTo(Path target, boolean overwrite) {
        try (InputStream in = openStream()) {
            return AtomicFiles.write(in, target, overwrite);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "GeneratedImage[" + format.mediaType() + ", " + resolution + ", " + byteSize + " bytes"
                + (seed == null ? "" : ", seed " + seed) + (file == null ? "" : ", " + file) + "]";
    }
}
