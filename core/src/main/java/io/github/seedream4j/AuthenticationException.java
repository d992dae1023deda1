package io.github.seedream4j;

/**
 * The provider rejected the credentials (HTTP 401 or 403): the key is wrong, expired or lacks a permission. The message names the setting to check.
 */
public final class AuthenticationException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, with the offending value and what to do next; never a secret
     * @param providerId the provider involved, or {@code null}
     * @param jobId the provider's job id if work was accepted, or {@code null}
     * @param cause the underlying cause, or {@code null}
     */
    public AuthenticationException(String message, String providerId, String jobId, Throwable cause) {
        super(message, providerId, jobId, cause);
    }

    /** @param message what happened, with the offending value and what to do next; never a secret */
    public AuthenticationException(String message) {
        this(message, null, null, null);
    }
}
