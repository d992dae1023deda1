package io.github.seedream4j.cli;

/** Bad input found by the CLI itself (not by core): exit code 2, one line naming the value and what to do. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
