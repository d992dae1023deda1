package io.github.seedream4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal. Java 17 can only say whether the process has a console (stdin and stdout
 * both terminals); on Linux each descriptor is looked up in {@code /proc/self/fd}, elsewhere the console decides.
 */
final class Terminal {

    private Terminal() {
    }

    /** Whether file descriptor {@code fd} (1 stdout, 2 stderr) is a terminal. */
    static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
