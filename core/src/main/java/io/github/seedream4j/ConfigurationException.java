package io.github.seedream4j;

/**
 * A provider setting is missing or malformed (an API key, an account id, a URL, a duration). The message names the system property and environment variable that set it; it never contains the value of a secret.
 */
public final class ConfigurationException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, with the offending value and what to do next; never a secret
     * @param providerId the provider involved, or {@code null}
     * @param jobId the provider's job id if work was accepted, or {@code null}
     * @param cause the underlying cause, or {@code null}
     */
    public ConfigurationException(String message, String providerId, String jobId, Throwable cause) {
        super(message, providerId, jobId, cause);
    }

    /** @param message what happened, with the offending value and what to do next; never a secret */
    public ConfigurationException(String message) {
        this(message, null, null, null);
    }
}
