package io.github.seedream4j.provider.fal.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * fal's {@code QueueStatus}: the answer to a submission and to a status poll. {@code status} is {@code IN_QUEUE}
 * (with {@code queue_position}), {@code IN_PROGRESS} or {@code COMPLETED}; there is no failed state, a failed
 * request is {@code COMPLETED} and its result answers with the error. Unknown fields are ignored.
 *
 * @param status the status, or {@code null} (a submission's answer may carry none)
 * @param requestId the request id, fal's job id
 * @param responseUrl where the result is fetched
 * @param statusUrl where the status is polled
 * @param cancelUrl where the request is cancelled
 * @param queuePosition the place in the queue while {@code IN_QUEUE}, from 0
 * @param metrics {@code COMPLETED}'s metrics, holding {@code inference_time} in seconds
 */
record QueueStatus(String status, @JsonProperty("request_id") String requestId,
        @JsonProperty("response_url") String responseUrl, @JsonProperty("status_url") String statusUrl,
        @JsonProperty("cancel_url") String cancelUrl, @JsonProperty("queue_position") Integer queuePosition,
        JsonNode metrics) {

    static final String COMPLETED = "COMPLETED";

    /**
     * {@return whether the request has not completed: every status but {@code COMPLETED}} A status fal's documents do
     * not name is waited out as fal's own clients wait, not read as the end: the result of a request still running is
     * no image, and ending the generation then would leave fal making, and billing, one nobody fetches.
     */
    boolean pending() {
        return !COMPLETED.equals(status);
    }

    /** {@return the status for progress reports: {@code IN_QUEUE (queue position 3)}, or the status alone} */
    String describe() {
        String s = status == null ? "UNKNOWN" : status;
        return queuePosition == null ? s : s + " (queue position " + queuePosition + ")";
    }

    /** {@return the model's run time, from {@code metrics.inference_time} in seconds, when reported} */
    Optional<Duration> inferenceTime() {
        JsonNode t = metrics == null ? null : metrics.get("inference_time");
        if (t == null || !t.isNumber()) {
            return Optional.empty();
        }
        BigDecimal seconds = t.decimalValue();
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(86_400)) > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(seconds.movePointRight(9).longValue()));
    }
}
