package io.github.seedream4j;

/**
 * The request is invalid: a value is out of range or malformed, found before sending or reported by the provider (HTTP 400). Fix the named value; retrying unchanged will fail again.
 */
public final class InvalidRequestException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, with the offending value and what to do next; never a secret
     * @param providerId the provider involved, or {@code null}
     * @param jobId the provider's job id if work was accepted, or {@code null}
     * @param cause the underlying cause, or {@code null}
     */
    public InvalidRequestException(String message, String providerId, String jobId, Throwable cause) {
        super(message, providerId, jobId, cause);
    }

    /**
     * {@code refused} itself when its message already quotes {@code text}, else a refusal that quotes what the caller
     * wrote ({@code 0*0}) before the reason given for the value it means ({@code 0x0}).
     */
    static InvalidRequestException quoting(String what, String text, InvalidRequestException refused) {
        if (text == null || refused.getMessage().contains(text.strip())) {
            return refused;
        }
        return new InvalidRequestException(what + " '" + text + "' was refused: " + refused.getMessage(), null, null,
                refused);
    }

    /**
     * An invalid request found before anything was sent, so with no provider or job involved.
     *
     * @param message what happened, with the offending value and what to do next; never a secret
     * @throws NullPointerException if {@code message} is null
     */
    public InvalidRequestException(String message) {
        this(message, null, null, null);
    }
}
