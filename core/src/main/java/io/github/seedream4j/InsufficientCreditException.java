package io.github.seedream4j;

/**
 * The provider refused the request because the account has no credit or billing is not set up (for example Cloudflare's HTTP 402, code 2021). Nothing was generated and nothing was charged.
 */
public final class InsufficientCreditException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, with the offending value and what to do next; never a secret
     * @param providerId the provider involved, or {@code null}
     * @param jobId the provider's job id if work was accepted, or {@code null}
     * @param cause the underlying cause, or {@code null}
     */
    public InsufficientCreditException(String message, String providerId, String jobId, Throwable cause) {
        super(message, providerId, jobId, cause);
    }

    /** @param message what happened, with the offending value and what to do next; never a secret */
    public InsufficientCreditException(String message) {
        this(message, null, null, null);
    }
}
