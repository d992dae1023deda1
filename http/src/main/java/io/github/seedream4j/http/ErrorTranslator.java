package io.github.seedream4j.http;

import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.InsufficientCreditException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.spi.Secret;
import io.github.seedream4j.spi.SettingKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns an error answer into the {@link SeedreamException} family: the one translator of every HTTP provider. A
 * message always has the same shape, {@code provider <id>: <request> answered HTTP <status>: <what the provider
 * said>; <what to do>}, with the provider's text redacted (credentials, URL queries and user-info, control
 * characters) and shortened. The family and the advice come from the provider's {@link ErrorMapping} when it
 * decides, otherwise from the status:
 *
 * <table>
 *   <caption>defaults</caption>
 *   <tr><th>status</th><th>exception</th></tr>
 *   <tr><td>400, 413, 422, other 4xx</td><td>{@link InvalidRequestException}</td></tr>
 *   <tr><td>401, 403</td><td>{@link AuthenticationException}, naming the credential's environment variable and
 *       setting</td></tr>
 *   <tr><td>402</td><td>{@link InsufficientCreditException}</td></tr>
 *   <tr><td>404</td><td>{@link ConfigurationException}</td></tr>
 *   <tr><td>408, 5xx</td><td>{@link ProviderUnavailableException}</td></tr>
 *   <tr><td>429</td><td>{@link RateLimitedException} with {@code Retry-After}</td></tr>
 *   <tr><td>504 to a {@link Idempotency#NON_IDEMPOTENT} request, or any answer that is not an error but not usable
 *       either</td><td>{@link OutcomeUnknownException}: the request may have been accepted and charged</td></tr>
 * </table>
 *
 * <p>The provider's text is found in a JSON body under {@code errors[]} (each with {@code code} and
 * {@code message}), {@code error} (a string, or an object with {@code message} and {@code code}),
 * {@code message} (with {@code code}) or {@code detail}; an HTML page is summarised by its title; other text is
 * quoted. Thread-safe.
 */
public final class ErrorTranslator {

    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final String providerId;
    private final String credential;
    private final String console;
    private final String notFound;
    private final ErrorMapping mapping;
    private final Redactor redactor;

    private ErrorTranslator(Builder b) {
        this.providerId = b.providerId;
        this.credential = b.credential;
        this.console = b.console;
        this.notFound = b.notFound;
        this.mapping = b.mapping;
        this.redactor = b.redactor;
    }

    /**
     * A builder for the translator of provider {@code providerId}.
     *
     * @param providerId the provider's id, named in every message; never {@code null}
     * @return the builder
     */
    public static Builder builder(String providerId) {
        return new Builder(Objects.requireNonNull(providerId, "providerId"));
    }

    /** {@return the redactor messages go through: use it for the provider's own messages too} */
    public Redactor redactor() {
        return redactor;
    }

    /**
     * The exception for an answer that is not a success.
     *
     * @param reply the answer, never {@code null}
     * @return the exception, to throw
     */
    public SeedreamException translate(HttpReply reply) {
        return translate(report(reply, null));
    }

    /**
     * The exception for an answer about a job that is not a success.
     *
     * @param reply the answer, never {@code null}
     * @param jobId the provider's job id, carried by the exception; or {@code null}
     * @return the exception, to throw
     */
    public SeedreamException translate(HttpReply reply, String jobId) {
        return translate(report(reply, jobId));
    }

    /**
     * The exception for an error report, decided by the provider's mapping or else by the status.
     *
     * @param report the report, never {@code null}
     * @return the exception, to throw
     */
    public SeedreamException translate(ErrorReport report) {
        ErrorMapping.Verdict v = mapping.map(report).orElseGet(() -> byStatus(report));
        return exception(v.kind(), report, v.advice());
    }

    /**
     * An exception of family {@code kind} with the standard message: {@code provider <id>: <request> answered HTTP
     * <status>: <details>; <advice>}. For answers the provider reads itself, such as a 200 that names no image.
     *
     * @param kind the family, never {@code null}
     * @param report the answer, never {@code null}
     * @param advice what to do, never {@code null}
     * @return the exception, to throw
     */
    public SeedreamException exception(ErrorKind kind, ErrorReport report, String advice) {
        String message = describe(report) + "; " + redactor.text(advice);
        String job = report.jobId();
        switch (kind) {
            case INVALID_REQUEST:
                return new InvalidRequestException(message, providerId, job, null);
            case AUTHENTICATION:
                return new AuthenticationException(message, providerId, job, null);
            case INSUFFICIENT_CREDIT:
                return new InsufficientCreditException(message, providerId, job, null);
            case CONFIGURATION:
                return new ConfigurationException(message, providerId, job, null);
            case RATE_LIMITED:
                return new RateLimitedException(message, providerId, report.retryAfter(), null);
            case UNAVAILABLE:
                return new ProviderUnavailableException(message, providerId, job, null);
            case TIMED_OUT:
                return new GenerationTimeoutException(message, providerId, job, null);
            case OUTCOME_UNKNOWN:
                return new OutcomeUnknownException(message, providerId, job, null);
            case FAILED:
            default:
                return new GenerationFailedException(message, providerId, job, null);
        }
    }

