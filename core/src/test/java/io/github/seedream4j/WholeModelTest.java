package io.github.seedream4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ImageTransport;
import io.github.seedream4j.spi.ModelOffer;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference images, sequential sets and model versions: validated offline, converted, never dropped. */
class WholeModelTest {

    private static final byte[] PNG = TestProviders.png(64, 48);
    private static final GenerationRequest EDIT = GenerationRequest.of("put the hat on the cat");

    private final List<ProviderCall> calls = new CopyOnWriteArrayList<>();

    /** Serves 4.0 (text only, id "v4"), 4.5 (data URIs and URLs, sets, id "v45") and 5.0 lite (URLs only). */
    private ImageProviderFactory provider(int imagesPerSet) {
        Capabilities capabilities = Capabilities.builder().exactSizes(1, 8192).seed(true)
                .pricing(PriceModel.perImage(Cost.usd("0.04")))
                .model(ModelOffer.textOnly(SeedreamModel.V4_0, "v4"))
                .model(new ModelOffer(SeedreamModel.V4_5, "v45", Set.of(ImageTransport.DATA_URI, ImageTransport.URL),
                        true))
                .model(new ModelOffer(SeedreamModel.V5_0_LITE, "v5", Set.of(ImageTransport.URL), true))
                .build();
        return factory("versions", capabilities, (call, context) -> {
            calls.add(call);
            int n = call.sequential() ? Math.min(imagesPerSet, call.images()) : call.images();
            for (int i = 0; i < n; i++) {
                context.images().store(TestProviders.png(call.resolution().width() / 8,
                        call.resolution().height() / 8), "image/png", null);
            }
            return CompletableFuture.completedFuture(ProviderResult.none());
        });
    }

    /** A factory of {@code provider} under {@code id}, with no settings. */
    private static ImageProviderFactory factory(String id, Capabilities capabilities, ImageProvider provider) {
        return new ImageProviderFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "test provider " + id;
            }

            @Override
            public Capabilities capabilities() {
                return capabilities;
            }

            @Override
            public List<SettingKey> settings() {
                return List.of();
            }

