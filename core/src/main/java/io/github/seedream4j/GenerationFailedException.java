package io.github.seedream4j;

/**
 * The provider accepted the request and reported that the generation failed (for example Runpod's FAILED status, with its message). Failed generations are not charged by the providers seedream4j knows.
 */
public final class GenerationFailedException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, with the offending value and what to do next; never a secret
     * @param providerId the provider involved, or {@code null}
     * @param jobId the provider's job id if work was accepted, or {@code null}
     * @param cause the underlying cause, or {@code null}
     */
    public GenerationFailedException(String message, String providerId, String jobId, Throwable cause) {
        super(message, providerId, jobId, cause);
    }

    /** @param message what happened, with the offending value and what to do next; never a secret */
    public GenerationFailedException(String message) {
        this(message, null, null, null);
    }
}
