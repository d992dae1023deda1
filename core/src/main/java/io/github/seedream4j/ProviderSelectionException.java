package io.github.seedream4j;

/**
 * No provider could be chosen: none is on the class path, several are and none was named, or the named one is not present. The message lists what was found and how to choose.
 */
public final class ProviderSelectionException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, with the offending value and what to do next; never a secret
     * @param providerId the provider involved, or {@code null}
     * @param jobId the provider's job id if work was accepted, or {@code null}
     * @param cause the underlying cause, or {@code null}
     */
    public ProviderSelectionException(String message, String providerId, String jobId, Throwable cause) {
        super(message, providerId, jobId, cause);
    }

    /** @param message what happened, with the offending value and what to do next; never a secret */
    public ProviderSelectionException(String message) {
        this(message, null, null, null);
    }
}
