package io.github.seedream4j.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationListener;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.Seed;
import io.github.seedream4j.SeedreamClient;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Drives a real client with the fake provider through Micrometer set up as Spring Boot sets it up (a
 * {@link DefaultMeterObservationHandler} on the observation registry, the listener's filter on the meter registry)
 * and checks the observation and every meter by exact name, tags and unit.
 */
@Timeout(60) // a guard against hangs, not a timing assertion
class ObservingGenerationListenerTest {

    private static final String DURATION = "gen_ai.client.operation.duration";
    private static final GenerationRequest REQUEST = GenerationRequest.of("a lighthouse at dawn")
            .withSize(ImageSize.exact(1280, 720)).withSeed(Seed.of(42));

    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CountDownLatch ended = new CountDownLatch(1);

    ObservingGenerationListenerTest() {
        meters.config().meterFilter(ObservingGenerationListener.meterFilter());
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    }

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

    private static Tags durationTags(String outcome, String errorType) {
        return Tags.of("gen_ai.operation.name", "generate_content", "gen_ai.provider.name", "fake",
                "gen_ai.request.model", "seedream-4.0", "gen_ai.output.type", "image",
                "seedream.outcome", outcome, "error.type", errorType);
    }

    /** The meters' names, less the gauges with which SimpleMeterRegistry shows a timer's buckets. */
    private Set<String> meterNames() {
        return meters.getMeters().stream().map(m -> m.getId().getName())
                .filter(name -> !name.equals(DURATION + ".histogram")).collect(Collectors.toSet());
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
                .hasNameEqualTo(DURATION)
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
                .hasBeenStopped();
    }

    @Test
    void completed_leavesExactlyTheDocumentedMeters() throws Exception {
        GenerationResult result;
        try (SeedreamClient client = fake(Map.of("price", "0.03/image"))) {
            result = client.generate(REQUEST.withCount(2));
            awaitEnd();
        }

        assertThat(meterNames()).containsExactlyInAnyOrder(DURATION, DURATION + ".active",
                "seedream.generation.submitted", "seedream.generation.images", "seedream.cost");

        Timer duration = meters.get(DURATION).timer();
        assertThat(duration.getId().getTags()).containsExactlyInAnyOrderElementsOf(durationTags("completed", "none"));
        assertThat(duration.count()).isEqualTo(1);

        Meter.Id submitted = meters.get("seedream.generation.submitted").counter().getId();
        assertThat(submitted.getTags()).containsExactly(Tag.of("gen_ai.provider.name", "fake"));
        assertThat(submitted.getBaseUnit()).isEqualTo("calls");
        assertThat(meters.get("seedream.generation.submitted").counter().count())
                .isEqualTo(result.jobIds().size());

        Meter.Id images = meters.get("seedream.generation.images").counter().getId();
        assertThat(images.getTags()).containsExactly(Tag.of("gen_ai.provider.name", "fake"));
        assertThat(images.getBaseUnit()).isEqualTo("images");
        assertThat(meters.get("seedream.generation.images").counter().count()).isEqualTo(2.0);

        Meter.Id cost = meters.get("seedream.cost").counter().getId();
        assertThat(cost.getTags()).containsExactlyInAnyOrder(Tag.of("gen_ai.provider.name", "fake"),
                Tag.of("seedream.currency", "USD"), Tag.of("seedream.cost.basis", "estimated"));
        assertThat(cost.getBaseUnit()).isEqualTo("USD");
        assertThat(meters.get("seedream.cost").counter().count()).isEqualTo(0.06);
    }

    @Test
    void running_longTaskTimerCarriesNoOutcomeYet() throws Exception {
        try (SeedreamClient client = fake(Map.of())) {
            client.generate(REQUEST);
            awaitEnd();
        }

        // Micrometer's handler tags it when the observation starts; an outcome then would always say "running"
        assertThat(meters.get(DURATION + ".active").longTaskTimer().getId().getTags()).containsExactlyInAnyOrder(
                Tag.of("gen_ai.operation.name", "generate_content"), Tag.of("gen_ai.provider.name", "fake"),
                Tag.of("gen_ai.request.model", "seedream-4.0"), Tag.of("gen_ai.output.type", "image"));
    }

    @Test
    void failed_recordsTheErrorAndItsCanonicalType() throws Exception {
        try (SeedreamClient client = fake(Map.of("failures", "rate-limited"))) {
            assertThatThrownBy(() -> client.generate(REQUEST)).isInstanceOf(RateLimitedException.class);
            awaitEnd();
        }

        assertThat(observations).hasSingleObservationThat()
                .hasNameEqualTo(DURATION)
                .hasLowCardinalityKeyValue("gen_ai.provider.name", "fake")
                .hasLowCardinalityKeyValue("seedream.outcome", "failed")
                .hasLowCardinalityKeyValue("error.type", "io.github.seedream4j.RateLimitedException")
                .doesNotHaveHighCardinalityKeyValueWithKey("seedream.cost")
                .hasBeenStopped()
                .assertThatError().isInstanceOf(RateLimitedException.class);
        assertThat(meters.get(DURATION).timer().getId().getTags()).containsExactlyInAnyOrderElementsOf(
                durationTags("failed", "io.github.seedream4j.RateLimitedException"));
        assertThat(meters.find("seedream.generation.images").counter()).isNull();
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
                .hasLowCardinalityKeyValue("error.type", "io.github.seedream4j.GenerationTimeoutException")
                .hasBeenStopped();
        assertThat(meters.get(DURATION).timers()).hasSize(1);
    }

    @Test
    void cancelled_stopsWithoutAnError() throws Exception {
        try (SeedreamClient client = fake(Map.of("latency", "30s"))) {
            CompletableFuture<GenerationResult> future = client.generateAsync(REQUEST, ImageDestination.memory());
            future.cancel(true);
            awaitEnd();
            assertThat(future).isCancelled();
        }

        assertThat(observations).hasSingleObservationThat()
                .hasLowCardinalityKeyValue("seedream.outcome", "cancelled")
                .hasLowCardinalityKeyValue("error.type", "none")
                .doesNotHaveError()
                .hasBeenStopped();
        assertThat(meters.get(DURATION).timer().getId().getTags())
                .containsExactlyInAnyOrderElementsOf(durationTags("cancelled", "none"));
    }

    @Test
    void retried_countsRetries() throws Exception {
        try (SeedreamClient client = client(RetryingFakeProvider.ID, Map.of(), SeedreamClient.DEFAULT_TIMEOUT)) {
            client.generate(REQUEST.withCount(5)); // two calls of the fake, one retry each
            awaitEnd();
        }

        Meter.Id retried = meters.get("seedream.generation.retried").counter().getId();
        assertThat(retried.getTags()).containsExactly(Tag.of("gen_ai.provider.name", RetryingFakeProvider.ID));
        assertThat(retried.getBaseUnit()).isEqualTo("requests");
        assertThat(meters.get("seedream.generation.retried").counter().count()).isEqualTo(2.0);
        assertThat(observations).hasSingleObservationThat()
                .hasLowCardinalityKeyValue("gen_ai.provider.name", RetryingFakeProvider.ID)
                .hasBeenStopped();
    }

    @Test
    void withoutTheFilter_micrometersOwnErrorTagDuplicatesErrorType() throws Exception {
        // What the filter is for: if Micrometer stops adding "error", this fails and the filter can go.
        MeterRegistry unfiltered = new SimpleMeterRegistry();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(unfiltered));
        try (SeedreamClient client = fake(Map.of())) {
            client.generate(REQUEST);
            awaitEnd();
        }

        assertThat(unfiltered.get(DURATION).timer().getId().getTags())
                .containsExactlyInAnyOrderElementsOf(durationTags("completed", "none").and("error", "none"));
        assertThat(meters.get(DURATION).timer().getId().getTag("error")).isNull();
    }

    @Test
    void meterFilter_givesTheDurationTheConventionsBuckets() throws Exception {
        try (SeedreamClient client = fake(Map.of())) {
            client.generate(REQUEST);
            awaitEnd();
        }

        double[] bucketsInSeconds = Arrays.stream(meters.get(DURATION).timer().takeSnapshot().histogramCounts())
                .mapToDouble(b -> b.bucket(TimeUnit.SECONDS)).toArray();
        assertThat(bucketsInSeconds).containsExactly(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12,
                10.24, 20.48, 40.96, 81.92);
    }

    @Test
    void meterFilter_leavesOtherMetersAlone() {
        Timer other = Timer.builder("http.client.requests").tag("error", "none").register(meters);

        assertThat(other.getId().getTags()).containsExactly(Tag.of("error", "none"));
        assertThat(other.takeSnapshot().histogramCounts()).isEmpty();
    }

    @Test
    void knownEvents_areEveryEventCoreDeclares() {
        // A new event in core fails this test: decide whether the listener records it, then add it.
        Set<Class<?>> known = Set.copyOf(ObservingGenerationListener.KNOWN_EVENTS);
        assertThat(known).containsExactlyInAnyOrder(GenerationEvent.class.getPermittedSubclasses());
    }

    @Test
    void observationOpenOnTheCallersThread_becomesTheParent() throws Exception {
        Observation parent = Observation.start("http.server.requests", observations);
        try (SeedreamClient client = fake(Map.of()); Observation.Scope scope = parent.openScope()) {
            assertThat(scope.getCurrentObservation()).isSameAs(parent);
            client.generate(REQUEST);
            awaitEnd();
        } finally {
            parent.stop();
        }

        assertThat(observations).hasNumberOfObservationsEqualTo(2)
                .hasObservationWithNameEqualTo(DURATION).that()
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
