package io.github.seedream4j;

/**
 * The provider could not be reached or answered with a server error (HTTP 5xx, connection refused) before it accepted the request. Nothing was charged; retrying later may succeed.
 */
public final class ProviderUnavailableException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, with the offending value and what to do next; never a secret
     * @param providerId the provider involved, or {@code null}
     * @param jobId the provider's job id if work was accepted, or {@code null}
     * @param cause the underlying cause, or {@code null}
     */
    public ProviderUnavailableException(String message, String providerId, String jobId, Throwable cause) {
        super(message, providerId, jobId, cause);
    }

    /** @param message what happened, with the offending value and what to do next; never a secret */
    public ProviderUnavailableException(String message) {
        this(message, null, null, null);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
