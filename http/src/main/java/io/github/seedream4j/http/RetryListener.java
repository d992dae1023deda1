package io.github.seedream4j.http;

import java.time.Duration;

/** Told about each retry before its wait starts; providers forward it to the generation's events. */
@FunctionalInterface
public interface RetryListener {

    /** Ignores retries. */
    RetryListener NONE = (attempt, delay, reason) -> { };

    /**
     * @param attempt the number of the attempt about to be made, from 2
     * @param delay the wait before it
     * @param reason why the previous attempt is retried, for people
     */
    void retrying(int attempt, Duration delay, String reason);
}