    /**
     * {@return what the provider answered, redacted, without advice: {@code provider <id>: <request> answered HTTP
     * <status>: <details>}}
     *
     * @param report the answer, never {@code null}
     */
    public String describe(ErrorReport report) {
        String said = report.details().stream().map(ErrorDetail::toString).filter(s -> !s.isBlank())
                .collect(Collectors.joining("; "));
        return "provider " + providerId + ": " + redactor.text(report.what()) + " answered HTTP " + report.status()
                + (said.isEmpty() ? "" : ": " + redactor.serverText(said));
    }

    /**
     * The report of an answer: its status, {@code Retry-After}, and the errors its body names.
     *
     * @param reply the answer, never {@code null}
     * @param jobId the job id, or {@code null}
     * @return the report
     */
    public ErrorReport report(HttpReply reply, String jobId) {
        return new ErrorReport(reply.what(), reply.status(), details(reply.body()), reply.retryAfter().orElse(null),
                jobId, reply.idempotency());
    }

    /**
     * The errors a body names, as this translator reads them (see the class comment); the text as written, not yet
     * redacted.
     *
     * @param body the body, or {@code null}
     * @return the details, empty for an empty body
     */
    public static List<ErrorDetail> details(byte[] body) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        String text = new String(body, 0, Math.min(body.length, 64 * 1024), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.startsWith("{")) {
            try {
                List<ErrorDetail> found = fromJson(Json.mapper().readTree(text));
                if (!found.isEmpty()) {
                    return found;
                }
            } catch (JacksonException e) {
                // not JSON after all: quoted as text below
            }
        } else if (text.startsWith("<") || text.toLowerCase(Locale.ROOT).contains("<html")) {
            Matcher m = TITLE.matcher(text);
            String title = m.find() ? m.group(1).strip() : "";
            return List.of(ErrorDetail.of("an HTML page" + (title.isEmpty() ? "" : " titled '" + title + "'") + " ("
                    + text.length() + " characters)"));
        }
        return List.of(ErrorDetail.of(text));
    }

    private static List<ErrorDetail> fromJson(JsonNode node) {
        List<ErrorDetail> out = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return out;
        }
        JsonNode errors = node.get("errors");
        if (errors != null && errors.isArray()) {
            for (JsonNode e : errors) {
                ErrorDetail d = detail(e, null);
                if (d != null) {
                    out.add(d);
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        ErrorDetail d = detail(node.get("error"), node.get("code"));
        if (d == null) {
            d = detail(node.get("message"), node.get("code"));
        }
        if (d == null) {
            d = detail(node.get("detail"), node.get("code"));
        }
        if (d != null) {
            out.add(d);
        }
        return out;
    }

    /** A detail from a string or an object with a message; {@code siblingCode} is the code beside a string. */
    private static ErrorDetail detail(JsonNode e, JsonNode siblingCode) {
        if (e == null || e.isNull()) {
            return null;
        }
        if (e.isString()) {
            return e.asString().isBlank() ? null : new ErrorDetail(text(siblingCode), e.asString());
        }
        if (e.isObject()) {
            String message = null;
            for (String field : new String[] {"message", "error_message", "detail", "error"}) {
                JsonNode m = e.get(field);
                if (m != null && m.isString() && !m.asString().isBlank()) {
                    message = m.asString();
                    break;
                }
            }
            String code = text(e.has("code") ? e.get("code") : e.get("type"));
            return message == null && code == null ? null : new ErrorDetail(code, message == null ? "" : message);
        }
        return null;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || !n.isValueNode() ? null : n.asString();
    }

    private ErrorMapping.Verdict byStatus(ErrorReport r) {
        int status = r.status();
        switch (status) {
            case 400: case 413: case 422:
                return ErrorMapping.Verdict.of(ErrorKind.INVALID_REQUEST, "change the request and send it again");
            case 401: case 403:
                return ErrorMapping.Verdict.of(ErrorKind.AUTHENTICATION, "the credential was refused: check "
                        + credential);
            case 402:
                return ErrorMapping.Verdict.of(ErrorKind.INSUFFICIENT_CREDIT, "the account has no credit left: add "
                        + "credit and try again");
            case 404:
                return ErrorMapping.Verdict.of(ErrorKind.CONFIGURATION, notFound);
            case 408:
                return ErrorMapping.Verdict.of(ErrorKind.UNAVAILABLE, "the provider timed out reading the request: "
                        + "try again later");
            case 429:
                return ErrorMapping.Verdict.of(ErrorKind.RATE_LIMITED, "the account is rate limited: "
                        + waitFor(r.retryAfter()) + " and try again");
            default:
                break;
        }
        boolean unrepeatable = r.idempotency() == Idempotency.NON_IDEMPOTENT;
        if (status == 504 && unrepeatable) {
            return ErrorMapping.Verdict.of(ErrorKind.OUTCOME_UNKNOWN, "a gateway gave up waiting, and the provider "
                    + "may have accepted, and charged, the request anyway. " + notSentAgain());
        }
        if (status >= 500) {
            return ErrorMapping.Verdict.of(ErrorKind.UNAVAILABLE, "the provider has a problem: try again later");
        }
        if (status >= 400) {
            return ErrorMapping.Verdict.of(ErrorKind.INVALID_REQUEST, "the provider refused the request");
        }
        return unrepeatable
                ? ErrorMapping.Verdict.of(ErrorKind.OUTCOME_UNKNOWN, "the answer is not one this provider can read, "
                        + "and the provider may have accepted, and charged, the request. " + notSentAgain())
                : ErrorMapping.Verdict.of(ErrorKind.FAILED, "the answer is not one this provider can read; try again "
                        + "later");
    }

    /**
     * {@return the sentence that closes an outcome-unknown message: it was not sent again, check the console}
     */
    public String notSentAgain() {
        return "It was not sent again; check " + console + " before sending the request again";
    }

    /**
     * {@return {@code "wait at least 7s"} for a {@code Retry-After} (whole seconds, rounded up), or {@code "wait a
     * little"} without one}
     *
     * @param retryAfter the wait asked for, or {@code null}
     */
    public static String waitFor(Duration retryAfter) {
        if (retryAfter == null) {
            return "wait a little";
        }
        return "wait at least " + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + "s";
    }

    /** {@return the provider and the credential named, never a credential} */
    @Override
    public String toString() {
        return "ErrorTranslator[" + providerId + ", credential " + credential + "]";
    }

    /** Builds an {@link ErrorTranslator}. Not thread-safe. */
    public static final class Builder {
        private final String providerId;
        private String credential = "the API key";
        private String console = "the provider's dashboard";
        private String notFound = "check the setting 'base-url'";
        private ErrorMapping mapping = ErrorMapping.none();
        private Redactor redactor = Redactor.none();

        private Builder(String providerId) {
            this.providerId = providerId;
        }

        /**
         * The setting holding the credential, named in authentication errors as its first environment variable
         * and its name: {@code check RUNPOD_API_KEY (setting 'api-key')}.
         *
         * @param key the credential's setting, never {@code null}
         * @return this builder
         */
        public Builder credential(SettingKey key) {
            this.credential = key.environmentVariableNames(providerId).get(0) + " (setting '" + key.name() + "')";
            return this;
        }

        /**
         * Credentials hidden from every message, also when a server echoes them.
         *
         * @param secrets the credentials, never {@code null}
         * @return this builder
         */
        public Builder secrets(Secret... secrets) {
            this.redactor = Redactor.of(secrets);
            return this;
        }

        /**
         * Where a user looks up what the provider accepted, named when a request may have been accepted: for
         * example {@code "the Runpod console"}. By default {@code "the provider's dashboard"}.
         *
         * @param console a noun phrase, never {@code null}
         * @return this builder
         */
        public Builder console(String console) {
            this.console = Objects.requireNonNull(console, "console");
            return this;
        }

        /**
         * What a 404 means for this provider and what to do; by default {@code "check the setting 'base-url'"}.
         *
         * @param advice a clause, never {@code null}
         * @return this builder
         */
        public Builder notFoundAdvice(String advice) {
            this.notFound = Objects.requireNonNull(advice, "advice");
            return this;
        }

        /**
         * The provider's own reading of its error answers, tried before the defaults.
         *
         * @param mapping the mapping, never {@code null}
         * @return this builder
         */
        public Builder mapping(ErrorMapping mapping) {
            this.mapping = Objects.requireNonNull(mapping, "mapping");
            return this;
        }

        /** {@return the translator} */
        public ErrorTranslator build() {
            return new ErrorTranslator(this);
        }
    }
}
