package io.github.seedream4j;

/**
 * The generation was cancelled by the caller, or the provider reports the job as cancelled. When the provider had a job id it is carried here, and seedream4j has asked the provider to cancel it.
 */
public final class GenerationCancelledException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, with the offending value and what to do next; never a secret
     * @param providerId the provider involved, or {@code null}
     * @param jobId the provider's job id if work was accepted, or {@code null}
     * @param cause the underlying cause, or {@code null}
     */
    public GenerationCancelledException(String message, String providerId, String jobId, Throwable cause) {
        super(message, providerId, jobId, cause);
    }

    /** @param message what happened, with the offending value and what to do next; never a secret */
    public GenerationCancelledException(String message) {
        this(message, null, null, null);
    }
}
