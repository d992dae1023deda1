package io.github.seedream4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes files so that nobody ever sees a partial one under its final name, never replaces an existing name unless
 * asked to (decided by one atomic file-system operation), and leaves no temporary file behind: temporary files are
 * removed on every exit the JVM runs shutdown hooks for, and stale ones left by a killed process are removed by the
 * next write into their directory. A directory is looked through at most once every {@link #STALE}, so writing many
 * files into one directory does not list it once per file.
 */
final class AtomicFiles {

    /** A temporary file untouched for this long belongs to a process that died. */
    static final Duration STALE = Duration.ofMinutes(10);

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    /** The names {@link #temporaryBeside} gives: a dot, the target's name, a dot, hexadecimal digits, ".part". */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.part");

    /** When each directory was last looked through for stale temporary files, in {@link System#nanoTime} units. */
    private static final Map<Path, Long> SWEPT = new ConcurrentHashMap<>();

    /** More directories than this remembered and the memory is cleared: forgetting one only means looking again. */
    private static final int SWEPT_LIMIT = 1024;

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(AtomicFiles::deleteQuietly),
                    "seedream-temp-cleanup"));
        } catch (IllegalStateException | SecurityException e) {
            // the JVM is already shutting down, or hooks are not allowed: temporary files are still removed in use
        }
    }

    private AtomicFiles() {
    }

    /** Whether anything exists at {@code path}: a file, a directory, or a symbolic link even if it dangles. */
    static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * A new, empty temporary file beside {@code target}, hidden, ending in {@code .part}. It is created like any
     * other file (the process umask applies), unlike {@link Files#createTempFile}, whose owner-only permissions
     * would carry over to the finished image. Stale temporary files in the directory are removed first.
     */
    static Path temporaryBeside(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        removeStale(dir);
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
            try {
                Path created = Files.createFile(tmp);
                LIVE.add(created);
                return created;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw e;
                }
            }
        }
    }

    /**
     * Removes temporary files of {@code dir} untouched for {@link #STALE}, unless the directory was looked through
     * less than that ago (by any thread: one looks, the others go on).
     */
    private static void removeStale(Path dir) {
        long now = System.nanoTime();
        Long last = SWEPT.get(dir);
        if (last != null && now - last < STALE.toNanos()) {
            return;
        }
        if (SWEPT.size() >= SWEPT_LIMIT) {
            SWEPT.clear();
            last = null;
        }
        boolean mine = last == null ? SWEPT.putIfAbsent(dir, now) == null : SWEPT.replace(dir, last, now);
        if (!mine) {
            return;
        }
        FileTime cutoff = FileTime.from(Instant.now().minus(STALE));
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir,
                p -> TEMPORARY.matcher(p.getFileName().toString()).matches())) {
            for (Path p : parts) {
                if (!LIVE.contains(p) && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).compareTo(cutoff) < 0) {
                    deleteQuietly(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a stale file left here does no harm beyond its space
        }
    }

    /**
     * Moves a complete temporary file to {@code target}: atomically, and never over an existing name of any kind
     * unless {@code overwrite}. Without overwrite the name is claimed by a hard link, which fails atomically when the
     * name exists; where links are not supported, a move without replacement is used. The temporary file is gone
     * afterwards, whatever happens.
     */
    static Path commit(Path temporary, Path target, boolean overwrite) throws IOException {
        try {
            if (overwrite) {
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
                return target;
            }
            try {
                Files.createLink(target, temporary);
            } catch (FileAlreadyExistsException e) {
                throw new FileAlreadyExistsException(target.toString());
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (exists(target)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                Files.move(temporary, target);
            }
            return target;
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Copies {@code in} into {@code target} atomically. */
    static Path write(InputStream in, Path target, boolean overwrite) throws IOException {
        if (!overwrite && exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "it already exists; choose another name "
                    + "or allow overwriting");
        }
        Path tmp = temporaryBeside(target);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                in.transferTo(out);
            }
            return commit(tmp, target, overwrite);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Deletes {@code path} if it exists, ignoring failures. */
    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // nothing more to do: the caller already reports the failure that matters
        } finally {
            LIVE.remove(path);
        }
    }
}
