package io.github.seedream4j.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the client gives a provider for one call: the deadline, cancellation, threads to work and wait on, where
 * images go, and {@link #progress()} to report what happens. Implemented by the client; thread-safe.
 */
public interface GenerationContext {

    /** {@return when the whole generation must be finished, never {@code null}} */
    Instant deadline();

    /** {@return time left until {@link #deadline()}, never negative} */
    default Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * {@return whether the generation was cancelled, or its deadline passed} A provider stops as soon as it sees it;
     * the client has already decided the outcome.
     */
    boolean isCancelled();

    /**
     * Runs {@code action} once when the generation is cancelled or its deadline passes, or at once if that already
     * happened. Used to cancel the provider's job and to interrupt blocking steps.
     *
     * @param action what to run; it should not block, and what it throws is logged and ignored
     */
    void onCancel(Runnable action);

    /**
     * {@return an executor for blocking work the provider must do off the caller's thread} Shared and bounded; do
     * not shut it down. {@link Blocking#supply} runs a step on it with cancellation wired.
     */
    Executor executor();

    /**
     * {@return a scheduler for timed waits (polling, backoff) without a sleeping thread per job} Shared, with one
     * thread: schedule short hand-offs on it, never blocking work. Do not shut it down.
     */
    ScheduledExecutorService scheduler();

    /** {@return where the provider hands each image; the client checks and stores it} */
    ImageSink images();

    /** {@return how the provider reports job ids, polls, retries and warnings} */
    Progress progress();

    /** {@return a logger named for the provider, routed through {@link System.Logger}} */
    System.Logger logger();
}
