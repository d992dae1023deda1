package io.github.seedream4j.provider.runpod.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A job as Runpod reports it from {@code /run} and {@code /status}, bound from JSON. Unknown fields are ignored;
 * {@code output} may be an object or an array (its first element is used), {@code error} a string or an object, so
 * both stay trees.
 *
 * @param id the job id, or {@code null}
 * @param status the status as sent, for example {@code IN_QUEUE}
 * @param output the output, or {@code null}
 * @param error the error, or {@code null}
 * @param delayTime milliseconds in the queue, or {@code null}
 * @param executionTime milliseconds running, or {@code null}
 */
record Job(
        @JsonProperty("id") String id,
        @JsonProperty("status") String status,
        @JsonProperty("output") JsonNode output,
        @JsonProperty("error") JsonNode error,
        @JsonProperty("delayTime") Long delayTime,
        @JsonProperty("executionTime") Long executionTime) {

    /** A job known only by its id, for resuming. */
    static Job resumed(String id) {
        return new Job(id, "RESUMED", null, null, null, null);
    }

    /** {@return the status in upper case, without surrounding blanks} */
    String state() {
        return status == null ? "" : status.strip().toUpperCase(Locale.ROOT);
    }

    boolean isTerminal() {
        switch (state()) {
            case "COMPLETED": case "FAILED": case "CANCELLED": case "TIMED_OUT":
                return true;
            default:
                return false;
        }
    }

    /** {@return this job with {@code jobId} when the answer named none} */
    Job withIdIfMissing(String jobId) {
        return id != null ? this : new Job(jobId, status, output, error, delayTime, executionTime);
    }

    /** {@code output.image_url}, else {@code output.result}, else {@code output.image}, when a non-blank string. */
    Optional<String> imageUrl() {
        JsonNode o = firstOutput();
        for (String field : new String[] {"image_url", "result", "image"}) {
            if (o != null && o.hasNonNull(field) && o.get(field).isString() && !o.get(field).asString().isBlank()) {
                return Optional.of(o.get(field).asString().strip());
            }
        }
        return Optional.empty();
    }

    /** {@code output.cost} as Runpod wrote it (decimals are read exactly), for lenient parsing by core. */
    Optional<String> cost() {
        JsonNode o = firstOutput();
        if (o == null || !o.hasNonNull("cost") || !o.get("cost").isValueNode()) {
            return Optional.empty();
        }
        return Optional.of(o.get("cost").asString().strip());
    }

    private JsonNode firstOutput() {
        if (output == null || output.isNull()) {
            return null;
        }
        if (output.isArray()) {
            return output.isEmpty() ? null : output.get(0);
        }
        return output.isObject() ? output : null;
    }
}
