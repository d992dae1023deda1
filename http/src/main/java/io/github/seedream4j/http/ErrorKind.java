package io.github.seedream4j.http;

/**
 * Which exception of the {@link io.github.seedream4j.SeedreamException} family an error answer becomes; an
 * {@link ErrorMapping} picks one for a provider's own error codes.
 */
public enum ErrorKind {

    /** {@link io.github.seedream4j.InvalidRequestException}: change the request. */
    INVALID_REQUEST,

    /** {@link io.github.seedream4j.AuthenticationException}: the credential was refused. */
    AUTHENTICATION,

    /** {@link io.github.seedream4j.InsufficientCreditException}: the account cannot pay (no credit, overdue). */
    INSUFFICIENT_CREDIT,

    /** {@link io.github.seedream4j.ConfigurationException}: a setting is wrong (base URL, account, model). */
    CONFIGURATION,

    /** {@link io.github.seedream4j.RateLimitedException}: wait, then try again; carries {@code Retry-After}. */
    RATE_LIMITED,

    /** {@link io.github.seedream4j.ProviderUnavailableException}: a problem on the provider's side; try later. */
    UNAVAILABLE,

    /** {@link io.github.seedream4j.GenerationTimeoutException}: the provider gave up on the generation. */
    TIMED_OUT,

    /** {@link io.github.seedream4j.GenerationFailedException}: the generation failed. */
    FAILED,

    /**
     * {@link io.github.seedream4j.OutcomeUnknownException}: the provider may have accepted, and charged, the
     * request; it must not be sent again blindly.
     */
    OUTCOME_UNKNOWN
}
