package io.github.seedream4j.provider.fal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.http.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FalOutputTest {

    @Test
    void theDocumentedExampleResponse_isRead() {
        FalOutput out = Json.mapper().readValue(Vectors.text("v4-t2i-output.json"), FalOutput.class);

        assertThat(out.imagesOrEmpty()).extracting(FalOutput.Image::url).containsExactly(
                "https://storage.googleapis.com/falserverless/example_outputs/seedream4_t2i_output.png");
        assertThat(out.seed()).isEqualTo(746_406_749L);
    }

    @Test
    void theDocumentedSubmitAnswer_isRead() {
        QueueStatus s = Json.mapper().readValue(Vectors.text("queue-submit.json"), QueueStatus.class);

        assertThat(s.requestId()).isEqualTo("80e732af-660e-45cd-bd63-580e4f2a94cc");
        assertThat(s.statusUrl()).isEqualTo("https://queue.fal.run/fal-ai/fast-sdxl/requests/"
                + "80e732af-660e-45cd-bd63-580e4f2a94cc/status");
        assertThat(s.cancelUrl()).endsWith("/cancel");
        assertThat(s.responseUrl()).endsWith("/requests/80e732af-660e-45cd-bd63-580e4f2a94cc");
    }

    @Test
    void theDocumentedStatus_isPendingWithItsQueuePosition() {
        QueueStatus s = Json.mapper().readValue(Vectors.text("queue-status-in-queue.json"), QueueStatus.class);

        assertThat(s.pending()).isTrue();
        assertThat(s.describe()).isEqualTo("IN_QUEUE (queue position 0)");
    }

    @Test
    void completedStatus_givesTheInferenceTime_andAnyOtherStatusIsWaitedOut() {
        QueueStatus s = Json.mapper().readValue("{\"status\": \"COMPLETED\", \"request_id\": \"r\", \"metrics\": "
                + "{\"inference_time\": 4.25}}", QueueStatus.class);
        QueueStatus unknown = Json.mapper().readValue("{\"status\": \"FAILED\"}", QueueStatus.class);

        assertThat(s.pending()).isFalse();
        assertThat(s.describe()).isEqualTo("COMPLETED");
        assertThat(s.inferenceTime()).contains(Duration.ofMillis(4250));
        assertThat(unknown.pending()).as("a status fal does not document").isTrue();
        assertThat(unknown.inferenceTime()).isEmpty();
    }
}
