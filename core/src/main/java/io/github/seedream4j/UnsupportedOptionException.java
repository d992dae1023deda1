package io.github.seedream4j;

/**
 * The chosen provider cannot honour an option of the request (for example a negative prompt on Cloudflare), and the client's {@link UnsupportedOptionPolicy} is {@link UnsupportedOptionPolicy#REFUSE}. Drop the option, choose another provider, or switch the policy to {@link UnsupportedOptionPolicy#WARN}.
 */
public final class UnsupportedOptionException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, with the offending value and what to do next; never a secret
     * @param providerId the provider involved, or {@code null}
     * @param jobId the provider's job id if work was accepted, or {@code null}
     * @param cause the underlying cause, or {@code null}
     */
    public UnsupportedOptionException(String message, String providerId, String jobId, Throwable cause) {
        super(message, providerId, jobId, cause);
    }

    /** @param message what happened, with the offending value and what to do next; never a secret */
    public UnsupportedOptionException(String message) {
        this(message, null, null, null);
    }
}
