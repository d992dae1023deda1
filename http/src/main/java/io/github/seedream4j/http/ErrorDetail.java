package io.github.seedream4j.http;

import java.util.Objects;

/**
 * One error a provider reported in an answer: its code, when it has one, and its message, as the server wrote them
 * (the {@link ErrorTranslator} redacts them before they reach a message).
 *
 * @param code the provider's error code as text ({@code "10000"}, {@code "provider_unavailable"}), or {@code null}
 * @param message the provider's message, never {@code null}, possibly empty
 */
public record ErrorDetail(String code, String message) {

    /**
     * Checks the message.
     *
     * @param code the code, or {@code null}; a blank code counts as none
     * @param message the message, never {@code null}
     * @throws NullPointerException if {@code message} is null
     */
    public ErrorDetail {
        Objects.requireNonNull(message, "message");
        code = code == null || code.isBlank() ? null : code.strip();
    }

    /**
     * {@return a detail without a code}
     *
     * @param message the message, never {@code null}
     */
    public static ErrorDetail of(String message) {
        return new ErrorDetail(null, message);
    }

    /** {@return {@code "message (code X)"}, or the message alone} */
    @Override
    public String toString() {
        return code == null ? message : message.isEmpty() ? "code " + code : message + " (code " + code + ")";
    }
}
