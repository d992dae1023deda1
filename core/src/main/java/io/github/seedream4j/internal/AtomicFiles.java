package io.github.seedream4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files so that nobody ever sees a partial one under its final name. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * A new, empty temporary file beside {@code target}, hidden, ending in {@code .part}. It is created like any
     * other file (the process umask applies), unlike {@link Files#createTempFile}, whose owner-only permissions
     * would carry over to the finished image.
     */
    public static Path temporaryBeside(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(
                    java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".part");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw e;
                }
            }
        }
    }

    /**
     * Moves a complete temporary file to {@code target}: atomically where the file system can, and never over an
     * existing file unless {@code overwrite}. The temporary file is gone afterwards, whatever happens.
     */
    public static Path commit(Path temporary, Path target, boolean overwrite) throws IOException {
        try {
            if (!overwrite && Files.exists(target)) {
                throw new FileAlreadyExistsException(target + " already exists; choose another name or allow overwriting");
            }
            try {
                if (overwrite) {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (AtomicMoveNotSupportedException e) {
                if (overwrite) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(temporary, target);
                }
            }
            return target;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Copies {@code in} into {@code target} atomically. */
    public static Path write(InputStream in, Path target, boolean overwrite) throws IOException {
        Path tmp = temporaryBeside(target);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                in.transferTo(out);
            }
            return commit(tmp, target, overwrite);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
