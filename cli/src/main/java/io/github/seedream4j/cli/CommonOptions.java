package io.github.seedream4j.cli;

import picocli.CommandLine.Option;

/** {@code --debug} and {@code --verbose}, on every command; they write into the run's {@link Io}. */
final class CommonOptions {

    private final Io io;

    CommonOptions(Io io) {
        this.io = io;
    }

    @Option(names = "--debug", description = "Print stack traces of errors (never shown otherwise).")
    void debug(boolean on) {
        io.debug = on;
    }

    @Option(names = {"-v", "--verbose"},
            description = "Print every generation event on stderr, one greppable line each (event=submitted ...).")
    void verbose(boolean on) {
        io.verbose = on;
    }
}
