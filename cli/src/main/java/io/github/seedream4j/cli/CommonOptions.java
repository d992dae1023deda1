package io.github.seedream4j.cli;

import picocli.CommandLine.Option;

/** {@code --debug} and {@code --verbose}, on every command; they write into the run's {@link Io}. */
final class CommonOptions {

    private final Io io;

    CommonOptions(Io io) {
        this.io = io;
    }

    @Option(names = "--debug",
            description = "Print stack traces of errors, and the library's log records from DEBUG up, on stderr.")
    void debug(boolean on) {
        io.debug = on;
        CliLogging.level(io);
    }

    @Option(names = {"-v", "--verbose"},
            description = "Print every generation event (event=submitted ...) and the library's log records from "
                    + "INFO up on stderr, one line each.")
    void verbose(boolean on) {
        io.verbose = on;
        CliLogging.level(io);
    }
}
