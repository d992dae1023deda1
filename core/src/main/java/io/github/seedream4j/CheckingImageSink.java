package io.github.seedream4j;

import io.github.seedream4j.spi.ImageSink;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

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
    private final boolean sequential;
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
     * @param firstSeed the seed of the first image of this call, or {@code null}; later images count up from it,
     *        except in a sequential set, where one seed makes the whole set and every image reports it
     * @param firstIndex the index of this call's first image within the whole request
     * @param totalImages how many images the whole request can have, to name files
     * @param maxImages how many images this call may store
     */
    CheckingImageSink(ImageDestination destination, Resolution expected, Seed firstSeed, boolean sequential,
            int firstIndex, int totalImages, int maxImages, long maxBytes, Owner owner) {
        this.sequential = sequential;
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
        Receiving r = new Receiving(declaredMediaType, source, content.length);
        try {
            r.whole(content);
            r.complete();
        } finally {
            r.abort();
        }
    }

    @Override
    public void store(InputStream content, String declaredMediaType, URI source) {
        Receiving r = new Receiving(declaredMediaType, source, -1);
        try {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = content.read(buf)) >= 0; ) {
                if (n > 0) {
                    r.write(ByteBuffer.wrap(buf, 0, n));
                }
            }
            r.complete();
        } catch (IOException e) {
            throw r.readFailure(e);
        } finally {
            r.abort();
        }
    }

    @Override
    public ImageSink.Upload open(String declaredMediaType, URI source, long expectedBytes) {
        if (expectedBytes > maxBytes) {
            throw fail("the image is " + expectedBytes + " bytes, larger than the cap of " + maxBytes + " bytes; "
                    + "raise the client's maxImageBytes if such images are expected", null);
        }
        return new Receiving(declaredMediaType, source, expectedBytes);
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

    /**
     * One image on its way in, whichever way its bytes come: checked as early as they allow (format from the first
     * 12 bytes, pixel size as soon as the header holds it), then kept in one array or written to a temporary file
     * beside its final name. Calls do not overlap (see {@link ImageSink.Upload}).
     */
    private final class Receiving implements ImageSink.Upload {
        private final int local;
        private final Seed seed;
        private final String declared;
        private final URI source;
        private final String from;
        private final long expectedBytes;
        private final long started = System.nanoTime();
        private final Trailer trailer = new Trailer();
        /** The header while it is read; in memory, the whole image. */
        private byte[] buffer;
        private int buffered;
        private long total;
        private ImageFormat format;
        private Resolution actual;
        private Path target;
        private Path temporary;
        private FileChannel file;
        private boolean ended;

        Receiving(String declared, URI source, long expectedBytes) {
            this.local = next.getAndIncrement();
            if (local >= maxImages) {
                throw fail("the provider handed over image " + (local + 1) + " of a call that asked for at most "
                        + maxImages + "; this is a bug in the provider", null);
            }
            this.seed = firstSeed == null ? null : sequential ? firstSeed : firstSeed.plus(local);
            this.declared = declared;
            this.source = source;
            this.from = source == null || source.getHost() == null ? "the provider" : source.getHost();
            this.expectedBytes = expectedBytes;
        }

        /** Takes a whole image the caller hands over: in memory it is kept as it is, without a copy. */
        void whole(byte[] content) {
            checkCap(content.length);
            buffer = content;
            buffered = content.length;
            total = content.length;
            trailer.accept(ByteBuffer.wrap(content));
            readHeader(true);
        }

        @Override
        public void write(ByteBuffer piece) {
            try {
                if (ended) {
                    throw new IllegalStateException("this image was already completed or aborted");
                }
                int n = piece.remaining();
                total += n;
                checkCap(total);
                trailer.accept(piece);
                if (file != null) {
                    checkWanted(target);
                    writeToFile(piece);
                } else {
                    append(piece);
                    if (format == null || actual == null) {
                        readHeader(false);
                    }
                }
            } catch (RuntimeException e) {
                abort();
                throw e;
            }
        }

        @Override
        public void complete() {
            try {
                if (ended) {
                    throw new IllegalStateException("this image was already completed or aborted");
                }
                if (actual == null) {
                    readHeader(true);
                }
                if (!trailer.complete(format, total)) {
                    throw truncated(format, total, from);
                }
                Stored kept;
                if (file != null) {
                    try {
                        file.close();
                    } catch (IOException e) {
                        throw localFailure(e);
                    }
                    checkWanted(target);
                    kept = new Stored(local, GeneratedImage.inFile(format, actual, target, total, seed, source),
                            temporary);
                } else {
                    byte[] bytes = buffered == buffer.length ? buffer : Arrays.copyOf(buffer, buffered);
                    kept = new Stored(local, GeneratedImage.inMemory(format, actual, bytes, seed, source), null);
                }
                ended = true; // from here the stored list (or keep's failure) owns the temporary file
                buffer = null;
                keep(kept);
                if (!actual.equals(expected)) {
                    owner.warn(Warning.of(Warning.SIZE_MISMATCH, "image " + (firstIndex + local + 1) + " from "
                            + owner.providerId() + " is " + actual + ", not the " + expected + " that was asked for"));
                }
                owner.fetched(kept.image(), System.nanoTime() - started);
            } catch (RuntimeException e) {
                abort();
                throw e;
            }
        }

        @Override
        public void abort() {
            if (ended) {
                return;
            }
            ended = true;
            buffer = null;
            if (file != null) {
                try {
                    file.close();
                } catch (IOException ignored) {
                    // the file is deleted next
                }
            }
            if (temporary != null) {
                AtomicFiles.deleteQuietly(temporary);
            }
        }

        /** A failed read of a stream handed to {@link #store(InputStream, String, URI)}. */
        RuntimeException readFailure(IOException e) {
            abort();
            if (owner.abandoned()) {
                return abandoned("the image");
            }
            return fail("reading the image from " + from + " failed: " + e.getMessage(), e);
        }

        private void append(ByteBuffer piece) {
            int n = piece.remaining();
            if (buffer == null || buffered + n > buffer.length) {
                long wanted = Math.max(buffered + (long) n, buffer == null ? initialCapacity() : buffer.length * 2L);
                buffer = Arrays.copyOf(buffer == null ? new byte[0] : buffer, (int) Math.min(wanted, arrayCap()));
            }
            piece.get(buffer, buffered, n);
            buffered += n;
        }

        /** The announced length when there is one (so that the array is made once, at its size), else 64 KiB. */
        private int initialCapacity() {
            return (int) Math.min(expectedBytes > 0 ? expectedBytes : 64 * 1024, arrayCap());
        }

        /**
         * Identifies the format and reads the pixel size once the bytes so far allow it; at the {@code end}, or
         * with {@link ImageFormat#HEADER_BYTES} in hand, a missing answer is a failure. Once both are known, a
         * directory's temporary file is opened and the bytes so far go to it.
         */
        private void readHeader(boolean end) {
            byte[] head = buffer == null ? new byte[0] : buffer;
            if (format == null) {
                Optional<ImageFormat> sniffed = ImageFormat.sniff(head, buffered);
                if (sniffed.isEmpty()) {
                    if (!end && buffered < 12) {
                        return;
                    }
                    throw fail("the content from " + from + " is not a PNG, JPEG or WebP image (it starts with "
                            + preview(head, buffered) + ")" + declaredSuffix(declared) + "; the URL may have expired",
                            null);
                }
                format = sniffed.get();
                checkDeclared(declared, format, from);
            }
            Optional<Resolution> size = format.dimensions(head, buffered);
            if (size.isEmpty()) {
                if (!end && buffered < ImageFormat.HEADER_BYTES) {
                    return;
                }
                throw fail("the " + format + " image from " + from + " has no readable size in its header; it is "
                        + "damaged", null);
            }
            actual = size.get();
            if (destination instanceof ImageDestination.Directory dir) {
                openFile(dir);
                writeToFile(ByteBuffer.wrap(head, 0, buffered));
                buffer = null;
                buffered = 0;
            }
        }

        private void openFile(ImageDestination.Directory dir) {
            String name = dir.baseName() + (totalImages == 1 ? "" : "-" + (firstIndex + local + 1)) + "."
                    + format.extension();
            target = dir.directory().resolve(name);
            if (!dir.overwrite() && AtomicFiles.exists(target)) {
                throw fail("image file " + target + " already exists; choose another name or allow overwriting",
                        null);
            }
            checkWanted(target);
            try {
                temporary = AtomicFiles.temporaryBeside(target);
                file = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                throw localFailure(e);
            }
        }

        /** The cap, or the largest array the JVM makes, whichever is smaller. */
        private long arrayCap() {
            return Math.min(maxBytes, Integer.MAX_VALUE - 8);
        }

        private void writeToFile(ByteBuffer piece) {
            try {
                while (piece.hasRemaining()) {
                    file.write(piece);
                }
            } catch (IOException e) {
                throw localFailure(e);
            }
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

    private static String preview(byte[] head, int length) {
        int n = Math.min(8, Math.min(length, head.length));
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
    private static final class Trailer {
        private final byte[] last = new byte[12];
        private int filled;
        private final byte[] riff = new byte[8];
        private int riffFilled;

        /** Notes the bytes of {@code piece} without consuming them. */
        void accept(ByteBuffer piece) {
            int off = piece.position();
            int len = piece.remaining();
            for (int i = 0; i < len && riffFilled < 8; i++) {
                riff[riffFilled++] = piece.get(off + i);
            }
            if (len >= last.length) {
                piece.get(off + len - last.length, last, 0, last.length);
                filled = last.length;
            } else {
                int keep = Math.min(filled, last.length - len);
                System.arraycopy(last, filled - keep, last, 0, keep);
                piece.get(off, last, keep, len);
                filled = keep + len;
            }
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
