package io.github.seedream4j.spi;

import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.Warning;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the client gives a provider for one call: where images go, the deadline, cancellation, an executor and a
 * scheduler to wait without holding threads, and a way to report progress as {@link GenerationEvent}s.
 * Implemented by the client; thread-safe.
 */
public interface GenerationContext {

    /** {@return the id of the generation this call belongs to, never {@code null}} */
    String generationId();

    /** {@return the id of the provider making the call, never {@code null}} */
    String providerId();

    /** {@return which call of the fan-out this is, from 0} */
    int callIndex();

    /** {@return where the provider hands each image as soon as it has it} The client checks and stores it. */
    ImageSink images();

    /** {@return when the whole generation must be finished, never {@code null}} */
    Instant deadline();

    /** {@return time left until {@link #deadline()}, never negative} */
    default Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * {@return whether the caller cancelled the generation or its deadline passed} A provider stops as soon as it
     * sees it.
     */
    boolean isCancelled();

    /**
     * Runs {@code action} once when the generation is cancelled (at once if it already is).
     *
     * @param action what to run, for example cancelling the provider's job; it should not block or throw
     */
    void onCancel(Runnable action);

    /**
     * {@return an executor for blocking work the provider must do off the caller's thread} Shared; do not shut it
     * down.
     */
    Executor executor();

    /**
     * {@return a scheduler for timed waits (polling, backoff) without a sleeping thread per job} Shared; do not shut
     * it down.
     */
    ScheduledExecutorService scheduler();

    /**
     * Reports that the provider accepted the call as {@code jobId}. Call it as soon as the id is known.
     *
     * @param jobId the provider's job id, never {@code null}
     */
    void submitted(String jobId);

    /**
     * Reports a retry of a request that is safe to retry.
     *
     * @param attempt the attempt about to be made, from 2
     * @param delay how long the provider waits before it
     * @param reason why, for example {@code HTTP 429}; never a secret
     */
    void retried(int attempt, Duration delay, String reason);

    /**
     * Reports a status poll.
     *
     * @param jobId the job polled
     * @param status the provider's status, for example {@code IN_PROGRESS}
     */
    void polled(String jobId, String status);

    /**
     * Adds a warning to the result.
     *
     * @param warning the warning, never {@code null}
     */
    void warn(Warning warning);

    /** {@return a logger named for the provider, routed through {@link System.Logger}} */
    System.Logger logger();
}
