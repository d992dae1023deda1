package io.github.seedream4j.spi;

import io.github.seedream4j.Warning;
import java.time.Duration;

/**
 * How a provider reports what happens during a call; each report becomes a
 * {@link io.github.seedream4j.GenerationEvent} for the client's listeners. Implemented by the client; thread-safe,
 * never blocks.
 */
public interface Progress {

    /**
     * Reports that the provider accepted the call as {@code jobId}. Call it as soon as the id is known, also when the
     * generation was cancelled meanwhile. Providers whose API gives no job id, or gives it only with the result,
     * report it then or never; nothing waits for it.
     *
     * @param jobId the provider's job id, never {@code null}
     */
    void submitted(String jobId);

    /**
     * Reports a status poll.
     *
     * @param jobId the job polled, never {@code null}
     * @param status the provider's status, for example {@code IN_PROGRESS}; never {@code null}
     */
    void polled(String jobId, String status);

    /**
     * Reports a retry of a request that is safe to retry.
     *
     * @param attempt the attempt about to be made, from 2
     * @param delay how long the provider waits before it
     * @param reason why, for example {@code HTTP 429}; never a secret
     */
    void retried(int attempt, Duration delay, String reason);

    /**
     * Adds a warning to the result.
     *
     * @param warning the warning, never {@code null}
     */
    void warn(Warning warning);
}
