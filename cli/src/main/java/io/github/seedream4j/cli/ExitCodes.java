package io.github.seedream4j.cli;

import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.ProviderSelectionException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.UnsupportedOptionException;

/** The process exit codes, documented in every {@code --help} footer and in the README. */
final class ExitCodes {

    /** Everything asked for was done. */
    static final int OK = 0;
    /** The provider failed to generate (provider error, timeout, download). */
    static final int GENERATION_FAILED = 1;
    /** Bad input, usage or configuration: nothing was sent. */
    static final int USAGE = 2;
    /** A batch finished but some lines failed, were skipped or changed since they were recorded. */
    static final int BATCH_INCOMPLETE = 3;
    /** Interrupted (Ctrl-C). */
    static final int INTERRUPTED = 130;

    static final String FOOTER = "%nExit codes:%n"
            + "  0    ok%n"
            + "  1    generation failed (the provider reported an error, timed out, or an image could not be fetched)%n"
            + "  2    bad input, usage or configuration (nothing was sent or paid for)%n"
            + "  3    a batch finished but some lines failed, were skipped (budget) or changed since they were made%n"
            + "  130  interrupted (Ctrl-C); a batch resumes where it stopped when run again%n";

    private ExitCodes() {
    }

    /** The exit code for a failure: 2 when the caller must change something before trying again, else 1. */
    static int of(SeedreamException e) {
        if (e instanceof InvalidRequestException || e instanceof UnsupportedOptionException
                || e instanceof ProviderSelectionException || e instanceof ConfigurationException
                || e instanceof AuthenticationException) {
            return USAGE;
        }
        return GENERATION_FAILED;
    }
}