            @Override
            public ImageProvider create(ProviderSettings settings) {
                return provider;
            }
        };
    }

    private SeedreamClient client(int imagesPerSet) {
        return SeedreamClient.builder().provider(provider(imagesPerSet)).build();
    }

    @Test
    void files_becomeDataUrisForAProviderThatTakesThem_inOrder(@TempDir Path dir) throws Exception {
        Path cat = Files.write(dir.resolve("cat.jpg"), PNG); // named .jpg: the content decides
        try (SeedreamClient client = client(1)) {
            client.generate(EDIT.toBuilder().model(SeedreamModel.V4_5).image(ReferenceImage.file(cat))
                    .image(ReferenceImage.url("https://example.com/hat.png")).build());
        }
        ProviderCall call = calls.get(0);
        assertThat(call.model().providerModelId()).isEqualTo("v45");
        assertThat(call.inputs()).hasSize(2);
        assertThat(call.inputs().get(0)).startsWith("data:image/png;base64,iVBORw0KGgo");
        assertThat(call.inputs().get(1)).isEqualTo("https://example.com/hat.png");
    }

    @Test
    void defaultModel_isFourZeroWhereServed_andAModelNotServedIsRefusedOffline() {
        try (SeedreamClient client = client(1)) {
            client.generate(GenerationRequest.of("a cat"));
            assertThat(calls.get(0).model().model()).isEqualTo(SeedreamModel.V4_0);
        }
        ImageProviderFactory only45 = factory("only45", Capabilities.builder()
                .model(ModelOffer.textOnly(SeedreamModel.V4_5, null)).build(),
                (call, context) -> CompletableFuture.failedFuture(new AssertionError("never sent")));
        assertThatThrownBy(() -> SeedreamClient.builder().provider(only45).buildEstimator()
                .estimate(GenerationRequest.of("a cat").withModel(SeedreamModel.V4_0)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("provider only45 does not serve Seedream 4.0; it serves [4.5]. Ask for one of those, or "
                        + "choose a provider that serves 4.0");
    }

    @Test
    void sequentialSet_smallerThanItsMaximum_isASuccessWithNumberedFiles(@TempDir Path dir) {
        try (SeedreamClient client = client(3)) {
            GenerationRequest set = GenerationRequest.of("a storyboard of a fox").withModel(SeedreamModel.V4_5)
                    .withMaxImages(4);
            GenerationResult r = client.generate(set, ImageDestination.directory(dir, "fox", false));
            assertThat(r.images()).hasSize(3);
            assertThat(r.warnings()).extracting(Warning::code).doesNotContain(Warning.PARTIAL_RESULT);
            assertThat(r.charge()).isEqualTo(Charge.estimated(Cost.usd("0.12")));
            assertThat(dir.resolve("fox-1.png")).exists();
            assertThat(dir.resolve("fox-3.png")).exists();
            assertThat(dir.resolve("fox-4.png")).doesNotExist();
            CostEstimator estimator = SeedreamClient.builder().provider(provider(1)).buildEstimator();
            assertThat(estimator.estimateLeast(set)).isEqualTo(Charge.estimated(Cost.usd("0.04")));
            assertThat(estimator.estimate(set)).isEqualTo(Charge.estimated(Cost.usd("0.16")));
        }
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).images()).isEqualTo(4);
    }

    /** One seed makes a whole set: every image reports it, none a seed that was never sent. */
    @Test
    void sequentialSet_everyImageReportsTheOneSeedSent() {
        try (SeedreamClient client = client(3)) {
            GenerationResult r = client.generate(GenerationRequest.of("a storyboard of a fox")
                    .withModel(SeedreamModel.V4_5).withMaxImages(4).withSeed(Seed.of(42)));
            assertThat(r.images()).extracting(GeneratedImage::seed).containsOnly(Optional.of(Seed.of(42)));
        }
        assertThat(calls.get(0).request().seed()).contains(Seed.of(42));
    }

    @Test
    void aProvidersOwnSmallerLimits_areRefusedBeforeSending_byGenerateValidateAndEstimate() {
        // takes 2 reference images and makes sets of 3
        ImageProviderFactory smaller = factory("smaller", Capabilities.builder().exactSizes(1, 8192)
                .pricing(PriceModel.perImage(Cost.usd("0.04")))
                .model(new ModelOffer(SeedreamModel.V4_5, "v45", Set.of(ImageTransport.URL), true, 2, 3)).build(),
                (call, context) -> {
                    calls.add(call);
                    return CompletableFuture.failedFuture(new IllegalStateException("it makes no images"));
                });
        ReferenceImage url = ReferenceImage.url("https://images.example/cat.png");
        GenerationRequest threeImages = EDIT.withModel(SeedreamModel.V4_5).withImages(List.of(url, url, url));
        GenerationRequest setOfFour = GenerationRequest.of("a storyboard").withModel(SeedreamModel.V4_5)
                .withMaxImages(4);
        String images = "3 reference images are more than provider smaller sends with Seedream 4.5 (2); use fewer";
        String set = "a sequential set of up to 4 images is more than provider smaller makes with Seedream 4.5 (at "
                + "most 3): ask for 3 or fewer";

        try (SeedreamClient client = SeedreamClient.builder().provider(smaller).build()) {
            assertThatThrownBy(() -> client.generate(threeImages)).isInstanceOf(InvalidRequestException.class)
                    .hasMessage(images);
            assertThatThrownBy(() -> client.validate(setOfFour)).isInstanceOf(InvalidRequestException.class)
                    .hasMessage(set);
            assertThat(client.generateAsync(EDIT.withModel(SeedreamModel.V4_5).withImages(List.of(url, url))))
                    .failsWithin(Duration.ofSeconds(5));
        }
        CostEstimator estimator = SeedreamClient.builder().provider(smaller).buildEstimator();
        assertThatThrownBy(() -> estimator.estimate(setOfFour)).hasMessage(set);
        assertThat(estimator.estimate(setOfFour.withMaxImages(3)).cost()).isEqualTo(Cost.usd("0.12"));
        assertThat(calls).hasSize(1);
    }

    @Test
    void modelOffer_limitsDefaultToTheModelsAndMustFitThem() {
        ModelOffer defaults = new ModelOffer(SeedreamModel.V4_0, "v4", Set.of(ImageTransport.URL), true);
        assertThat(defaults.maxReferenceImages()).isEqualTo(SeedreamModel.V4_0.maxReferenceImages());
        assertThat(defaults.maxSetImages()).isEqualTo(SeedreamModel.MAX_SEQUENTIAL_IMAGES);
        assertThat(ModelOffer.textOnly(SeedreamModel.V4_5, null)).extracting(ModelOffer::maxReferenceImages,
                ModelOffer::maxSetImages).containsExactly(0, 0);

        assertThatThrownBy(() -> new ModelOffer(SeedreamModel.V4_0, "v4", Set.of(ImageTransport.URL), true, 11, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxReferenceImages 11 of Seedream 4.0 must be 1 to 10");
        assertThatThrownBy(() -> new ModelOffer(SeedreamModel.V4_0, "v4", Set.of(), false, 1, 0))
                .hasMessage("maxReferenceImages 1 of Seedream 4.0 must be 0, since it takes no reference images");
        assertThatThrownBy(() -> new ModelOffer(SeedreamModel.V4_5, "v45", Set.of(), true, 0, 0))
                .hasMessage("maxSetImages 0 of Seedream 4.5 must be 1 to 15");
        assertThatThrownBy(() -> new ModelOffer(SeedreamModel.V4_5, "v45", Set.of(), false, 0, 6))
                .hasMessage("maxSetImages 6 of Seedream 4.5 must be 0, since it makes no sets");
    }

    @Test
    void badInput_isRefusedBeforeAnythingIsSent_namingTheImageAndTheLimit(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("cat.png"), "not an image at all");
        assertThatThrownBy(() -> ReferenceImage.file(text)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("reference image (file " + text + ") is not a PNG, JPEG or WebP image (judged by its "
                        + "content, not its name); convert it to PNG or JPEG");
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(PNG, PNG.length - 20));
        assertThatThrownBy(() -> ReferenceImage.file(cut)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is a truncated PNG image");
        assertThatThrownBy(() -> ReferenceImage.file(dir.resolve("missing.png")))
                .hasMessageContaining("does not exist: check the path");
        assertThatThrownBy(() -> ReferenceImage.url("http://203.0.113.7/cat.png"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("must be an https URL");
        assertThat(ReferenceImage.url("http://127.0.0.1:8080/cat.png")).isInstanceOf(ReferenceImage.Remote.class);
        assertThatThrownBy(() -> GenerationRequest.of("x").withMaxImages(0)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> GenerationRequest.of("x").withMaxImages(16)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> GenerationRequest.of("x").withCount(2).withMaxImages(3))
                .hasMessageContaining("not both");

        ReferenceImage small = ReferenceImage.bytes(TestProviders.png(10, 40));
        ReferenceImage wide = ReferenceImage.bytes(TestProviders.png(400, 100));
        ReferenceImage one = ReferenceImage.bytes(PNG);
        try (SeedreamClient client = client(1)) {
            assertThatThrownBy(() -> client.generate(EDIT.withModel(SeedreamModel.V4_5).withImages(List.of(one, small))))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("reference image 2 (the given bytes) is 10x40; each side must be more than 14 pixels: "
                            + "use a larger image");
            assertThatThrownBy(() -> client.generate(EDIT.withImages(List.of(one))))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("provider versions takes no reference images with Seedream 4.0; ask for model 4.5 or "
                            + "5.0-lite, which it serves with image inputs");
            assertThatThrownBy(() -> client.generate(EDIT.withModel(SeedreamModel.V5_0_LITE).withImages(List.of(one))))
                    .hasMessageContaining("reference image 1 (the given bytes) is held as bytes, but provider versions "
                            + "takes reference images only as https URLs");
            assertThatThrownBy(() -> client.generate(EDIT.withModel(SeedreamModel.V4_5)
                    .withImages(java.util.Collections.nCopies(15, one))))
                    .hasMessageContaining("15 reference images and up to 1 generated images make 16");
            assertThatThrownBy(() -> client.generate(EDIT.withModel(SeedreamModel.V4_5)
                    .withImages(java.util.Collections.nCopies(12, one)).withMaxImages(4)))
                    .hasMessageContaining("12 reference images and up to 4 generated images make 16");
            assertThatThrownBy(() -> client.generate(GenerationRequest.of("x").withModel(SeedreamModel.V4_5)
                    .withSize(ImageSize.tiered(SizeTier.ONE_K, AspectRatio.RATIO_1_1))))
                    .hasMessage("Seedream 4.5 has no 1K tier: use one of [2K, 4K], or exact pixels");
            assertThatThrownBy(() -> client.generate(GenerationRequest.of("x").withModel(SeedreamModel.V4_5)
                    .withSize(ImageSize.exact(1280, 720))))
                    .hasMessageContaining("Seedream 4.5 needs at least 3686400 (2560x1440)");
            // 4.0 takes the older, narrower limits: aspect within 1/3..3
            assertThat(wide).isNotNull();
        }
        assertThat(calls).isEmpty();
    }
}
