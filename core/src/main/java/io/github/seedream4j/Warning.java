package io.github.seedream4j;

import java.util.Objects;

/**
 * Something a caller should know about a result that did not stop it: an option the provider could not honour
 * (under {@link UnsupportedOptionPolicy#WARN}), an image whose pixels differ from the request, a cost that could
 * only be estimated.
 *
 * @param code a stable, greppable identifier such as {@code unsupported-option}
 * @param message a sentence for people
 */
public record Warning(String code, String message) {

    /** Code of a warning for an option the provider cannot honour and that was therefore not sent. */
    public static final String UNSUPPORTED_OPTION = "unsupported-option";
    /** Code of a warning for an image whose pixel size differs from what was asked. */
    public static final String SIZE_MISMATCH = "size-mismatch";
    /** The provider reported a cost that cannot be used (malformed, negative, out of range); it was estimated. */
    public static final String IMPLAUSIBLE_COST = "implausible-cost";
    /** Reported costs could not be added up (different currencies); the charge shown is estimated. */
    public static final String COST_NOT_COMBINED = "cost-not-combined";
    /** Some images of the request failed; the result holds the others. */
    public static final String PARTIAL_RESULT = "partial-result";

    /**
     * Checks the parts.
     *
     * @param code a stable, greppable identifier
     * @param message a sentence for people
     * @throws NullPointerException if a part is null
     */
    public Warning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Same as {@code new Warning(code, message)}.
     *
     * @param code a stable, greppable identifier such as {@link #UNSUPPORTED_OPTION}, never {@code null}
     * @param message a sentence for people, never {@code null}
     * @return the warning
     * @throws NullPointerException if a part is null
     */
    public static Warning of(String code, String message) {
        return new Warning(code, message);
    }

    /** {@return the code and the message, for example {@code "size-mismatch: ..."}} */
    @Override
    public String toString() {
        return code + ": " + message;
    }
}
