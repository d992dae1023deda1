package io.github.seedream4j;

/**
 * The generation did not finish before its deadline, or the provider reports the job as timed out (Runpod's
 * TIMED_OUT). The client decides this outcome alone once the deadline has passed, whatever the provider's call
 * reports at the same moment: a read timed out, an unknown outcome, even a late result. When a job id is known,
 * seedream4j has asked the provider to cancel it; a provider that keeps results may still allow {@code resume}
 * with {@link #jobId()}. When {@link #requestMayHaveBeenAccepted()} is true, the provider may have accepted (and
 * charged) the request: check before sending it again.
 */
public final class GenerationTimeoutException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /** Whether the provider may have accepted the request. */
    private final boolean mayHaveBeenAccepted;

    /**
     * A timeout that says nothing about whether the request was accepted beyond {@code jobId}.
     *
     * @param message what happened and what to do next; never a secret
     * @param providerId the provider involved, or {@code null}
     * @param jobId the provider's job id, or {@code null}
     * @param cause the underlying cause, or {@code null}
     */
    public GenerationTimeoutException(String message, String providerId, String jobId, Throwable cause) {
        this(message, providerId, jobId, jobId != null, cause);
    }

    /**
     * @param message what happened and what to do next; never a secret
     * @param providerId the provider involved, or {@code null}
     * @param jobId the provider's job id, or {@code null}
     * @param mayHaveBeenAccepted whether the provider may have accepted the request; true whenever
     *        {@code jobId} is given
     * @param cause the underlying cause, or {@code null}
     */
    public GenerationTimeoutException(String message, String providerId, String jobId, boolean mayHaveBeenAccepted,
            Throwable cause) {
        super(message, providerId, jobId, cause);
        this.mayHaveBeenAccepted = mayHaveBeenAccepted || jobId != null;
    }

    /**
     * {@return whether the provider may have accepted, and may charge for, the request} True when a job id is
     * known, or when a request was on its way and no answer said it was refused.
     */
    public boolean requestMayHaveBeenAccepted() {
        return mayHaveBeenAccepted;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
