package io.github.seedream4j.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --debug} and {@code --verbose}, on every command; they write into the run's {@link Io} as they are parsed,
 * so a failure later in parsing is already reported at the level asked for.
 */
final class CommonOptions {

    private final Io io;

    CommonOptions(Io io) {
        this.io = io;
    }

    /** Adds both options to {@code spec}. */
    void addTo(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("--debug").type(boolean.class).setter(new Level(true))
                .description("Print stack traces of errors, and the library's log records from DEBUG up, on stderr.")
                .build());
        spec.addOption(OptionSpec.builder("-v", "--verbose").type(boolean.class).setter(new Level(false))
                .description("Print every generation event (event=submitted ...) and the library's log records from "
                        + "INFO up on stderr, one line each.")
                .build());
    }

    /**
     * Sets {@code --debug} or {@code --verbose}. A class, not a lambda: picocli's interfaces are Java 5 class files,
     * and a lambda implementing one is left out of the launcher's class-data archive.
     */
    private final class Level implements ISetter {
        private final boolean debug;

        Level(boolean debug) {
            this.debug = debug;
        }

        @Override
        public <T> T set(T value) {
            boolean on = Boolean.TRUE.equals(value);
            if (debug) {
                io.debug = on;
            } else {
                io.verbose = on;
            }
            CliLogging.level(io);
            return null;
        }
    }
}
