package io.github.seedream4j;

/**
 * The generation did not finish before its deadline, or the provider reports the job as timed out
 * (Runpod's TIMED_OUT). When a job id is known, seedream4j has asked the provider to cancel it; a provider that
 * keeps results may still allow {@code resume} with {@link #jobId()}.
 */
public final class GenerationTimeoutException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do next; never a secret
     * @param providerId the provider involved, or {@code null}
     * @param jobId the provider's job id, or {@code null}
     * @param cause the underlying cause, or {@code null}
     */
    public GenerationTimeoutException(String message, String providerId, String jobId, Throwable cause) {
        super(message, providerId, jobId, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
