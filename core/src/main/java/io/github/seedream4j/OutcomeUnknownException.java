package io.github.seedream4j;

/**
 * The request may have reached the provider, and may have been accepted and charged, but no answer came back
 * (the connection broke or timed out after the request was sent). seedream4j never re-sends such a request
 * automatically, because a second request is a second charge. If {@link #jobId()} is present, resume waiting for
 * that job; otherwise check the provider's dashboard before sending the request again.
 */
public final class OutcomeUnknownException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do next; never a secret
     * @param providerId the provider involved, or {@code null}
     * @param jobId the job id if one is known, or {@code null}
     * @param cause the underlying cause, or {@code null}
     */
    public OutcomeUnknownException(String message, String providerId, String jobId, Throwable cause) {
        super(message, providerId, jobId, cause);
    }
}
