package io.github.seedream4j.provider.runpod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.Warning;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ImageSink;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import io.github.seedream4j.spi.ProviderSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The blocking flow ({@code /runsync}), on the provider found through ServiceLoader. */
class RunpodRunsyncTest {

    private static final String KEY = RunpodAsyncTest.KEY;
    private static final String ID = "sync-a1b2c3d4-e5f6-7890-abcd-ef1234567890-u1";

    private WireMockServer server;
    private ImageProvider provider;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final TestContext context = new TestContext();

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        ImageProviderFactory factory = ServiceLoader.load(ImageProviderFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.id().equals("runpod")).findFirst().orElseThrow();
        provider = factory.create(ProviderSettings.of("runpod", Map.of("api-key", KEY, "base-url", server.baseUrl(),
                "wait", "2s"), k -> null, k -> null));
    }

    @AfterEach
    void stop() {
        provider.close();
        scheduler.shutdownNow();
        server.stop();
    }

    private static ProviderCall call() {
        GenerationRequest r = GenerationRequest.builder("a diner").size(1280, 720).seed(5).build();
        return new ProviderCall(r, Resolution.of(1280, 720), 1, 0);
    }

    private String completed() {
        return "{\"id\":\"" + ID + "\",\"status\":\"COMPLETED\",\"delayTime\":16,\"executionTime\":5234,"
                + "\"workerId\":\"oqk7ao1uomckye\",\"output\":{\"image_url\":\"" + server.baseUrl()
                + "/abc123/output.png\",\"cost\":0.113246}}";
    }

    private void stubImage() {
        server.stubFor(get("/abc123/output.png").willReturn(aResponse().withHeader("Content-Type", "image/png")
                .withBody(Pngs.png(1280, 720))));
    }

    @Test
    void generate_completedInOneRoundTrip() {
        server.stubFor(post("/seedream-v4-t2i/runsync?wait=2000").willReturn(aResponse().withBody(completed())));
        stubImage();

        ProviderResult result = provider.generate(call(), context);

        assertThat(result.images()).singleElement().satisfies(i -> assertThat(i.resolution())
                .isEqualTo(Resolution.of(1280, 720)));
        assertThat(result.reportedCost()).map(c -> c.amount().toPlainString()).contains("0.113246");
        assertThat(result.jobId()).contains(ID);
        assertThat(result.execution()).contains(Duration.ofMillis(5234));
        assertThat(context.submitted).containsExactly(ID);
    }

    @Test
    void generate_inProgressFallsBackToPolling() {
        server.stubFor(post("/seedream-v4-t2i/runsync?wait=2000").willReturn(aResponse().withBody(
                "{\"id\":\"" + ID + "\",\"status\":\"IN_PROGRESS\"}")));
        server.stubFor(get("/seedream-v4-t2i/status/" + ID).inScenario("p").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withBody("{\"id\":\"" + ID + "\",\"status\":\"IN_PROGRESS\"}"))
                .willSetStateTo("done"));
        server.stubFor(get("/seedream-v4-t2i/status/" + ID).inScenario("p").whenScenarioStateIs("done")
                .willReturn(aResponse().withBody(completed())));
        stubImage();

        ProviderResult result = provider.generate(call(), context);

        assertThat(result.reportedCost()).map(c -> c.amount().toPlainString()).contains("0.113246");
        assertThat(context.polls).containsExactly(ID + " IN_PROGRESS", ID + " COMPLETED");
        server.verify(2, getRequestedFor(urlEqualTo("/seedream-v4-t2i/status/" + ID)));
    }

    @Test
    void generate_failedOnHttp400WithTheDocumentedBody() {
        server.stubFor(post("/seedream-v4-t2i/runsync?wait=2000").willReturn(aResponse().withStatus(400).withBody(
                "{\"id\":\"" + ID + "\",\"status\":\"FAILED\",\"error\":\"Invalid parameter: size format must be "
                + "width*height\"}")));

        assertThatThrownBy(() -> provider.generate(call(), context)).isInstanceOf(GenerationFailedException.class)
                .hasMessage("provider runpod: job " + ID + " failed: Invalid parameter: size format must be "
                        + "width*height; Runpod does not charge failed generations");
    }

    @Test
    void generate_resetAfterSendingIsNeverResent() {
        server.stubFor(post("/seedream-v4-t2i/runsync?wait=2000").willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> provider.generate(call(), context)).isInstanceOf(OutcomeUnknownException.class);
        server.verify(1, postRequestedFor(urlEqualTo("/seedream-v4-t2i/runsync?wait=2000")));
    }

    @Test
    void create_missingKeyNamesTheVariable() {
        assertThatThrownBy(() -> SeedreamClient.builder().provider("runpod").systemProperties(k -> null)
                .environment(k -> null).build()).isInstanceOf(ConfigurationException.class)
                .hasMessage("provider runpod needs setting 'api-key' (Runpod API key): set the environment variable "
                        + "RUNPOD_API_KEY or SEEDREAM_RUNPOD_API_KEY, or the system property seedream.runpod.api-key");
    }

    @Test
    void create_waitOutOfRange() {
        assertThatThrownBy(() -> SeedreamClient.builder().provider("runpod").setting("api-key", KEY)
                .setting("wait", "301s").systemProperties(k -> null).environment(k -> null).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("provider runpod setting 'wait' from explicit setting 'wait' is 301000ms; Runpod accepts "
                        + "1s to 300s (1000 to 300000 ms)");
    }

    @Test
    void toString_neverShowsTheKey() {
        assertThat(provider.toString()).doesNotContain(KEY).contains("apiKey=****");
    }

    /** A context that stores images in memory and records events. */
    private final class TestContext implements GenerationContext {
        final List<String> submitted = new CopyOnWriteArrayList<>();
        final List<String> polls = new CopyOnWriteArrayList<>();
        private final Instant deadline = Instant.now().plusSeconds(30);

        @Override
        public String generationId() {
            return "test";
        }

        @Override
        public String providerId() {
            return "runpod";
        }

        @Override
        public int callIndex() {
            return 0;
        }

        @Override
        public ImageSink images() {
            return new ImageSink() {
                @Override
                public GeneratedImage store(InputStream content, String declaredMediaType, URI source) {
                    try {
                        return store(content.readAllBytes(), declaredMediaType, source);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public GeneratedImage store(byte[] content, String declaredMediaType, URI source) {
                    try {
                        var image = ImageIO.read(new ByteArrayInputStream(content));
                        return GeneratedImage.inMemory(ImageFormat.PNG, Resolution.of(image.getWidth(),
                                image.getHeight()), content, null, source);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public long maxBytes() {
                    return 1 << 24;
                }
            };
        }

        @Override
        public Instant deadline() {
            return deadline;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void onCancel(Runnable action) {
        }

        @Override
        public Executor executor() {
            return Runnable::run;
        }

        @Override
        public ScheduledExecutorService scheduler() {
            return scheduler;
        }

        @Override
        public void submitted(String jobId) {
            submitted.add(jobId);
        }

        @Override
        public void retried(int attempt, Duration delay, String reason) {
        }

        @Override
        public void polled(String jobId, String status) {
            polls.add(jobId + " " + status);
        }

        @Override
        public void warn(Warning warning) {
        }

        @Override
        public System.Logger logger() {
            return System.getLogger("test");
        }
    }
}
