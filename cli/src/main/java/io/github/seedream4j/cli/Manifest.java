package io.github.seedream4j.cli;

import io.github.seedream4j.cli.ManifestRecord.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * The batch's journal, {@code manifest.jsonl} in the output directory: one record appended per event and forced to
 * disk before the next step, so a batch killed at any moment (even with {@code kill -9}) knows on its next run which
 * images are done and which provider jobs it is still owed.
 *
 * <p>One batch at a time: the manifest is opened under an exclusive operating-system lock held until {@link #close},
 * so a second batch on the same directory stops before sending anything (two would pay twice for the same lines).
 * Replaying the records never lets a later failure undo a {@code done} image. Thread-safe.
 */
final class Manifest implements AutoCloseable {

    static final String FILE_NAME = "manifest.jsonl";
    /** Says who holds the lock, for the message of the batch that finds it held; the lock itself is the OS's. */
    static final String HOLDER_FILE = ".manifest.lock";

    /** What the records say about one image, by its name. */
    static final class Entry {
        /** The last {@code done} record: once done, an image stays done whatever is recorded after. */
        ManifestRecord done;
        /** The last {@code submitted} record whose job has not been settled by a later record. */
        ManifestRecord pending;
        /** The last record of any status. */
        ManifestRecord last;

        void apply(ManifestRecord r) {
            last = r;
            switch (r.status()) {
                case SUBMITTED:
                    if (r.job() != null) {
                        pending = r;
                    }
                    break;
                case DONE:
                    done = r;
                    pending = null;
                    break;
                case FAILED:
                    if (pending != null && r.job() != null && r.job().equals(pending.job())) {
                        pending = null;
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private final Path file;
    private final Path holder;
    private final FileChannel channel;
    private final FileLock lock;
    private final Map<String, Entry> entries;
    private final List<String> problems;

    private Manifest(Path file, Path holder, FileChannel channel, FileLock lock, Map<String, Entry> entries,
            List<String> problems) {
        this.file = file;
        this.holder = holder;
        this.channel = channel;
        this.lock = lock;
        this.entries = entries;
        this.problems = problems;
    }

    /**
     * Locks and reads the manifest of {@code directory}, creating both when missing.
     *
     * @throws UsageException when another batch holds the lock, or the directory cannot be written
     */
    static Manifest open(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        Path holder = directory.resolve(HOLDER_FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            // one channel for reading and appending: where locks are mandatory (Windows) another handle could not read
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new UsageException("another seedream batch" + describeHolder(holder) + " is writing to "
                        + directory + " (its manifest " + file.getFileName() + " is locked); two batches on one "
                        + "directory would pay twice for the same lines. Wait for it to finish, or stop it, then run "
                        + "this command again");
            }
            Files.writeString(holder, "pid=" + ProcessHandle.current().pid() + "\nstarted=" + Instant.now() + "\n",
                    StandardCharsets.UTF_8);
            Map<String, Entry> entries = new HashMap<>();
            List<String> problems = new ArrayList<>();
            replay(file, channel, entries, problems);
            if (channel.size() > 0 && !endsWithNewline(channel)) {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}), channel.size());
            }
            return new Manifest(file, holder, channel, lock, entries, problems);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UsageException("cannot open the batch manifest " + file + " (" + e.getMessage()
                    + "); check that the output directory is writable");
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static String describeHolder(Path holder) {
        try {
            String text = Files.readString(holder, StandardCharsets.UTF_8);
            String pid = null;
            String started = null;
            for (String line : text.split("\n")) {
                if (line.startsWith("pid=")) {
                    pid = line.substring(4).strip();
                } else if (line.startsWith("started=")) {
                    started = line.substring(8).strip();
                }
            }
            if (pid == null || !pid.matches("[0-9]{1,12}")) {
                return "";
            }
            return " (process " + pid + (started == null ? "" : ", started " + Text.prefix(started, 40)) + ")";
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static void replay(Path file, FileChannel channel, Map<String, Entry> entries, List<String> problems)
            throws IOException {
        channel.position(0);
        // not closed: closing the stream would close the channel
        BatchFile.RawLines lines = new BatchFile.RawLines(Channels.newInputStream(channel));
        for (BatchFile.RawLine raw = lines.next(); raw != null; raw = lines.next()) {
            if (raw.skipped()) {
                continue;
            }
            ManifestRecord r = null;
            if (!raw.tooLong()) {
                try {
                    r = Jsons.MAPPER.readValue(raw.bytes(), ManifestRecord.class);
                } catch (JacksonException e) {
                    r = null;
                }
            }
            if (r == null || r.status() == null || r.name() == null) {
                // a record cut short by a crash mid-write; everything before it is intact
                problems.add("manifest " + file + " line " + raw.number() + " is unreadable and was ignored");
                continue;
            }
            entries.computeIfAbsent(r.name(), k -> new Entry()).apply(r);
        }
    }

    private static boolean endsWithNewline(FileChannel channel) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, channel.size() - 1);
        return last.get(0) == '\n';
    }

    Path file() {
        return file;
    }

    List<String> problems() {
        return problems;
    }

    /** What the records say about the image named {@code name}. */
    synchronized Optional<Entry> entry(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            return Optional.empty();
        }
        Entry copy = new Entry();
        copy.done = e.done;
        copy.pending = e.pending;
        copy.last = e.last;
        return Optional.of(copy);
    }

    /** Appends a record: written and forced to disk before returning. */
    synchronized void append(ManifestRecord record) {
        byte[] bytes = (Jsons.MAPPER.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer, channel.size());
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the batch manifest " + file + ": " + e.getMessage(), e);
        }
        if (record.name() != null) {
            entries.computeIfAbsent(record.name(), k -> new Entry()).apply(record);
        }
    }

    /** Releases the lock and closes the file. */
    @Override
    public synchronized void close() {
        try {
            Files.deleteIfExists(holder);
        } catch (IOException e) {
            // harmless: the file only names the holder while the OS lock is held
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to save
            }
        }
    }
}
