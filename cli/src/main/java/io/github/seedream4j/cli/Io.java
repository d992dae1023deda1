package io.github.seedream4j.cli;

import java.io.PrintStream;

/** Where a command writes, and the switches every command shares. One per run of {@link Main#run}. */
final class Io {

    final PrintStream out;
    final PrintStream err;
    volatile boolean debug;
    volatile boolean verbose;

    Io(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** One line on stderr, prefixed so it is clear which tool speaks. */
    void error(String message) {
        err.println("seedream: " + message);
        err.flush();
    }

    void warn(String message) {
        err.println("seedream: warning: " + message);
        err.flush();
    }
}
