package io.github.seedream4j;

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
 * against the request, complete trailer, size cap; then kept in memory or streamed to a temporary file beside its
 * final name. Nothing is published here: the generation {@link #commit() commits} the files when it succeeds and
 * {@link #discard() discards} them otherwise, so the file system always agrees with the generation's outcome.
 */
final class CheckingImageSink implements ImageSink {

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
    private final int maxImages;
    /** Images stored so far, in the order the provider handed them over; guarded by {@code this}. */
    private final List<Stored> stored = new ArrayList<>();
    private boolean closed;

    /** An image that passed every check; {@code temporary} holds its bytes until commit when it goes to a file. */
    private record Stored(int index, GeneratedImage image, Path temporary) {
    }

    /**
     * @param firstSeed the seed of the first image of this call, or {@code null}; later images count up from it
     * @param firstIndex the index of this call's first image within the whole request
     * @param totalImages how many images the whole request can have, to name files
     * @param maxImages how many images this call may store
     */
    CheckingImageSink(ImageDestination destination, Resolution expected, Seed firstSeed, int firstIndex,
            int totalImages, int maxImages, long maxBytes, Owner owner) {
        this.maxImages = maxImages;
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
    public void store(byte[] content, String declaredMediaType, URI source) {
        store(new ByteArrayInputStream(content), declaredMediaType, source, content);
    }

    @Override
    public void store(InputStream content, String declaredMediaType, URI source) {
        store(content, declaredMediaType, source, null);
    }

    /** {@return how many images were stored} */
    synchronized int count() {
        return stored.size();
    }

    /**
     * Publishes the stored images: files are moved to their final names, none replacing an existing file unless
     * the destination allows it. On failure every file of this sink is removed again.
     *
     * @return the images, in order
     * @throws ImageDownloadException naming the file when a local write fails
     */
    synchronized List<GeneratedImage> commit() {
        closed = true;
        List<GeneratedImage> images = new ArrayList<>();
        List<Path> published = new ArrayList<>();
        try {
            for (Stored s : stored) {
                if (s.temporary() != null) {
                    Path target = s.image().file().orElseThrow();
                    AtomicFiles.commit(s.temporary(), target, overwrite());
                    published.add(target);
                }
                images.add(s.image());
            }
            return images;
        } catch (IOException e) {
            discard();
            if (!overwrite()) {
                published.forEach(AtomicFiles::deleteQuietly);
            }
            throw localFailure(e);
        }
    }

    /** Removes every temporary file; later stores are refused. Idempotent. */
    synchronized void discard() {
        closed = true;
        for (Stored s : stored) {
            if (s.temporary() != null) {
                AtomicFiles.deleteQuietly(s.temporary());
            }
        }
        stored.clear();
    }

    private boolean overwrite() {
        return destination instanceof ImageDestination.Directory d && d.overwrite();
    }

    private synchronized void keep(Stored s) {
        if (closed || owner.abandoned()) {
            if (s.temporary() != null) {
                AtomicFiles.deleteQuietly(s.temporary());
            }
            throw abandoned(s.image().file().map(Path::toString).orElse("the image"));
        }
        stored.add(s);
    }

    private void store(InputStream content, String declared, URI source, byte[] whole) {
        long started = System.nanoTime();
        int local = next.getAndIncrement();
        if (local >= maxImages) {
            throw fail("the provider handed over image " + (local + 1) + " of a call that asked for at most "
                    + maxImages + "; this is a bug in the provider", null);
        }
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
            Stored kept;
            if (destination instanceof ImageDestination.Directory dir) {
                InputStream rest = whole != null ? InputStream.nullInputStream() : content;
                kept = toFile(dir, rest, head, format, actual, seed, source, local, trailer, from);
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
                kept = new Stored(local, GeneratedImage.inMemory(format, actual, bytes, seed, source), null);
            }
            keep(kept);
            GeneratedImage image = kept.image();
            if (!actual.equals(expected)) {
                owner.warn(Warning.of(Warning.SIZE_MISMATCH, "image " + (firstIndex + local + 1) + " from "
                        + owner.providerId() + " is " + actual + ", not the " + expected + " that was asked for"));
            }
            owner.fetched(image, System.nanoTime() - started);
        } catch (IOException e) {
            if (owner.abandoned()) {
                throw abandoned("the image");
            }
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

    private Stored toFile(ImageDestination.Directory dir, InputStream in, byte[] head, ImageFormat format,
            Resolution actual, Seed seed, URI source, int local, Trailer trailer, String from) throws IOException {
        String name = dir.baseName() + (totalImages == 1 ? "" : "-" + (firstIndex + local + 1)) + "." + format.extension();
        Path target = dir.directory().resolve(name);
        if (!dir.overwrite() && AtomicFiles.exists(target)) {
            throw fail("image file " + target + " already exists; choose another name or allow overwriting", null);
        }
        checkWanted(target);
        Path tmp;
        try {
            tmp = AtomicFiles.temporaryBeside(target);
        } catch (IOException e) {
            throw localFailure(e);
        }
        boolean done = false;
        try {
            long total = head.length;
            checkCap(total);
            OutputStream out;
            try {
                out = Files.newOutputStream(tmp);
            } catch (IOException e) {
                throw localFailure(e);
            }
            try (out) {
                write(out, head, head.length, tmp);
                trailer.accept(head, 0, head.length);
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    checkWanted(target);
                    total += n;
                    checkCap(total);
                    write(out, buf, n, tmp);
                    trailer.accept(buf, 0, n);
                }
            }
            if (!trailer.complete(format, total)) {
                throw truncated(format, total, from);
            }
            checkWanted(target);
            done = true;
            return new Stored(local, GeneratedImage.inFile(format, actual, target, total, seed, source), tmp);
        } finally {
            if (!done) {
                AtomicFiles.deleteQuietly(tmp);
            }
        }
    }

    private void write(OutputStream out, byte[] b, int n, Path file) {
        try {
            out.write(b, 0, n);
        } catch (IOException e) {
            throw localFailure(e);
        }
    }

    /** A failure of this machine's file system, told apart from the provider's network. */
    private ImageDownloadException localFailure(IOException e) {
        if (e instanceof FileAlreadyExistsException f && f.getFile() != null && isImageName(f.getFile())) {
            return fail("image file " + ((FileAlreadyExistsException) e).getFile() + " already exists; choose another "
                    + "name or allow overwriting", e);
        }
        String where = e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile()
                : destination instanceof ImageDestination.Directory d ? d.directory().toString() : "memory";
        String reason = e instanceof FileAlreadyExistsException ? "it exists and is not a directory"
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : String.valueOf(e.getMessage());
        return new ImageDownloadException("provider " + owner.providerId() + ": the image was received but writing it "
                + "on this machine failed at " + where + ": " + reason + " (" + e.getClass().getSimpleName()
                + "); this is a local problem: free disk space, fix permissions, or choose another directory",
                owner.providerId(), null, e);
    }

    private static boolean isImageName(String file) {
        String f = file.toLowerCase(java.util.Locale.ROOT);
        return f.endsWith(".png") || f.endsWith(".jpg") || f.endsWith(".webp");
    }

    private GenerationCancelledException abandoned(String what) {
        return new GenerationCancelledException("provider " + owner.providerId() + ": the generation was cancelled "
                + "or passed its deadline while its image was being fetched; " + what + " was not written",
                owner.providerId(), null, null);
    }

    /** Stops a download whose generation already ended without it, before it can leave a file behind. */
    private void checkWanted(Path target) {
        if (owner.abandoned()) {
            throw abandoned(target.toString());
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
