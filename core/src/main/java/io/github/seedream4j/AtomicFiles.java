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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that nobody ever sees a partial one under its final name, never replaces an existing name unless
 * asked to (decided by one atomic file-system operation), and leaves no temporary file behind: temporary files are
 * removed on every exit the JVM runs shutdown hooks for, and stale ones left by a killed process are removed by the
 * next write to the same name.
 */
final class AtomicFiles {

    /** A temporary file untouched for this long belongs to a process that died. */
    static final Duration STALE = Duration.ofMinutes(10);

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

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
     * would carry over to the finished image. Stale temporary files of the same target are removed first.
     */
    static Path temporaryBeside(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        removeStale(dir, target.getFileName().toString());
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

    private static void removeStale(Path dir, String name) {
        FileTime cutoff = FileTime.from(Instant.now().minus(STALE));
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, "." + globEscape(name) + ".*.part")) {
            for (Path p : parts) {
                if (!LIVE.contains(p) && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).compareTo(cutoff) < 0) {
                    deleteQuietly(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a stale file left here does no harm beyond its space
        }
    }

    private static String globEscape(String s) {
        return s.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
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
