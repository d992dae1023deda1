package io.github.seedream4j;

import java.util.Objects;
import java.util.Optional;

/**
 * The root of every exception seedream4j throws. Unchecked, and sealed: a caller can switch over the
 * final subtypes and act on each (fix the request, choose another provider, wait and retry, ...).
 *
 * <p>Messages say what happened, with which value, and what to do next. They never contain a secret:
 * providers translate transport failures at their edge and never pass a credential into a message.
 */
public abstract sealed class SeedreamException extends RuntimeException
        permits InvalidRequestException, UnsupportedOptionException, ProviderSelectionException,
                ConfigurationException, AuthenticationException, InsufficientCreditException,
                RateLimitedException, ProviderUnavailableException, GenerationFailedException,
                OutcomeUnknownException, GenerationTimeoutException, GenerationCancelledException,
                ImageDownloadException {

    private static final long serialVersionUID = 1L;

    /** The provider involved, or {@code null}. */
    private final String providerId;
    /** The provider's job id if it accepted work, or {@code null}. */
    private final String jobId;

    SeedreamException(String message, String providerId, String jobId, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.providerId = providerId;
        this.jobId = jobId;
    }

    /** {@return the id of the provider that raised this error, when one was involved} */
    public Optional<String> providerId() {
        return Optional.ofNullable(providerId);
    }

    /**
     * The provider's job id, when the provider accepted work before the error happened. With it, a caller can
     * look the job up (or resume waiting for it) instead of submitting, and paying, a second time.
     *
     * @return the job id, when there is one
     */
    public Optional<String> jobId() {
        return Optional.ofNullable(jobId);
    }

    /**
     * Whether sending the same request again later may succeed without any change to it. Retrying is always the
     * caller's decision: seedream4j itself never re-sends a request that may already have been accepted.
     *
     * @return false here; true for subtypes such as {@link RateLimitedException} that say so
     */
    public boolean isRetryable() {
        return false;
    }
}
