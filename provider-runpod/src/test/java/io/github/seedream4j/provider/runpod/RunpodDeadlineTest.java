package io.github.seedream4j.provider.runpod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
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
 * The deadline has one outcome, decided by the client: when Runpod answers later than the client's deadline, the
 * generation always fails with {@link GenerationTimeoutException}, saying the request may have been accepted and
 * carrying the job id once it is known, and the job is cancelled. The provider's own request timeouts (30 s) are not
 * cut to the deadline, so no timeout of its own races the client's. Each scenario runs
 * {@code -Dseedream.deadline.runs} times in a row (3 by default; 50 to check determinism).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunpodDeadlineTest {

    static final int RUNS = Integer.getInteger("seedream.deadline.runs", 3);
    /** Long enough for a /run answered at once to be read on a busy machine, short enough to run often. */
    static final Duration DEADLINE = Duration.ofMillis(1500);
    /** Later than the deadline, far earlier than the provider's request timeout. */
    static final int LATE_MILLIS = 2500;

    private WireMockServer server;

    @BeforeAll
    void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
        // one whole generation first: class loading and the first connection are not what is measured
        server.stubFor(post("/seedream-v4-t2i/run").willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody("{\"id\":\"warm\",\"status\":\"COMPLETED\",\"output\":{\"image_url\":\""
                + server.baseUrl() + "/warm.png\"}}")));
        server.stubFor(get("/warm.png").willReturn(aResponse().withHeader("Content-Type", "image/png")
                .withBody(Pngs.png(1280, 720))));
        try (SeedreamClient client = SeedreamClient.builder().provider("runpod").setting("api-key", "rpa_DEADLINE")
                .setting("base-url", server.baseUrl()).systemProperties(k -> null).environment(k -> null).build()) {
            client.generate(request());
        }
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    private SeedreamClient client() {
        return SeedreamClient.builder().provider("runpod").setting("api-key", "rpa_DEADLINE")
                .setting("base-url", server.baseUrl()).systemProperties(k -> null).environment(k -> null)
                .timeout(DEADLINE).build();
    }

    private static GenerationRequest request() {
        return GenerationRequest.builder("a lighthouse at dawn").size(1280, 720).seed(7).build();
    }

    private static Stream<DynamicTest> runs(String scenario, java.util.function.Consumer<String> check) {
        // a job id per run, so that a late cancel of one run is never counted in the next
        return IntStream.rangeClosed(1, RUNS).mapToObj(i -> DynamicTest.dynamicTest(scenario + ", run " + i + " of "
                + RUNS, () -> check.accept("eaebd6e7-6a92-4bb8-a911-" + String.format("%012d", i))));
    }

    /** /run answers after the deadline: no job id is known at the deadline, the request may have been accepted. */
    @TestFactory
    Stream<DynamicTest> deadline_whileRunIsOnItsWay() {
        return runs("/run answers late", job -> {
            server.resetAll();
            server.stubFor(post("/seedream-v4-t2i/run").willReturn(aResponse().withFixedDelay(LATE_MILLIS)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"" + job + "\",\"status\":\"IN_QUEUE\"}")));
            server.stubFor(post(urlPathMatching("/seedream-v4-t2i/cancel/.*")).willReturn(aResponse()
                    .withBody("{\"id\":\"" + job + "\",\"status\":\"CANCELLED\"}")));
            try (SeedreamClient client = client()) {
                Throwable e = catchThrowable(() -> client.generate(request()));

                assertThat(e).isInstanceOfSatisfying(GenerationTimeoutException.class, t -> {
                    assertThat(t.requestMayHaveBeenAccepted()).isTrue();
                    assertThat(t.jobId()).isEmpty();
                    assertThat(t).hasMessage("the generation on provider runpod did not finish within its deadline "
                            + "of 1500ms; it was cancelled. The request may have reached the provider: check before "
                            + "sending it again. Raise the client's timeout if the provider is just slow");
                });
                // the late answer is read, and its job cancelled on arrival
                awaitCancel(job);
            }
        });
    }

    /** A status poll answers after the deadline: the job id is known and carried, and the job is cancelled. */
    @TestFactory
    Stream<DynamicTest> deadline_whileAPollIsOnItsWay() {
        return runs("status answers late", job -> {
            server.resetAll();
            server.stubFor(post("/seedream-v4-t2i/run").willReturn(aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"" + job + "\",\"status\":\"IN_QUEUE\"}")));
            server.stubFor(get("/seedream-v4-t2i/status/" + job).willReturn(aResponse().withFixedDelay(LATE_MILLIS)
                    .withBody("{\"id\":\"" + job + "\",\"status\":\"COMPLETED\",\"output\":{}}")));
            server.stubFor(post(urlPathMatching("/seedream-v4-t2i/cancel/.*")).willReturn(aResponse()
                    .withBody("{\"id\":\"" + job + "\",\"status\":\"CANCELLED\"}")));
            try (SeedreamClient client = client()) {
                Throwable e = catchThrowable(() -> client.generate(request()));

                assertThat(e).isInstanceOfSatisfying(GenerationTimeoutException.class, t -> {
                    assertThat(t.requestMayHaveBeenAccepted()).isTrue();
                    assertThat(t.jobId()).contains(job);
                    assertThat(t).hasMessage("the generation on provider runpod did not finish within its deadline "
                            + "of 1500ms (job " + job + "); it was cancelled. Raise the client's timeout if the provider "
                            + "is just slow");
                });
                awaitCancel(job);
            }
        });
    }

    private void awaitCancel(String job) {
        for (int i = 0; i < 500 && server.findAll(postRequestedFor(urlEqualTo("/seedream-v4-t2i/cancel/" + job)))
                .isEmpty(); i++) {
            sleep(10);
        }
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/seedream-v4-t2i/cancel/" + job)))).as("cancels")
                .hasSize(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
