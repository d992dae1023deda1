package io.github.seedream4j.provider.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.Charge;
import io.github.seedream4j.Cost;
import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.Seed;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SizeTier;
import io.github.seedream4j.ConfigurationException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeProviderTest {

    private final String ledger = "test-" + UUID.randomUUID();
    private SeedreamClient client = client(SeedreamClient.builder());

    private SeedreamClient client(SeedreamClient.Builder builder) {
        return builder.provider("fake").setting(FakeProvider.LEDGER, ledger).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void generate_returnsDecodablePngAtExactPixels() throws IOException {
        GenerationResult result = client.generate(GenerationRequest.of("a lighthouse at dawn")
                .withSize(ImageSize.tiered(SizeTier.TWO_K, AspectRatio.RATIO_16_9)).withSeed(Seed.of(7)));

        GeneratedImage image = result.image();
        assertThat(image.format()).isEqualTo(ImageFormat.PNG);
        assertThat(image.resolution()).isEqualTo(Resolution.of(2560, 1440));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
        assertThat(decoded.getWidth()).isEqualTo(2560);
        assertThat(decoded.getHeight()).isEqualTo(1440);
        assertThat(result.seed()).contains(Seed.of(7));
        assertThat(result.providerId()).isEqualTo("fake");
        assertThat(result.charge()).isEqualTo(Charge.estimated(Cost.usd("0")));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void generate_sameInputsGiveIdenticalBytes() {
        GenerationRequest request = GenerationRequest.of("a red fox").withSize(ImageSize.exact(1024, 1024))
                .withSeed(Seed.of(42)).withNegativePrompt("blur");

        assertThat(client.generate(request).image().bytes()).isEqualTo(client.generate(request).image().bytes());
    }

    @Test
    void generate_otherSeedOrPromptGivesVisiblyDifferentImage() throws IOException {
        GenerationRequest request = GenerationRequest.of("a red fox").withSize(ImageSize.exact(1024, 1024))
                .withSeed(Seed.of(1));
        BufferedImage a = decode(client.generate(request));
        BufferedImage b = decode(client.generate(request.withSeed(Seed.of(2))));
        BufferedImage c = decode(client.generate(GenerationRequest.of("a blue whale")
                .withSize(ImageSize.exact(1024, 1024)).withSeed(Seed.of(1))));

        assertThat(differingPixelShare(a, b)).isGreaterThan(0.2);
        assertThat(differingPixelShare(a, c)).isGreaterThan(0.2);
    }

    @Test
    void generate_imageIsNotAFlatColour() throws IOException {
        BufferedImage image = decode(client.generate(GenerationRequest.of("anything")
                .withSize(ImageSize.exact(1024, 1024)).withSeed(Seed.of(3))));
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 16) {
            for (int x = 0; x < image.getWidth(); x += 16) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).hasSizeGreaterThan(50);
    }

    @Test
    void generate_withoutSeedPicksOneAndReportsIt() {
        GenerationRequest request = GenerationRequest.of("a quiet harbour").withSize(ImageSize.exact(1024, 1024));
        GenerationResult first = client.generate(request);
        Seed chosen = first.seed().orElseThrow();

        GenerationResult again = client.generate(request.withSeed(chosen));

        assertThat(again.image().bytes()).isEqualTo(first.image().bytes());
    }

    @Test
    void generate_manyImagesFanOutWithDistinctSeeds() {
        GenerationResult result = client.generate(GenerationRequest.of("stars").withSize(ImageSize.exact(1024, 1024))
                .withSeed(Seed.of(10)).withCount(6));

        assertThat(result.images()).hasSize(6);
        assertThat(result.images()).extracting(i -> i.seed().orElseThrow().value())
                .containsExactly(10L, 11L, 12L, 13L, 14L, 15L);
        assertThat(FakeLedger.named(ledger).requests()).extracting(GenerationRequest::count).containsExactly(4, 2);
    }

    @Test
    void generate_recordsWhatTheProviderReceived() {
        client.generate(GenerationRequest.of("a cat").withSize(ImageSize.exact(1024, 1024)).withSeed(Seed.of(5)));

        assertThat(FakeLedger.named(ledger).requests()).singleElement().satisfies(r -> {
            assertThat(r.prompt().text()).isEqualTo("a cat");
            assertThat(r.seed()).contains(Seed.of(5));
        });
    }

    @Test
    void generate_scriptedFailuresThenSuccess() {
        client.close();
        client = client(SeedreamClient.builder().setting(FakeProvider.FAILURES, "rate-limited,rate-limited"));
        GenerationRequest request = GenerationRequest.of("a cat").withSize(ImageSize.exact(1024, 1024));

        assertThatThrownBy(() -> client.generate(request)).isInstanceOf(RateLimitedException.class)
                .hasMessage("provider fake is rate limiting this client; wait 1s and retry "
                        + "(scripted failure 1 of the fake provider)");
        assertThatThrownBy(() -> client.generate(request)).isInstanceOf(RateLimitedException.class);
        assertThat(client.generate(request).images()).hasSize(1);
    }

    @Test
    void create_unknownFailureKindIsAConfigurationError() {
        assertThatThrownBy(() -> client(SeedreamClient.builder().setting(FakeProvider.FAILURES, "explode")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("provider fake setting 'failures' has unknown kind 'explode'; use a comma-separated list of "
                        + "[ok, rate-limited, unavailable, failed, timeout, outcome-unknown, auth, credit]");
    }

    @Test
    void generate_priceSettingIsUsedForEstimates() {
        client.close();
        client = client(SeedreamClient.builder().setting(FakeProvider.PRICE, "0.03/image"));

        GenerationResult result = client.generate(GenerationRequest.of("x").withSize(ImageSize.exact(1024, 1024))
                .withCount(3));

        assertThat(result.charge()).isEqualTo(Charge.estimated(Cost.usd("0.09")));
    }

    @Test
    void generateAsync_latencyHoldsNoThreadAndCanBeCancelled() throws Exception {
        client.close();
        client = client(SeedreamClient.builder().setting(FakeProvider.LATENCY, "10s"));

        CompletableFuture<GenerationResult> future = client.generateAsync(GenerationRequest.of("slow")
                .withSize(ImageSize.exact(1024, 1024)));
        assertThat(future.cancel(true)).isTrue();

        assertThat(future).isCancelled();
        assertThat(FakeLedger.named(ledger).calls()).isEqualTo(1);
    }

    @Test
    void generate_streamsToDirectoryAtomically(@TempDir Path dir) throws IOException {
        GenerationResult result = client.generate(GenerationRequest.of("a lake").withSize(ImageSize.exact(1024, 1024))
                .withCount(2), ImageDestination.directory(dir, "lake", false));

        assertThat(result.images()).extracting(i -> i.file().orElseThrow().getFileName().toString())
                .containsExactly("lake-1.png", "lake-2.png");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("lake-1.png", "lake-2.png");
        }
        assertThat(ImageIO.read(dir.resolve("lake-1.png").toFile()).getWidth()).isEqualTo(1024);
    }

    @Test
    void generate_neverOverwritesAnExistingFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("lake.png"), "precious");
        GenerationRequest request = GenerationRequest.of("a lake").withSize(ImageSize.exact(1024, 1024));

        assertThatThrownBy(() -> client.generate(request, ImageDestination.directory(dir, "lake", false)))
                .isInstanceOf(io.github.seedream4j.ImageDownloadException.class)
                .hasMessageContaining("lake.png already exists; choose another name or allow overwriting");
        assertThat(Files.readString(dir.resolve("lake.png"))).isEqualTo("precious");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void resume_regeneratesTheSameJob() {
        GenerationRequest request = GenerationRequest.of("a cat").withSize(ImageSize.exact(1024, 1024))
                .withSeed(Seed.of(9));
        GenerationResult first = client.generate(request);

        GenerationResult resumed = client.resume(request, first.jobIds().get(0), ImageDestination.memory());

        assertThat(resumed.image().bytes()).isEqualTo(first.image().bytes());
    }

    private static BufferedImage decode(GenerationResult result) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(result.image().bytes()));
    }

    private static double differingPixelShare(BufferedImage a, BufferedImage b) {
        int differ = 0;
        int total = 0;
        for (int y = 0; y < a.getHeight(); y += 8) {
            for (int x = 0; x < a.getWidth(); x += 8) {
                total++;
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differ++;
                }
            }
        }
        return (double) differ / total;
    }

}
