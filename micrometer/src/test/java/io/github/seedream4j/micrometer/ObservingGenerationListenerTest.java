package io.github.seedream4j.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationListener;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.Seed;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Drives a real client with the fake provider and checks the observation and the counters it leaves. */
@Timeout(60) // a guard against hangs, not a timing assertion
class ObservingGenerationListenerTest {

    private static final String NAME = "gen_ai.client.operation";
    private static final GenerationRequest REQUEST = GenerationRequest.of("a lighthouse at dawn")
            .withSize(ImageSize.exact(1280, 720)).withSeed(Seed.of(42));

    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CountDownLatch ended = new CountDownLatch(1);

    /** A client whose last listener notes the outcome, which may reach listeners just after the caller's result. */
    private SeedreamClient client(String provider, Map<String, String> settings, Duration timeout) {
        GenerationListener outcome = e -> {
            if (e instanceof GenerationEvent.Completed || e instanceof GenerationEvent.Failed
                    || e instanceof GenerationEvent.Cancelled) {
                ended.countDown();
            }
        };
        return SeedreamClient.builder().provider(provider).settings(settings).timeout(timeout)
                .listener(new ObservingGenerationListener(observations, meters)).listener(outcome).build();
    }

    private SeedreamClient fake(Map<String, String> settings) {
        return client("fake", settings, SeedreamClient.DEFAULT_TIMEOUT);
    }

