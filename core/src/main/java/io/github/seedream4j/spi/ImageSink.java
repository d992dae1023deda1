package io.github.seedream4j.spi;

import io.github.seedream4j.ImageDownloadException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Receives images from a provider. The client's sink checks every image the same way, whatever the provider:
 * the magic bytes must be a known format (and match the declared media type, when one is given), the pixel size
 * is read from the header and compared with the request (a mismatch is a warning), the size cap is enforced while
 * reading, and the content is kept in memory or streamed to a temporary file. The images a call stored, in order,
 * are the call's images; the client publishes them (moves files to their final names) only when the whole
 * generation succeeds, and discards them otherwise.
 *
 * <p>Content can come three ways: a whole array ({@link #store(byte[], String, URI)}), a stream the sink reads
 * ({@link #store(InputStream, String, URI)}), or pieces pushed as they arrive ({@link #open}), which suits an
 * asynchronous HTTP body: no thread waits for the network while the image arrives.
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

    /**
     * Opens the next image of the call for content pushed piece by piece, for example by an HTTP client's body
     * subscriber. The checks are those of {@link #store(InputStream, String, URI)}, made as early as the bytes allow:
     * a body that is not an image fails at its first bytes, one over the cap as soon as it passes it.
     *
     * <p>The default keeps the pieces in memory and hands the whole image to {@link #store(byte[], String, URI)}
     * when it completes; the client's own sink streams to a file when the destination is a directory.
     *
     * @param declaredMediaType the {@code Content-Type} the provider sent, or {@code null}
     * @param source the URL the image came from, or {@code null}
     * @param expectedBytes the length the provider announced ({@code Content-Length}), or {@code -1}; a hint for
     *        buffering, not checked here
     * @return the upload, to {@link Upload#write write} to and then {@link Upload#complete complete} or
     *         {@link Upload#abort abort}
     * @throws ImageDownloadException if {@code expectedBytes} is over the cap, or the call already has all its images
     * @throws io.github.seedream4j.GenerationCancelledException if the generation already ended without it
     */
    default Upload open(String declaredMediaType, URI source, long expectedBytes) {
        if (expectedBytes > maxBytes()) {
            throw new ImageDownloadException("the image is " + expectedBytes + " bytes, larger than the cap of "
                    + maxBytes() + " bytes", null, null, null);
        }
        ImageSink sink = this;
        return new Upload() {
            private byte[] bytes = new byte[(int) Math.max(0, Math.min(expectedBytes, 1 << 20))];
            private int length;

            @Override
            public void write(ByteBuffer piece) {
                int n = piece.remaining();
                if (length + (long) n > sink.maxBytes()) {
                    throw new ImageDownloadException("the image is larger than the cap of " + sink.maxBytes()
                            + " bytes", null, null, null);
                }
                if (length + n > bytes.length) {
                    bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
                }
                piece.get(bytes, length, n);
                length += n;
            }

            @Override
            public void complete() {
                sink.store(length == bytes.length ? bytes : Arrays.copyOf(bytes, length), declaredMediaType, source);
            }

            @Override
            public void abort() {
                bytes = new byte[0];
            }
        };
    }

    /**
     * An image being received piece by piece, from {@link #open}. One producer calls {@link #write} in order, then
     * {@link #complete} or {@link #abort}; calls must not overlap, but may come from different threads one after
     * another (an HTTP client's callbacks do).
     */
    interface Upload {

        /**
         * Takes the next piece of the image, consuming every remaining byte of {@code piece}.
         *
         * @param piece the bytes, never {@code null}; not kept after the call returns
         * @throws ImageDownloadException if the content so far is not a valid image, is over the cap, or cannot be
         *         written; the upload is then aborted
         * @throws io.github.seedream4j.GenerationCancelledException if the generation ended meanwhile; the upload is
         *         then aborted
         */
        void write(ByteBuffer piece);

        /**
         * Ends the image: checks that it is complete (its format's end marker) and stores it as the call's image.
         *
         * @throws ImageDownloadException if it is truncated or otherwise invalid; nothing is stored
         * @throws io.github.seedream4j.GenerationCancelledException if the generation ended meanwhile
         */
        void complete();

        /** Drops what was received, removing any temporary file. Idempotent; safe after a failed call. */
        void abort();
    }
}
