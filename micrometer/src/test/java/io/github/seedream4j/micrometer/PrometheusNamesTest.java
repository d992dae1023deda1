package io.github.seedream4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.SeedreamClient;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a Prometheus scrape shows after one generation: the names and labels docs/observability.md promises. */
@Timeout(60) // a guard against hangs, not a timing assertion
class PrometheusNamesTest {

    @Test
    void scrape_showsTheDocumentedNamesLabelsAndUnits() throws Exception {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        prometheus.config().meterFilter(ObservingGenerationListener.meterFilter());
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(prometheus));
        CountDownLatch ended = new CountDownLatch(1);

        try (SeedreamClient client = SeedreamClient.builder().provider("fake").settings(Map.of("price", "0.03/image"))
                .listener(new ObservingGenerationListener(observations, prometheus))
                .listener(e -> {
                    if (e instanceof GenerationEvent.Completed) {
                        ended.countDown();
                    }
                }).build()) {
            client.generate(GenerationRequest.of("a red fox").withSize(ImageSize.exact(1024, 1024)));
            assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
        }

        List<String> samples = prometheus.scrape().lines().filter(l -> !l.startsWith("#")).toList();
        String labels = "error_type=\"none\",gen_ai_operation_name=\"generate_content\",gen_ai_output_type=\"image\","
                + "gen_ai_provider_name=\"fake\",gen_ai_request_model=\"seedream-4.0\",seedream_outcome=\"completed\"";
        assertThat(samples).contains(
                "gen_ai_client_operation_duration_seconds_count{" + labels + "} 1",
                "seedream_generation_submitted_calls_total{gen_ai_provider_name=\"fake\"} 1.0",
                "seedream_generation_images_total{gen_ai_provider_name=\"fake\"} 1.0",
                "seedream_cost_USD_total{gen_ai_provider_name=\"fake\",seedream_cost_basis=\"estimated\","
                        + "seedream_currency=\"USD\"} 0.03");
        assertThat(samples).anyMatch(l -> l.startsWith("gen_ai_client_operation_duration_seconds_bucket{" + labels
                + ",le=\"81.92\"} 1"));
        assertThat(samples).noneMatch(l -> l.contains("error=") || l.contains("outcome=\"running\""));
    }
}