    private void awaitEnd() throws InterruptedException {
        assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void completed_recordsOneObservationWithGenAiNames() throws Exception {
        GenerationResult result;
        try (SeedreamClient client = fake(Map.of("price", "0.03/image"))) {
            result = client.generate(REQUEST.withCount(2));
            awaitEnd();
        }

        assertThat(observations).hasNumberOfObservationsEqualTo(1)
                .hasSingleObservationThat()
                .hasNameEqualTo(NAME)
                .hasContextualNameEqualTo("generate_content seedream-4.0")
                .hasLowCardinalityKeyValue("gen_ai.operation.name", "generate_content")
                .hasLowCardinalityKeyValue("gen_ai.provider.name", "fake")
                .hasLowCardinalityKeyValue("gen_ai.request.model", "seedream-4.0")
                .hasLowCardinalityKeyValue("gen_ai.output.type", "image")
                .hasLowCardinalityKeyValue("seedream.outcome", "completed")
                .hasLowCardinalityKeyValue("error.type", "none")
                .hasHighCardinalityKeyValue("gen_ai.request.choice.count", "2")
                .hasHighCardinalityKeyValue("gen_ai.request.seed", "42")
                .hasHighCardinalityKeyValue("seedream.resolution", "1280x720")
                .hasHighCardinalityKeyValue("seedream.cost", "0.06 USD (estimated)")
                .hasHighCardinalityKeyValue("gen_ai.response.id", String.join(",", result.jobIds()))
                .hasHighCardinalityKeyValueWithKey("seedream.generation.id")
                .doesNotHaveError()
                .hasBeenStarted()
                .hasBeenStopped()
                .hasEvent("seedream.submitted")
                .hasEvent("seedream.image.fetched")
                .doesNotHaveEvent("seedream.retried");
    }

    @Test
    void completed_countsImagesAndCost() throws Exception {
        try (SeedreamClient client = fake(Map.of("price", "0.03/image"))) {
            client.generate(REQUEST.withCount(2));
            awaitEnd();
        }

        assertThat(meters.get("seedream.images").tag("gen_ai.provider.name", "fake").counter().count())
                .isEqualTo(2.0);
        assertThat(meters.get("seedream.cost").tag("gen_ai.provider.name", "fake").tag("currency", "USD")
                .tag("basis", "estimated").counter().count()).isEqualTo(0.06);
        assertThat(meters.find("seedream.retries").counter()).isNull();
    }

    @Test
    void failed_recordsTheErrorAndItsType() throws Exception {
        try (SeedreamClient client = fake(Map.of("failures", "rate-limited"))) {
            assertThatThrownBy(() -> client.generate(REQUEST)).isInstanceOf(RateLimitedException.class);
            awaitEnd();
        }

        assertThat(observations).hasSingleObservationThat()
                .hasNameEqualTo(NAME)
                .hasLowCardinalityKeyValue("gen_ai.provider.name", "fake")
                .hasLowCardinalityKeyValue("seedream.outcome", "failed")
                .hasLowCardinalityKeyValue("error.type", "RateLimitedException")
                .doesNotHaveHighCardinalityKeyValueWithKey("seedream.cost")
                .hasBeenStopped()
                .assertThatError().isInstanceOf(RateLimitedException.class);
        assertThat(meters.find("seedream.images").counter()).isNull();
        assertThat(meters.find("seedream.cost").counter()).isNull();
    }

    @Test
    void timedOut_recordsTheTimeoutNotTheCancellationItCauses() throws Exception {
        try (SeedreamClient client = client("fake", Map.of("latency", "30s"), Duration.ofMillis(100))) {
            assertThatThrownBy(() -> client.generate(REQUEST)).isInstanceOf(GenerationTimeoutException.class);
            awaitEnd();
        }

        assertThat(observations).hasSingleObservationThat()
                .hasLowCardinalityKeyValue("seedream.outcome", "failed")
                .hasLowCardinalityKeyValue("error.type", "GenerationTimeoutException")
                .hasBeenStopped();
    }

    @Test
    void cancelled_stopsWithoutAnError() throws Exception {
        try (SeedreamClient client = fake(Map.of("latency", "30s"))) {
            CompletableFuture<GenerationResult> future = client.generateAsync(REQUEST,
                    io.github.seedream4j.ImageDestination.memory());
            future.cancel(true);
            awaitEnd();
            assertThat(future).isCancelled();
        }

        assertThat(observations).hasSingleObservationThat()
                .hasLowCardinalityKeyValue("seedream.outcome", "cancelled")
                .hasLowCardinalityKeyValue("error.type", "none")
                .doesNotHaveError()
                .hasBeenStopped();
    }

    @Test
    void retried_countsRetriesAndMarksTheObservation() throws Exception {
        try (SeedreamClient client = client(RetryingFakeProvider.ID, Map.of(), SeedreamClient.DEFAULT_TIMEOUT)) {
            client.generate(REQUEST.withCount(5)); // two calls of the fake, one retry each
            awaitEnd();
        }

        assertThat(meters.get("seedream.retries").tag("gen_ai.provider.name", RetryingFakeProvider.ID).counter()
                .count()).isEqualTo(2.0);
        assertThat(observations).hasSingleObservationThat()
                .hasLowCardinalityKeyValue("gen_ai.provider.name", RetryingFakeProvider.ID)
                .hasEvent("seedream.retried")
                .hasBeenStopped();
    }

    @Test
    void observationOpenOnTheCallersThread_becomesTheParent() throws Exception {
        Observation parent = Observation.start("http.server.requests", observations);
        try (SeedreamClient client = fake(Map.of()); Observation.Scope scope = parent.openScope()) {
            client.generate(REQUEST);
            awaitEnd();
        } finally {
            parent.stop();
        }

        assertThat(observations).hasNumberOfObservationsEqualTo(2)
                .hasObservationWithNameEqualTo(NAME).that()
                .hasParentObservationEqualTo(parent);
    }

    @Test
    void constructor_nullRegistry_isRefused() {
        assertThatThrownBy(() -> new ObservingGenerationListener(null, meters))
                .isInstanceOf(NullPointerException.class).hasMessage("observations");
        assertThatThrownBy(() -> new ObservingGenerationListener(observations, null))
                .isInstanceOf(NullPointerException.class).hasMessage("meters");
    }
}
