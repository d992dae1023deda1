package io.github.seedream4j.internal;

import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.ImageDownloadException;
import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.Seed;
import io.github.seedream4j.Warning;
import io.github.seedream4j.spi.ImageSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one place every image is checked, whatever the provider: magic bytes, declared media type, header size
 * against the request, complete trailer, size cap; then kept in memory or streamed atomically to a file.
 */
public final class CheckingImageSink implements ImageSink {

    /** Callbacks to the generation the sink belongs to. */
    public interface Owner {
        /** The provider's id, for messages. */
        String providerId();

        /** Adds a warning to the result. */
        void warn(Warning warning);

        /** Reports a stored image and how long it took. */
        void fetched(GeneratedImage image, long nanos);

        /**
         * Whether the generation was cancelled or passed its deadline, so nobody will receive the image: a download
         * still running must not publish a file afterwards.
         */
        default boolean abandoned() {
            return false;
        }
    }

    private final ImageDestination destination;
    private final Resolution expected;
    private final Seed firstSeed;
    private final int firstIndex;
    private final int totalImages;
    private final long maxBytes;
    private final Owner owner;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param firstSeed the seed of the first image of this call, or {@code null}; later images count up from it
     * @param firstIndex the index of this call's first image within the whole request
     * @param totalImages how many images the whole request has, to name files
     */
    public CheckingImageSink(ImageDestination destination, Resolution expected, Seed firstSeed, int firstIndex,
            int totalImages, long maxBytes, Owner owner) {
        this.destination = destination;
        this.expected = expected;
        this.firstSeed = firstSeed;
        this.firstIndex = firstIndex;
        this.totalImages = totalImages;
        this.maxBytes = maxBytes;
        this.owner = owner;
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public GeneratedImage store(byte[] content, String declaredMediaType, URI source) {
        return store(new ByteArrayInputStream(content), declaredMediaType, source, content);
    }

    @Override
    public GeneratedImage store(InputStream content, String declaredMediaType, URI source) {
        return store(content, declaredMediaType, source, null);
    }

    private GeneratedImage store(InputStream content, String declared, URI source, byte[] whole) {
        long started = System.nanoTime();
        int local = next.getAndIncrement();
        Seed seed = firstSeed == null ? null : firstSeed.plus(local);
        String from = source == null ? "the provider" : source.getHost() == null ? "the provider" : source.getHost();
        try {
            byte[] head = whole != null ? whole
                    : content.readNBytes((int) Math.min(ImageFormat.HEADER_BYTES, maxBytes + 1));
            int headLength = whole != null ? Math.min(whole.length, ImageFormat.HEADER_BYTES) : head.length;
            ImageFormat format = ImageFormat.sniff(head, headLength).orElseThrow(() -> fail(
                    "the content from " + from + " is not a PNG, JPEG or WebP image (it starts with "
                            + preview(head) + ")" + declaredSuffix(declared) + "; the URL may have expired", null));
            checkDeclared(declared, format, from);
            Resolution actual = format.dimensions(head, headLength).orElseThrow(() -> fail(
                    "the " + format + " image from " + from + " has no readable size in its header; it is damaged", null));
            Trailer trailer = new Trailer();
            GeneratedImage image;
            if (destination instanceof ImageDestination.Directory) {
                InputStream rest = whole != null ? InputStream.nullInputStream() : content;
                image = toFile((ImageDestination.Directory) destination, rest, head, format, actual, seed, source,
                        local, trailer, from);
            } else {
                byte[] bytes;
                if (whole != null) {
                    checkCap(whole.length);
                    trailer.accept(whole, 0, whole.length);
                    bytes = whole;
                } else {
                    bytes = readAll(content, head, trailer);
                }
                if (!trailer.complete(format, bytes.length)) {
                    throw truncated(format, bytes.length, from);
                }
                image = GeneratedImage.inMemory(format, actual, bytes, seed, source);
            }
            if (!actual.equals(expected)) {
                owner.warn(Warning.of(Warning.SIZE_MISMATCH, "image " + (firstIndex + local + 1) + " from "
                        + owner.providerId() + " is " + actual + ", not the " + expected + " that was asked for"));
            }
            owner.fetched(image, System.nanoTime() - started);
            return image;
        } catch (IOException e) {
            throw fail("reading the image from " + from + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the rest of the body in 64 KiB pieces and copies them once into an array of the exact size: growing a
     * ByteArrayOutputStream copied a 1 MiB image about three times, through arrays G1 treats as humongous.
     */
    private byte[] readAll(InputStream in, byte[] head, Trailer trailer) throws IOException {
        trailer.accept(head, 0, head.length);
        checkCap(head.length);
        List<byte[]> pieces = new ArrayList<>();
        long total = head.length;
        int last = 0;
        for (byte[] buf = new byte[64 * 1024]; ; buf = new byte[64 * 1024]) {
            int n = in.readNBytes(buf, 0, buf.length);
            if (n <= 0) {
                break;
            }
            total += n;
            checkCap(total);
            trailer.accept(buf, 0, n);
            pieces.add(buf);
            last = n;
            if (n < buf.length) {
                break;
            }
        }
        byte[] all = new byte[Math.toIntExact(total)];
        System.arraycopy(head, 0, all, 0, head.length);
        int at = head.length;
        for (int i = 0; i < pieces.size(); i++) {
            int n = i == pieces.size() - 1 ? last : pieces.get(i).length;
            System.arraycopy(pieces.get(i), 0, all, at, n);
            at += n;
        }
        return all;
    }

    private GeneratedImage toFile(ImageDestination.Directory dir, InputStream in, byte[] head, ImageFormat format,
            Resolution actual, Seed seed, URI source, int local, Trailer trailer, String from) throws IOException {
        String name = dir.baseName() + (totalImages == 1 ? "" : "-" + (firstIndex + local + 1)) + "." + format.extension();
        Path target = dir.directory().resolve(name);
        if (!dir.overwrite() && Files.exists(target)) {
            throw fail("image file " + target + " already exists; choose another name or allow overwriting", null);
        }
        checkWanted(target);
        Path tmp = AtomicFiles.temporaryBeside(target);
        try {
            long total = head.length;
            checkCap(total);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(head);
                trailer.accept(head, 0, head.length);
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    checkWanted(target);
                    total += n;
                    checkCap(total);
                    out.write(buf, 0, n);
                    trailer.accept(buf, 0, n);
                }
            }
            if (!trailer.complete(format, total)) {
                throw truncated(format, total, from);
            }
            checkWanted(target);
            AtomicFiles.commit(tmp, target, dir.overwrite());
            return GeneratedImage.inFile(format, actual, target, total, seed, source);
        } catch (FileAlreadyExistsException e) {
            throw fail("image file " + target + " already exists; choose another name or allow overwriting", e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Stops a download whose generation already ended without it, before it can leave a file behind. */
    private void checkWanted(Path target) {
        if (owner.abandoned()) {
            throw new GenerationCancelledException("provider " + owner.providerId() + ": the generation was cancelled "
                    + "or passed its deadline while its image was being fetched; " + target + " was not written",
                    owner.providerId(), null, null);
        }
    }

    private void checkCap(long total) {
        if (total > maxBytes) {
            throw fail("the image is larger than the cap of " + maxBytes + " bytes; raise the client's maxImageBytes "
                    + "if such images are expected", null);
        }
    }

    private void checkDeclared(String declared, ImageFormat format, String from) {
        if (declared == null || declared.isBlank()) {
            return;
        }
        String base = declared.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (base.equals("application/octet-stream") || base.equals("binary/octet-stream")) {
            return;
        }
        Optional<ImageFormat> said = ImageFormat.ofMediaType(base);
        if (said.isEmpty() || said.get() != format) {
            throw fail("the content from " + from + " is declared as '" + base + "' but its bytes are a " + format
                    + " image; refusing an image whose type is in doubt", null);
        }
    }

    private ImageDownloadException fail(String message, Throwable cause) {
        return new ImageDownloadException("provider " + owner.providerId() + ": " + message, owner.providerId(), null,
                cause);
    }

    private ImageDownloadException truncated(ImageFormat format, long total, String from) {
        return fail("the " + format + " image from " + from + " is truncated (" + total
                + " bytes and no end marker): the download was cut short; fetch it again", null);
    }

    private static String declaredSuffix(String declared) {
        return declared == null ? "" : " and is declared as '" + declared + "'";
    }

    private static String preview(byte[] head) {
        int n = Math.min(8, head.length);
        if (n == 0) {
            return "nothing: it is empty";
        }
        StringBuilder ascii = new StringBuilder();
        for (int i = 0; i < n; i++) {
            char c = (char) (head[i] & 0xff);
            ascii.append(c >= 32 && c < 127 ? c : '.');
        }
        return HexFormat.ofDelimiter(" ").formatHex(head, 0, n) + " \"" + ascii + "\"";
    }

    /** Keeps the last bytes seen, to check that a PNG ends with IEND, a JPEG with EOI, a WebP at its RIFF length. */
    private static final class Trailer implements Consumer<byte[]> {
        private final byte[] last = new byte[12];
        private int filled;
        private final byte[] riff = new byte[8];
        private int riffFilled;

        void accept(byte[] b, int off, int len) {
            for (int i = off; i < off + len && riffFilled < 8; i++) {
                riff[riffFilled++] = b[i];
            }
            if (len >= last.length) {
                System.arraycopy(b, off + len - last.length, last, 0, last.length);
                filled = last.length;
            } else {
                int keep = Math.min(filled, last.length - len);
                System.arraycopy(last, filled - keep, last, 0, keep);
                System.arraycopy(b, off, last, keep, len);
                filled = keep + len;
            }
        }

        @Override
        public void accept(byte[] b) {
            accept(b, 0, b.length);
        }

        boolean complete(ImageFormat format, long total) {
            boolean complete;
            switch (format) {
                case PNG:
                    complete = filled == 12 && last[4] == 'I' && last[5] == 'E' && last[6] == 'N' && last[7] == 'D';
                    break;
                case JPEG:
                    complete = filled >= 2 && (last[filled - 2] & 0xff) == 0xff && (last[filled - 1] & 0xff) == 0xd9;
                    break;
                case WEBP:
                    long declared = (riff[4] & 0xffL) | (riff[5] & 0xffL) << 8 | (riff[6] & 0xffL) << 16
                            | (riff[7] & 0xffL) << 24;
                    complete = riffFilled == 8 && declared + 8 <= total;
                    break;
                default:
                    complete = false;
            }
            return complete;
        }
    }
}
