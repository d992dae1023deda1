package io.github.seedream4j.provider.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.SeedreamClient;
import java.time.Duration;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The deadline has one outcome, decided by the client: when Cloudflare (or the image storage behind it) answers later
 * than the client's deadline, the generation always fails with {@link GenerationTimeoutException} saying the request
 * may have been accepted (Cloudflare bills a run that finished; it has no job id). The {@code timeout} setting (180 s)
 * is not cut to the deadline, so no timeout of the provider's own races the client's. Each scenario runs
 * {@code -Dseedream.deadline.runs} times in a row (3 by default; 50 to check determinism).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudflareDeadlineTest {

    static final int RUNS = Integer.getInteger("seedream.deadline.runs", 3);
    static final Duration DEADLINE = Duration.ofMillis(1500);
    /** Later than the deadline, far earlier than the provider's request timeout. */
    static final int LATE_MILLIS = 2500;
    private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final String RUN = "/accounts/" + ACCOUNT + "/ai/run";
    private static final String MESSAGE = "the generation on provider cloudflare did not finish within its deadline of "
            + "1500ms; it was cancelled. The request may have reached the provider: check before sending it again. "
            + "Raise the client's timeout if the provider is just slow";

    private WireMockServer server;

    @BeforeAll
    void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
        // one whole generation first: class loading and the first connection are not what is measured
        stubRun(0);
        server.stubFor(get("/img/out.jpeg").willReturn(aResponse().withHeader("Content-Type", "image/jpeg")
                .withBody(Jpegs.of(2048, 2048))));
        try (SeedreamClient client = client(Duration.ofSeconds(30))) {
            client.generate(GenerationRequest.of("a lighthouse at dawn"));
        }
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    private SeedreamClient client(Duration timeout) {
        return SeedreamClient.builder().provider("cloudflare").setting("api-token", "cf-DEADLINE")
                .setting("account-id", ACCOUNT).setting("base-url", server.baseUrl()).systemProperties(k -> null)
                .environment(k -> null).timeout(timeout).build();
    }

    private void stubRun(int delayMillis) {
        server.stubFor(post(urlEqualTo(RUN)).willReturn(aResponse().withFixedDelay(delayMillis)
                .withHeader("Content-Type", "application/json").withBody("{\"gatewayMetadata\":{\"keySource\":"
                        + "\"Unified\"},\"result\":{\"image\":\"" + server.baseUrl() + "/img/out.jpeg\"},\"state\":"
                        + "\"Completed\"}")));
    }

    private Stream<DynamicTest> runs(String scenario, Runnable stub) {
        return IntStream.rangeClosed(1, RUNS).mapToObj(i -> DynamicTest.dynamicTest(scenario + ", run " + i + " of "
                + RUNS, () -> {
                    server.resetAll();
                    stub.run();
                    try (SeedreamClient client = client(DEADLINE)) {
                        Throwable e = catchThrowable(() -> client.generate(GenerationRequest.of("a lighthouse")));

                        assertThat(e).isInstanceOfSatisfying(GenerationTimeoutException.class, t -> {
                            assertThat(t.requestMayHaveBeenAccepted()).isTrue();
                            assertThat(t.jobId()).isEmpty();
                            assertThat(t).hasMessage(MESSAGE);
                        });
                    }
                }));
    }

    /** The run answers after the deadline. */
    @TestFactory
    Stream<DynamicTest> deadline_whileTheRunIsOnItsWay() {
        return runs("/ai/run answers late", () -> stubRun(LATE_MILLIS));
    }

    /** The run answered at once; the image's headers come after the deadline. */
    @TestFactory
    Stream<DynamicTest> deadline_whileTheImageIsOnItsWay() {
        return runs("the image answers late", () -> {
            stubRun(0);
            server.stubFor(get("/img/out.jpeg").willReturn(aResponse().withFixedDelay(LATE_MILLIS)
                    .withHeader("Content-Type", "image/jpeg").withBody(Jpegs.of(2048, 2048))));
        });
    }
}
