package io.github.seedream4j.http;

import java.util.Objects;
import java.util.Optional;

/**
 * A provider's own reading of its error answers, tried by {@link ErrorTranslator} before the status-based defaults.
 * It decides the exception family from the status, the error codes and the messages, and says what to do. For example
 * an "account overdue" 403 is a billing problem, not a bad key:
 *
 * <pre>{@code
 * ErrorMapping acme = report -> report.status() == 403 && report.hasCode("account_overdue")
 *         ? Optional.of(ErrorMapping.Verdict.of(ErrorKind.INSUFFICIENT_CREDIT, "the account is overdue: pay the "
 *                 + "open invoice in the Acme console, then try again"))
 *         : Optional.empty();
 * }</pre>
 */
@FunctionalInterface
public interface ErrorMapping {

    /**
     * The exception family and the advice for {@code report}, or empty to leave it to the next mapping or the
     * defaults.
     *
     * @param report the error answer, never {@code null}
     * @return the verdict, or empty
     */
    Optional<Verdict> map(ErrorReport report);

    /** {@return a mapping that decides nothing} */
    static ErrorMapping none() {
        return report -> Optional.empty();
    }

    /**
     * A mapping that decides every report carrying {@code code}.
     *
     * @param code the provider's error code, compared exactly
     * @param kind the exception family
     * @param advice what to do, for people
     * @return the mapping
     * @throws NullPointerException if an argument is null
     */
    static ErrorMapping onCode(String code, ErrorKind kind, String advice) {
        Objects.requireNonNull(code, "code");
        Verdict v = Verdict.of(kind, advice);
        return report -> report.hasCode(code) ? Optional.of(v) : Optional.empty();
    }

    /**
     * {@return this mapping, then {@code next} where this one decides nothing}
     *
     * @param next the mapping tried next, never {@code null}
     */
    default ErrorMapping orElse(ErrorMapping next) {
        Objects.requireNonNull(next, "next");
        return report -> {
            Optional<Verdict> v = map(report);
            return v.isPresent() ? v : next.map(report);
        };
    }

    /**
     * What an error answer means.
     *
     * @param kind the exception family
     * @param advice what to do, for people: a clause such as {@code "check the setting 'model'"}; never a secret
     */
    record Verdict(ErrorKind kind, String advice) {

        /**
         * Checks the parts.
         *
         * @param kind the exception family, never {@code null}
         * @param advice what to do, never {@code null}
         * @throws NullPointerException if a part is null
         */
        public Verdict {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(advice, "advice");
        }

        /**
         * {@return a verdict}
         *
         * @param kind the exception family, never {@code null}
         * @param advice what to do, never {@code null}
         */
        public static Verdict of(ErrorKind kind, String advice) {
            return new Verdict(kind, advice);
        }
    }
}
