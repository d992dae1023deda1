package io.github.seedream4j;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the client puts fetched images: in memory, or streamed straight into files in a directory so a 4K image
 * never sits whole on the heap. Files are written atomically (temporary file, then rename): nobody ever sees a
 * partial image under its final name.
 */
public sealed interface ImageDestination permits ImageDestination.Memory, ImageDestination.Directory {

    /** {@return the destination that keeps images in memory} The default. */
    static ImageDestination memory() {
        return Memory.INSTANCE;
    }

    /**
     * Stream images into {@code directory} as {@code baseName.<ext>} (one image) or {@code baseName-1.<ext>},
     * {@code baseName-2.<ext>}, ... (several); the extension follows the image's real format.
     *
     * @param directory where files go, created when missing; never {@code null}
     * @param baseName the file name before the index and extension; a plain name, not a path
     * @param overwrite whether an existing file of the same name may be replaced; when false, such a file is an error
     * @return the destination
     * @throws NullPointerException if {@code directory} is null
     * @throws InvalidRequestException if the base name is null, blank, {@code .}, {@code ..} or contains a path
     *         separator
     */
    static ImageDestination directory(Path directory, String baseName, boolean overwrite) {
        return new Directory(directory, baseName, overwrite);
    }

    /** In memory. */
    final class Memory implements ImageDestination {
        static final Memory INSTANCE = new Memory();

        private Memory() {
        }

        @Override
        public String toString() {
            return "memory";
        }
    }

    /**
     * Files in a directory.
     *
     * @param directory where files go; created when missing
     * @param baseName the file name before the index and extension; a plain name, not a path
     * @param overwrite whether an existing file may be replaced
     */
    record Directory(Path directory, String baseName, boolean overwrite) implements ImageDestination {
        /**
         * Checks the parts.
         *
         * @param directory where files go, never {@code null}
         * @param baseName a plain file name, not blank
         * @param overwrite whether an existing file may be replaced
         * @throws NullPointerException if {@code directory} is null
         * @throws InvalidRequestException if the base name is null, blank, {@code .}, {@code ..} or contains a path
         *         separator
         */
        public Directory {
            Objects.requireNonNull(directory, "directory");
            if (baseName == null || baseName.isBlank() || baseName.contains("/") || baseName.contains("\\")
                    || baseName.equals(".") || baseName.equals("..")) {
                throw new InvalidRequestException("image base name '" + baseName
                        + "' must be a plain file name without a directory part, for example lighthouse");
            }
        }
    }
}
