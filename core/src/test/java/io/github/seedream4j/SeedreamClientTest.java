package io.github.seedream4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.spi.ProviderCall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedreamClientTest {

    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        TestProviders.CALLS.clear();
    }

    private SeedreamClient pixels(UnsupportedOptionPolicy policy, GenerationListener... listeners) {
        SeedreamClient.Builder b = SeedreamClient.builder()
                .classLoader(TestProviders.classPath(dir, TestProviders.Pixels.class.getName()))
                .setting("api-key", "canary-secret-123").unsupportedOptions(policy);
        for (GenerationListener l : listeners) {
            b.listener(l);
        }
        return b.build();
    }

    private SeedreamClient tiers(UnsupportedOptionPolicy policy) {
        return SeedreamClient.builder()
                .classLoader(TestProviders.classPath(dir, TestProviders.Tiers.class.getName()))
                .unsupportedOptions(policy).build();
    }

    @Test
    void generateAsync_blockingWorkBeyondTheWorkerCapWaitsAndFailsWhenTheClientCloses() throws Exception {
        SeedreamClient client = SeedreamClient.builder()
                .classLoader(TestProviders.classPath(dir, TestProviders.Blocking.class.getName())).build();
        TestProviders.Blocking.STARTED.drainPermits();
        List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
        for (int i = 0; i < SeedreamClient.MAX_WORKER_THREADS + 8; i++) {
            futures.add(client.generateAsync(GenerationRequest.of("p").withSize(ImageSize.exact(1024, 1024))));
        }
        TestProviders.Blocking.STARTED.acquire(SeedreamClient.MAX_WORKER_THREADS);
        ThreadPoolExecutor workers = client.engine().workers;
        assertThat(workers.getPoolSize()).isEqualTo(SeedreamClient.MAX_WORKER_THREADS);
        assertThat(workers.getQueue()).hasSize(8);

        client.close();

        // the queued ones never ran: without the close failing them, their callers would wait forever
        for (CompletableFuture<GenerationResult> queued : futures.subList(SeedreamClient.MAX_WORKER_THREADS, futures.size())) {
            assertThat(queued).isCompletedExceptionally();
            assertThatThrownBy(queued::join).hasCauseInstanceOf(GenerationCancelledException.class)
                    .cause().hasMessage("the generation on provider blocking was cancelled: the client was closed");
        }
    }

    @Test
    void build_missingSecretNamesWhereToSetIt() {
        assertThatThrownBy(() -> SeedreamClient.builder()
                .classLoader(TestProviders.classPath(dir, TestProviders.Pixels.class.getName()))
                .environment(k -> null).systemProperties(k -> null).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("provider pixels needs setting 'api-key' (the key): set the environment variable "
                        + "PIXELS_API_KEY or SEEDREAM_PIXELS_API_KEY, or the system property seedream.pixels.api-key");
    }

    @Test
    void build_unknownSettingIsRefused() {
        assertThatThrownBy(() -> SeedreamClient.builder()
                .classLoader(TestProviders.classPath(dir, TestProviders.Pixels.class.getName()))
                .setting("api-key", "x").setting("apikey", "y").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("provider pixels has no setting 'apikey'; its settings are [api-key]");
    }

    @Test
    void generate_tierIsTurnedIntoTablePixelsForAPixelProvider() {
        try (SeedreamClient client = pixels(UnsupportedOptionPolicy.WARN)) {
            GenerationResult result = client.generate(GenerationRequest.of("x")
                    .withSize(ImageSize.tiered(SizeTier.TWO_K, AspectRatio.RATIO_16_9)));

            ProviderCall call = TestProviders.CALLS.get(0);
            assertThat(call.request().size()).isEqualTo(ImageSize.exact(2560, 1440));
            assertThat(call.resolution()).isEqualTo(Resolution.of(2560, 1440));
            assertThat(result.image().resolution()).isEqualTo(Resolution.of(2560, 1440));
            assertThat(result.warnings()).isEmpty();
        }
    }

    @Test
    void generate_sizeOutsideTheProviderSidesIsRefusedBeforeSending() {
        try (SeedreamClient client = pixels(UnsupportedOptionPolicy.WARN)) {
            assertThatThrownBy(() -> client.generate(GenerationRequest.of("x")
                    .withSize(ImageSize.tiered(SizeTier.ONE_K, AspectRatio.RATIO_16_9))))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("size 1312x736 is outside what provider pixels accepts: each side must be from 1024 "
                            + "to 4096 pixels");
            assertThat(TestProviders.CALLS).isEmpty();
        }
    }

    @Test
    void generate_unsupportedOptionsWarnAndAreNotSent() {
        try (SeedreamClient client = pixels(UnsupportedOptionPolicy.WARN)) {
            GenerationResult result = client.generate(GenerationRequest.builder("x").size(1024, 1024)
                    .negativePrompt("blur").enhancePrompt(true).safetyChecker(false).extra("style", "noir").build());

            ProviderCall call = TestProviders.CALLS.get(0);
            assertThat(call.request().negativePrompt()).isEmpty();
            assertThat(call.request().enhancePrompt()).isEmpty();
            assertThat(call.request().safetyChecker()).isEmpty();
            assertThat(call.request().extras()).isEmpty();
            assertThat(result.warnings()).extracting(Warning::code).containsOnly(Warning.UNSUPPORTED_OPTION);
            assertThat(result.warnings()).extracting(Warning::message).containsExactly(
                    "a negative prompt was not sent: provider pixels takes no negative prompt",
                    "safety checker off was not sent: provider pixels cannot switch its safety checker",
                    "prompt enhancement on was not sent: provider pixels offers no prompt enhancement",
                    "extra option 'style' was not sent: provider pixels takes no extra options");
        }
    }

    @Test
    void generate_unsupportedOptionIsRefusedUnderRefuse() {
        try (SeedreamClient client = tiers(UnsupportedOptionPolicy.REFUSE)) {
            assertThatThrownBy(() -> client.generate(GenerationRequest.of("x").withSeed(Seed.of(7))))
                    .isInstanceOf(UnsupportedOptionException.class)
                    .hasMessage("provider tiers cannot honour seed 7: it takes no seed, so its images cannot be "
                            + "reproduced. Remove the option, choose a provider that supports it, or set the "
                            + "unsupported-option policy to WARN to send the request without it");
            assertThat(TestProviders.CALLS).isEmpty();
        }
    }

    @Test
    void generate_exactPixelsMatchingATableEntryBecomeATierForATierProvider() {
        try (SeedreamClient client = tiers(UnsupportedOptionPolicy.WARN)) {
            GenerationResult result = client.generate(GenerationRequest.of("x").withSize(ImageSize.exact(2560, 1440)));

            assertThat(TestProviders.CALLS.get(0).request().size())
                    .isEqualTo(ImageSize.tiered(SizeTier.TWO_K, AspectRatio.RATIO_16_9));
            assertThat(TestProviders.CALLS.get(0).request().seed()).isEmpty();
            assertThat(result.seed()).isEmpty();
            assertThat(result.charge()).isEqualTo(Charge.reported(Cost.usd("0.05")));
            assertThat(result.warnings()).extracting(Warning::code).containsExactly(Warning.SIZE_MISMATCH);
            assertThatThrownBy(() -> client.generate(GenerationRequest.of("x").withSize(ImageSize.exact(2000, 2000))))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("provider tiers takes only tiers ([2K]) with ratios [1:1, 16:9], not exact pixels like "
                            + "2000x2000; ask for a tier and an aspect ratio instead");
        }
    }

    @Test
    void generate_countFansOutWithinImagesPerCallAndSumsTheEstimate() {
        try (SeedreamClient client = pixels(UnsupportedOptionPolicy.WARN)) {
            GenerationResult result = client.generate(GenerationRequest.of("x").withSize(ImageSize.exact(1024, 1024))
                    .withSeed(Seed.of(100)).withCount(5));

            assertThat(TestProviders.CALLS).extracting(ProviderCall::images).containsExactlyInAnyOrder(2, 2, 1);
            assertThat(TestProviders.CALLS).extracting(c -> c.request().seed().orElseThrow().value())
                    .containsExactlyInAnyOrder(100L, 102L, 104L);
            assertThat(result.images()).extracting(i -> i.seed().orElseThrow().value())
                    .containsExactly(100L, 101L, 102L, 103L, 104L);
            assertThat(result.charge()).isEqualTo(Charge.estimated(Cost.usd("0.05")));
            assertThat(client.estimate(GenerationRequest.of("x").withSize(ImageSize.exact(1024, 1024)).withCount(5)))
                    .isEqualTo(Charge.estimated(Cost.usd("0.05")));
        }
    }

    @Test
    void generate_eventsArriveInOrderAndAThrowingListenerBreaksNothing() {
        List<GenerationEvent> events = new ArrayList<>();
        GenerationListener throwing = e -> {
            throw new IllegalStateException("listener bug");
        };
        try (SeedreamClient client = pixels(UnsupportedOptionPolicy.WARN, throwing, events::add)) {
            client.generate(GenerationRequest.of("x").withSize(ImageSize.exact(1024, 1024)));
        }
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Validated", "ImageFetched", "Completed");
        assertThat(events).extracting(GenerationEvent::generationId).containsOnly(events.get(0).generationId());
    }

    @Test
    void toString_neverShowsTheSecret() {
        try (SeedreamClient client = pixels(UnsupportedOptionPolicy.WARN)) {
            assertThat(client.toString()).doesNotContain("canary-secret-123");
            GenerationResult result = client.generate(GenerationRequest.of("x").withSize(ImageSize.exact(1024, 1024)));
            assertThat(result.toString()).doesNotContain("canary-secret-123");
        }
        assertThat(io.github.seedream4j.spi.ProviderSettings.of("pixels", Map.of("api-key", "canary-secret-123"))
                .toString()).doesNotContain("canary-secret-123");
    }

    @Test
    void close_cancelsRunningJobsAtTheirProviderAndRefusesNewWork() {
        TestProviders.Hanging.CANCELLED.clear();
        SeedreamClient client = SeedreamClient.builder()
                .classLoader(TestProviders.classPath(dir, TestProviders.Hanging.class.getName())).build();
        java.util.concurrent.CompletableFuture<GenerationResult> running = client.generateAsync(
                GenerationRequest.of("x").withSize(ImageSize.exact(1024, 1024)));

        client.close();

        assertThat(TestProviders.Hanging.CANCELLED).containsExactly("hanging-1");
        assertThatThrownBy(running::join).hasCauseInstanceOf(GenerationCancelledException.class)
                .hasMessageContaining("the generation on provider hanging was cancelled: the client was closed");
        assertThatThrownBy(() -> client.generate(GenerationRequest.of("x").withSize(ImageSize.exact(1024, 1024))))
                .isInstanceOf(GenerationCancelledException.class)
                .hasMessage("this client for provider hanging is closed; build a new one");
        client.close();
    }

    @Test
    void buildEstimator_pricesAndValidatesWithoutCredentials() {
        CostEstimator estimator = SeedreamClient.builder()
                .classLoader(TestProviders.classPath(dir, TestProviders.Pixels.class.getName()))
                .environment(k -> null).systemProperties(k -> null).buildEstimator();

        assertThat(estimator.providerId()).isEqualTo("pixels");
        assertThat(estimator.estimate(GenerationRequest.of("x").withSize(ImageSize.exact(1024, 1024)).withCount(3)))
                .isEqualTo(Charge.estimated(Cost.usd("0.03")));
        assertThat(estimator.validate(GenerationRequest.builder("x").size(1024, 1024).negativePrompt("blur").build()))
                .extracting(Warning::code).containsExactly(Warning.UNSUPPORTED_OPTION);
        assertThatThrownBy(() -> estimator.estimate(GenerationRequest.of("x").withSize(ImageSize.exact(512, 512))))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void generate_aRefusedRequestReachesListenersAsASingleFailedEvent() {
        List<GenerationEvent> events = new ArrayList<>();
        try (SeedreamClient client = pixels(UnsupportedOptionPolicy.WARN, events::add)) {
            assertThatThrownBy(() -> client.generate(GenerationRequest.of("x").withSize(ImageSize.exact(512, 512))))
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThat(events).singleElement().isInstanceOfSatisfying(GenerationEvent.Failed.class,
                f -> assertThat(f.error()).isInstanceOf(InvalidRequestException.class));
        assertThat(TestProviders.CALLS).isEmpty();
    }
}
