package io.github.seedream4j;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider is rate limiting this account (HTTP 429, or a capacity error such as Cloudflare's 3040) and kept
 * doing so after seedream4j's own bounded retries. Wait at least {@link #retryAfter()} when present, then retry.
 */
public final class RateLimitedException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /** How long the provider asked the caller to wait, or {@code null}. */
    private final Duration retryAfter;

    /**
     * @param message what happened and what to do next; never a secret
     * @param providerId the provider involved, or {@code null}
     * @param retryAfter how long the provider asked the caller to wait, or {@code null} when it did not say
     * @param cause the underlying cause, or {@code null}
     */
    public RateLimitedException(String message, String providerId, Duration retryAfter, Throwable cause) {
        super(message, providerId, null, cause);
        this.retryAfter = retryAfter;
    }

    /** {@return how long the provider asked the caller to wait before the next attempt, when it said} */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
