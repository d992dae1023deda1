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

    /** The id of the generation this call belongs to. */
    String generationId();

    /** The id of the provider making the call. */
    String providerId();

    /** Which call of the fan-out this is, from 0. */
    int callIndex();

    /** Where the provider hands each image as soon as it has it; the client checks and stores it. */
    ImageSink images();

    /** When the whole generation must be finished. */
    Instant deadline();

    /** Time left until {@link #deadline()}, never negative. */
    default Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether the caller cancelled the generation or its deadline passed; a provider stops as soon as it sees it. */
    boolean isCancelled();

    /** Runs {@code action} once when the generation is cancelled (at once if it already is). */
    void onCancel(Runnable action);

    /** For blocking work the provider must do off the caller's thread. */
    Executor executor();

    /** For timed waits (polling, backoff) without a sleeping thread per job. Shared; do not shut it down. */
    ScheduledExecutorService scheduler();

    /** Reports that the provider accepted the call as {@code jobId}. Call it as soon as the id is known. */
    void submitted(String jobId);

    /** Reports a retry of a request that is safe to retry. */
    void retried(int attempt, Duration delay, String reason);

    /** Reports a status poll. */
    void polled(String jobId, String status);

    /** Adds a warning to the result. */
    void warn(Warning warning);

    /** A logger named for the provider, routed through {@link System.Logger}. */
    System.Logger logger();
}
