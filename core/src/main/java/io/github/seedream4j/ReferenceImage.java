package io.github.seedream4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An input image for editing, composing or keeping a character consistent: a URL the provider fetches itself, or
 * the bytes of an image (given directly, or read from a file when made). Bytes are checked at once: their format is
 * sniffed from the magic bytes (a file's name is not trusted), the pixel size read from the header, and an image
 * cut short is refused. Each model version's own limits (count, bytes, sides, aspect, formats) are checked when a
 * request is validated against a provider, with errors that name the image by its position.
 *
 * <p>A URL is never fetched by seedream4j: it goes to the provider as it is. Immutable and thread-safe.
 */
public sealed interface ReferenceImage permits ReferenceImage.Remote, ReferenceImage.Inline {

    /** The most bytes read from a file or accepted as bytes: beyond every model's limit, before it is checked. */
    long MAX_READ_BYTES = 64L * 1024 * 1024;

    /**
     * An image the provider fetches from {@code url}: https, or plain http to this machine (for tests).
     *
     * @param url the image's address, never {@code null}
     * @return the reference image
     * @throws InvalidRequestException if the text is not such a URL
     */
    static ReferenceImage url(String url) {
        Objects.requireNonNull(url, "url");
        try {
            return url(new URI(url.strip()));
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("reference image URL '" + Remote.shorten(url) + "' is not a valid URL: "
                    + "use an https address such as https://example.com/cat.png");
        }
    }

    /**
     * An image the provider fetches from {@code url}: https, or plain http to this machine (for tests).
     *
     * @param url the image's address, never {@code null}
     * @return the reference image
     * @throws InvalidRequestException if the URL is not https (or loopback http), or carries a user name
     */
    static ReferenceImage url(URI url) {
        return new Remote(url);
    }

    /**
     * An image given as its encoded bytes (PNG, JPEG or WebP). The array is copied.
     *
     * @param bytes the encoded image, never {@code null}
     * @return the reference image
     * @throws InvalidRequestException if the bytes are not a complete PNG, JPEG or WebP image with a readable size
     */
    static ReferenceImage bytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return Inline.of(bytes.clone(), "the given bytes");
    }

    /**
     * An image read from {@code file} now. Its format comes from its content, not its name.
     *
     * @param file the file, never {@code null}
     * @return the reference image
     * @throws InvalidRequestException if the file cannot be read, is larger than {@link #MAX_READ_BYTES}, or is not
     *         a complete PNG, JPEG or WebP image
     */
    static ReferenceImage file(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_READ_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new InvalidRequestException("reference image file " + file + " does not exist: check the path");
        } catch (IOException e) {
            throw new InvalidRequestException("reference image file " + file + " cannot be read: " + e.getMessage());
        }
        if (bytes.length > MAX_READ_BYTES) {
            throw new InvalidRequestException("reference image file " + file + " is larger than " + MAX_READ_BYTES
                    + " bytes, more than any Seedream model takes (" + SeedreamModel.MAX_REFERENCE_BYTES
                    + "): use a smaller image");
        }
        return Inline.of(bytes, "file " + file);
    }

    /** {@return where the image comes from, for messages: a URL without its query, a file, or "the given bytes"} */
    String origin();

    /**
     * An image at a URL the provider fetches itself.
     *
     * @param uri the URL: https, or http to a loopback address
     */
    record Remote(URI uri) implements ReferenceImage {
        /**
         * Checks the URL.
         *
         * @param uri the URL, never {@code null}
         * @throws InvalidRequestException if it is not https (or loopback http), has no host, or has user-info
         */
        public Remote {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getRawUserInfo() != null) {
                throw new InvalidRequestException("reference image URL " + scheme + "://(hidden)@" + uri.getHost()
                        + "/... carries a user name or password; use a URL without credentials");
            }
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost()))) {
                throw new InvalidRequestException("reference image URL '" + shorten(uri.toString()) + "' must be an "
                        + "https URL (plain http only to this machine, for tests); give an https address or a file");
            }
        }

        private static boolean isLoopback(String host) {
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            if (h.equalsIgnoreCase("localhost")) {
                return true;
            }
            if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                return false; // a name other than localhost is never resolved here
            }
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (IOException e) {
                return false;
            }
        }

        static String shorten(String text) {
            int q = text.indexOf('?');
            String t = q >= 0 ? text.substring(0, q) + "?..." : text;
            return t.length() > 120 ? t.substring(0, 120) + "..." : t;
        }

        @Override
        public String origin() {
            return shorten(uri.getScheme() + "://" + uri.getRawAuthority() + Objects.requireNonNullElse(uri.getRawPath(), ""));
        }

        @Override
        public String toString() {
            return "ReferenceImage[" + origin() + "]";
        }
    }

    /**
     * An image held as its bytes, checked when made.
     */
    final class Inline implements ReferenceImage {
        private final byte[] bytes;
        private final ImageFormat format;
        private final Resolution resolution;
        private final String origin;

        private Inline(byte[] bytes, ImageFormat format, Resolution resolution, String origin) {
            this.bytes = bytes;
            this.format = format;
            this.resolution = resolution;
            this.origin = origin;
        }

        static Inline of(byte[] bytes, String origin) {
            if (bytes.length > MAX_READ_BYTES) {
                throw new InvalidRequestException("reference image (" + origin + ") is larger than " + MAX_READ_BYTES
                        + " bytes, more than any Seedream model takes: use a smaller image");
            }
            ImageFormat format = ImageFormat.sniff(bytes, bytes.length).orElseThrow(() -> new InvalidRequestException(
                    "reference image (" + origin + ") is not a PNG, JPEG or WebP image (judged by its content, not "
                            + "its name); convert it to PNG or JPEG"));
            Resolution size = format.dimensions(bytes, Math.min(bytes.length, ImageFormat.HEADER_BYTES))
                    .orElseThrow(() -> new InvalidRequestException("reference image (" + origin + ") is a " + format
                            + " image without a readable size in its header: it is damaged"));
            if (!ImageFormat.isComplete(format, bytes)) {
                throw new InvalidRequestException("reference image (" + origin + ") is a truncated " + format
                        + " image (" + bytes.length + " bytes and no end marker): use the complete file");
            }
            return new Inline(bytes, format, size, origin);
        }

        /** {@return the format, from the magic bytes} */
        public ImageFormat format() {
            return format;
        }

        /** {@return the pixel size, from the header} */
        public Resolution resolution() {
            return resolution;
        }

        /** {@return the size in bytes} */
        public long byteSize() {
            return bytes.length;
        }

        /** {@return a copy of the encoded image} */
        public byte[] bytes() {
            return bytes.clone();
        }

        /** {@return the image as a {@code data:} URI, {@code data:image/png;base64,...}} */
        public String dataUri() {
            return "data:" + format.mediaType() + ";base64," + Base64.getEncoder().encodeToString(bytes);
        }

        @Override
        public String origin() {
            return origin;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Inline other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "ReferenceImage[" + origin + ", " + format.mediaType() + ", " + resolution + ", " + bytes.length
                    + " bytes]";
        }
    }

    /** {@return this image as bytes, when it is held as bytes} */
    default Optional<Inline> inline() {
        return this instanceof Inline i ? Optional.of(i) : Optional.empty();
    }
}
