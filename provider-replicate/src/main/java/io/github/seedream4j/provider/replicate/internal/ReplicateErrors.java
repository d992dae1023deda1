package io.github.seedream4j.provider.replicate.internal;

import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.http.ErrorDetail;
import io.github.seedream4j.http.ErrorKind;
import io.github.seedream4j.http.ErrorMapping;
import io.github.seedream4j.http.ErrorReport;
import io.github.seedream4j.http.ErrorTranslator;
import io.github.seedream4j.http.HttpReply;
import io.github.seedream4j.http.Json;
import io.github.seedream4j.provider.replicate.ReplicateSettings;
import io.github.seedream4j.spi.Secret;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Replicate's error answers, read for the toolkit's {@link ErrorTranslator}. Replicate answers errors as problem
 * details ({@code application/problem+json}: {@code title}, {@code detail}, {@code status}), so a message carries
 * both the title and the detail ("Unauthenticated: You did not pass a valid authentication token"). A 429 says when
 * to try again in {@code Retry-After}, else in a {@code retry_after} field, else in its detail ("Your rate limit
 * resets in ~30s"), in that order. Model failures are not HTTP errors: they are predictions with status
 * {@code failed}. Thread-safe.
 */
final class ReplicateErrors {

    private static final Pattern RESETS_IN = Pattern.compile("resets in ~?\\s*(\\d{1,5})\\s*s\\b");
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

    /** Replicate's own advice where it differs from the toolkit's defaults. */
    private static final ErrorMapping MAPPING = report -> {
        switch (report.status()) {
            case 402:
                return Optional.of(ErrorMapping.Verdict.of(ErrorKind.INSUFFICIENT_CREDIT, "the Replicate account "
                        + "cannot pay for predictions: add credit or a payment method, then try again"));
            case 429:
                return Optional.of(ErrorMapping.Verdict.of(ErrorKind.RATE_LIMITED, "the account is rate limited "
                        + "(Replicate allows 600 predictions a minute, fewer while credit runs low): "
                        + ErrorTranslator.waitFor(report.retryAfter()) + " and try again"));
            default:
                return Optional.empty();
        }
    };

    private final ErrorTranslator translator;

    ReplicateErrors(Secret token) {
        this.translator = ErrorTranslator.builder(ReplicateProviderFactory.ID).credential(ReplicateSettings.API_TOKEN)
                .secrets(token).console("the predictions in the Replicate dashboard").mapping(MAPPING).build();
    }

    ErrorTranslator translator() {
        return translator;
    }

    /** {@return the exception for an error answer, through the mapping and the status defaults} */
    SeedreamException translate(HttpReply reply, String predictionId) {
        return translator.translate(report(reply, predictionId));
    }

    /** {@return an exception of {@code kind} for {@code reply}, with the standard message and {@code advice}} */
    SeedreamException exception(ErrorKind kind, HttpReply reply, String predictionId, String advice) {
        return translator.exception(kind, report(reply, predictionId), advice);
    }

    /** The report of an answer: problem details read whole, the wait from the header, the body or its detail. */
    ErrorReport report(HttpReply reply, String predictionId) {
        ErrorReport r = translator.report(reply, predictionId);
        JsonNode problem = object(reply.body());
        List<ErrorDetail> details = problem == null ? r.details() : problemDetails(problem).orElse(r.details());
        Duration wait = r.retryAfter() != null ? r.retryAfter() : problem == null ? null
                : retryAfter(problem, details).orElse(null);
        return new ErrorReport(r.what(), r.status(), details, wait, r.jobId(), r.idempotency());
    }

    /** {@code title: detail}, or whichever of the two is there. */
    static Optional<List<ErrorDetail>> problemDetails(JsonNode problem) {
        String title = text(problem.get("title"));
        String detail = text(problem.get("detail"));
        if (title == null && detail == null) {
            return Optional.empty();
        }
        String message = title == null ? detail : detail == null || detail.startsWith(title) ? title
                : title + ": " + detail;
        return Optional.of(List.of(ErrorDetail.of(message)));
    }

    /** A {@code retry_after} of seconds in the body, else "resets in ~30s" in a detail; at most an hour. */
    static Optional<Duration> retryAfter(JsonNode problem, List<ErrorDetail> details) {
        JsonNode field = problem.get("retry_after");
        Duration wait = null;
        if (field != null && field.isNumber() && field.decimalValue().signum() >= 0) {
            BigDecimal seconds = field.decimalValue().min(BigDecimal.valueOf(LONGEST_RETRY_AFTER.toSeconds()));
            wait = Duration.ofMillis(seconds.movePointRight(3).longValue());
        } else {
            for (ErrorDetail d : details) {
                Matcher m = RESETS_IN.matcher(d.message());
                if (m.find()) {
                    wait = Duration.ofSeconds(Long.parseLong(m.group(1)));
                    break;
                }
            }
        }
        return Optional.ofNullable(wait).map(w -> w.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : w);
    }

    private static JsonNode object(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        String text = new String(body, 0, Math.min(body.length, 64 * 1024), StandardCharsets.UTF_8).strip();
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode n) {
        return n != null && n.isString() && !n.asString().isBlank() ? n.asString().strip() : null;
    }

    @Override
    public String toString() {
        return "ReplicateErrors[" + translator + "]";
    }
}
