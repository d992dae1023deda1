package io.github.seedream4j.provider.replicate.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A prediction as Replicate reports it from create, get and cancel, bound from JSON. Unknown fields are ignored;
 * {@code output} (an array of URLs for Seedream 4 and later, a single URL for older models), {@code error},
 * {@code urls} and {@code metrics} stay trees, so an unexpected shape never fails the binding.
 *
 * @param id the prediction id, or {@code null}
 * @param status {@code starting}, {@code processing}, {@code succeeded}, {@code failed}, {@code canceled} or
 *        {@code aborted}
 * @param output the output, or {@code null}
 * @param error the model's error, a string, or {@code null}
 * @param urls {@code get}, {@code cancel} and others, or {@code null}
 * @param createdAt when it was created, ISO 8601, or {@code null}
 * @param startedAt when it started running, or {@code null}
 * @param completedAt when it ended, or {@code null}
 * @param dataRemoved whether Replicate removed its input and output (an hour after an API prediction)
 * @param metrics {@code predict_time} in seconds and others, or {@code null}
 */
record Prediction(
        @JsonProperty("id") String id,
        @JsonProperty("status") String status,
        @JsonProperty("output") JsonNode output,
        @JsonProperty("error") JsonNode error,
        @JsonProperty("urls") JsonNode urls,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("completed_at") String completedAt,
        @JsonProperty("data_removed") Boolean dataRemoved,
        @JsonProperty("metrics") JsonNode metrics) {

    /** {@return the status in lower case, without surrounding blanks} */
    String state() {
        return status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
    }

    /** {@return whether the prediction has ended: succeeded, failed, canceled or aborted} */
    boolean isTerminal() {
        switch (state()) {
            case "succeeded": case "failed": case "canceled": case "cancelled": case "aborted":
                return true;
            default:
                return false;
        }
    }

    /** {@return this prediction with {@code predictionId} when the answer named none} */
    Prediction withIdIfMissing(String predictionId) {
        return id != null && !id.isBlank() ? this : new Prediction(predictionId, status, output, error, urls,
                createdAt, startedAt, completedAt, dataRemoved, metrics);
    }

    /** {@return {@code urls.get} or {@code urls.cancel} as sent, when a non-blank string} */
    Optional<String> url(String name) {
        JsonNode u = urls == null ? null : urls.get(name);
        return u != null && u.isString() && !u.asString().isBlank() ? Optional.of(u.asString().strip())
                : Optional.empty();
    }

    /** {@return the output's image URLs in order: the strings of an array, or a single string} */
    List<String> outputUrls() {
        List<String> out = new ArrayList<>();
        if (output == null || output.isNull()) {
            return out;
        }
        if (output.isString()) {
            if (!output.asString().isBlank()) {
                out.add(output.asString().strip());
            }
            return out;
        }
        if (output.isArray()) {
            for (JsonNode item : output) {
                if (item != null && item.isString() && !item.asString().isBlank()) {
                    out.add(item.asString().strip());
                }
            }
        }
        return out;
    }

    /** {@return the model's error text, when there is one} */
    Optional<String> errorText() {
        if (error == null || error.isNull()) {
            return Optional.empty();
        }
        String text = error.isString() ? error.asString()
                : error.isObject() && error.hasNonNull("message") ? error.get("message").asString() : error.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    /** {@return the time between creation and start, when both are given and readable} */
    Optional<Duration> queue() {
        return between(createdAt, startedAt);
    }

    /** {@return {@code metrics.predict_time}, else the time between start and completion} */
    Optional<Duration> execution() {
        JsonNode t = metrics == null ? null : metrics.get("predict_time");
        if (t != null && t.isNumber()) {
            BigDecimal seconds = t.decimalValue();
            if (seconds.signum() >= 0 && seconds.compareTo(BigDecimal.valueOf(86_400L * 365)) < 0) {
                return Optional.of(Duration.ofNanos(seconds.movePointRight(9).longValue()));
            }
        }
        return between(startedAt, completedAt);
    }

    private static Optional<Duration> between(String from, String to) {
        if (from == null || to == null) {
            return Optional.empty();
        }
        try {
            Duration d = Duration.between(Instant.parse(from.strip()), Instant.parse(to.strip()));
            return d.isNegative() ? Optional.empty() : Optional.of(d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
