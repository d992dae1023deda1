package io.github.seedream4j.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An error answer, as an {@link ErrorMapping} sees it and as {@link ErrorTranslator} describes it.
 *
 * @param what the request for messages, for example {@code "POST /v2/seedream-v4-t2i/run"}
 * @param status the HTTP status
 * @param details the errors the body reported, in order; empty when it reported none
 * @param retryAfter the wait {@code Retry-After} asked for, or {@code null}
 * @param jobId the provider's job id when one is known, or {@code null}
 * @param idempotency whether the request was safe to repeat
 */
public record ErrorReport(String what, int status, List<ErrorDetail> details, Duration retryAfter, String jobId,
        Idempotency idempotency) {

    /**
     * Checks and copies the parts.
     *
     * @param what the request for messages, never {@code null}
     * @param status the HTTP status
     * @param details the errors the body reported, never {@code null}; copied
     * @param retryAfter the wait {@code Retry-After} asked for, or {@code null}
     * @param jobId the provider's job id, or {@code null}
     * @param idempotency whether the request was safe to repeat, never {@code null}
     * @throws NullPointerException if {@code what}, {@code details}, an element of it, or {@code idempotency} is null
     */
    public ErrorReport {
        Objects.requireNonNull(what, "what");
        details = List.copyOf(details);
        Objects.requireNonNull(idempotency, "idempotency");
    }

    /**
     * {@return whether one of the details has code {@code code}}
     *
     * @param code the code, compared exactly
     */
    public boolean hasCode(String code) {
        return details.stream().anyMatch(d -> code.equals(d.code()));
    }

    /**
     * {@return whether a detail's message contains {@code fragment}, ignoring case}
     *
     * @param fragment the text to look for
     */
    public boolean mentions(String fragment) {
        String f = fragment.toLowerCase(java.util.Locale.ROOT);
        return details.stream().anyMatch(d -> d.message().toLowerCase(java.util.Locale.ROOT).contains(f));
    }

    /** {@return the wait {@code Retry-After} asked for} */
    public Optional<Duration> retryAfterIfAny() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * {@return this report with other details}
     *
     * @param replaced the details, never {@code null}
     */
    public ErrorReport withDetails(List<ErrorDetail> replaced) {
        return new ErrorReport(what, status, replaced, retryAfter, jobId, idempotency);
    }

    /**
     * {@return this report with a job id}
     *
     * @param id the job id, or {@code null}
     */
    public ErrorReport withJobId(String id) {
        return new ErrorReport(what, status, details, retryAfter, id, idempotency);
    }
}
