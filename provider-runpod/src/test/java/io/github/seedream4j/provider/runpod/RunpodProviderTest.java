package io.github.seedream4j.provider.runpod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.Charge;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.Cost;
import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.GenerationEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider through the client: discovery through ServiceLoader, then /run and /status polling. */
class RunpodProviderTest {

    static final String KEY = "rpa_CANARY_7f3e9d2b1c";
    static final String JOB = "eaebd6e7-6a92-4bb8-a911-f996ac5ea99d";

    private WireMockServer server;
    private SeedreamClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
        client = client(Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    SeedreamClient client(Duration timeout) {
        return SeedreamClient.builder().provider("runpod").setting("api-key", KEY)
                .setting("base-url", server.baseUrl()).systemProperties(k -> null).environment(k -> null)
                .timeout(timeout).build();
    }

    static GenerationRequest request() {
        return GenerationRequest.builder("American retro 1950s illustration style, diner scene").size(1280, 720)
                .seed(42).negativePrompt("blur").safetyChecker(false).build();
    }

    void stubRun(String body) {
        server.stubFor(post("/seedream-v4-t2i/run").willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody(body)));
    }

    void stubImage(int width, int height) {
        server.stubFor(get("/abc123/output.png").willReturn(aResponse().withHeader("Content-Type", "image/png")
                .withBody(Pngs.png(width, height))));
    }

    String completed(String cost) {
        return "{\"id\":\"" + JOB + "\",\"status\":\"COMPLETED\",\"delayTime\":16,\"executionTime\":5234,"
                + "\"workerId\":\"oqk7ao1uomckye\",\"output\":{\"image_url\":\"" + server.baseUrl()
                + "/abc123/output.png\",\"cost\":" + cost + "}}";
    }

    void stubStatusSequence(String... bodies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < bodies.length; i++) {
            String next = i + 1 < bodies.length ? "poll-" + (i + 1) : state;
            server.stubFor(get("/seedream-v4-t2i/status/" + JOB).inScenario("poll").whenScenarioStateIs(state)
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(bodies[i]))
                    .willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void generate_runsThenPollsToCompletion() {
        stubRun("{\"id\":\"" + JOB + "\",\"status\":\"IN_QUEUE\"}");
        stubStatusSequence("{\"id\":\"" + JOB + "\",\"status\":\"IN_QUEUE\"}",
                "{\"delayTime\":2624,\"id\":\"" + JOB + "\",\"input\":{\"prompt\":\"x\"},\"status\":\"IN_PROGRESS\"}",
                completed("0.113246"));
        stubImage(1280, 720);

        GenerationResult result = client.generate(request());

        assertThat(result.providerId()).isEqualTo("runpod");
        assertThat(result.image().resolution()).isEqualTo(Resolution.of(1280, 720));
        assertThat(result.seed()).map(s -> s.value()).contains(42L);
        assertThat(result.charge()).isEqualTo(Charge.reported(Cost.usd("0.113246")));
        assertThat(result.charge().cost().amount().toPlainString()).isEqualTo("0.113246");
        assertThat(result.jobIds()).containsExactly(JOB);
        assertThat(result.timings().queue()).contains(Duration.ofMillis(16));
        server.verify(1, postRequestedFor(urlEqualTo("/seedream-v4-t2i/run"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson("{\"input\":{\"prompt\":\"American retro 1950s illustration style, diner "
                        + "scene\",\"negative_prompt\":\"blur\",\"size\":\"1280*720\",\"seed\":42,"
                        + "\"enable_safety_checker\":false}}", false, false)));
        server.verify(3, getRequestedFor(urlEqualTo("/seedream-v4-t2i/status/" + JOB)));
    }

    @Test
    void generate_sendsOnlyWhatIsSet() {
        stubRun(completed("0.028311"));
        stubImage(1280, 720);

        client.generate(GenerationRequest.builder("a cat").size(1280, 720).seed(7).build());

        server.verify(postRequestedFor(urlEqualTo("/seedream-v4-t2i/run")).withRequestBody(equalToJson(
                "{\"input\":{\"prompt\":\"a cat\",\"size\":\"1280*720\",\"seed\":7}}", false, false)));
    }

    @Test
    void generate_completedWithResultFieldAndUnknownFields() {
        stubRun("{\"id\":\"" + JOB + "\",\"status\":\"IN_PROGRESS\",\"retries\":0,\"novel\":{\"a\":[1,2]}}");
        stubStatusSequence("{\"delayTime\":17,\"executionTime\":3986,\"id\":\"" + JOB + "\",\"output\":{\"cost\":"
                + "0.02097152,\"result\":\"" + server.baseUrl() + "/abc123/output.png\",\"message\":\"Image generated "
                + "successfully\",\"status\":\"success\"},\"status\":\"COMPLETED\",\"workerId\":\"oqk7ao1uomckye\"}");
        stubImage(1280, 720);

        GenerationResult result = client.generate(request());

        assertThat(result.charge().cost().amount().toPlainString()).isEqualTo("0.02097152");
    }

    @Test
    void generate_outputAsArray() {
        stubRun("{\"delayTime\":824,\"executionTime\":3391,\"id\":\"sync-79164ff4\",\"output\":[{\"image\":\""
                + server.baseUrl() + "/abc123/output.png\",\"seed\":46578}],\"status\":\"COMPLETED\"}");
        stubImage(1280, 720);

        GenerationResult result = client.generate(request());

        assertThat(result.charge().isEstimated()).isTrue();
        assertThat(result.jobIds()).containsExactly("sync-79164ff4");
    }

    @Test
    void generate_completedWithoutImageFails() {
        stubRun("{\"id\":\"" + JOB + "\",\"status\":\"COMPLETED\",\"output\":{\"status\":\"failed\"}}");

        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(GenerationFailedException.class)
                .hasMessage("provider runpod: job " + JOB + " is COMPLETED but its output has no image_url or result; "
                        + "nothing can be fetched. Send the request again");
    }

    @Test
    void generate_failedWithPlainError() {
        stubRun("{\"id\":\"" + JOB + "\",\"status\":\"IN_QUEUE\"}");
        stubStatusSequence("{\"id\":\"" + JOB + "\",\"status\":\"FAILED\",\"error\":\"GPU out of memory\"}");

        SeedreamException e = (SeedreamException) catchThrowable(() -> client.generate(request()));

        assertThat(e).isInstanceOf(GenerationFailedException.class).hasMessage("provider runpod: job " + JOB
                + " failed: GPU out of memory; Runpod does not charge failed generations");
        assertThat(e.jobId()).contains(JOB);
    }

    @Test
    void generate_failedWithNestedJsonErrorOnHttp400() {
        server.stubFor(post("/seedream-v4-t2i/run").willReturn(aResponse().withStatus(400).withBody(
                "{\"id\":\"sync-6f9286ab-2453-4fba-a18d-871d514660ac-e2\",\"status\":\"FAILED\",\"delayTime\":3383,"
                + "\"executionTime\":4651,\"error\":\"Error submitting task: 400, {\\\"code\\\":400,\\\"message\\\":"
                + "\\\"Total pixels (262144) must be between 589824 and 2073600.\\\"}\",\"output\":{\"status\":"
                + "\"failed\"}}")));

        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(GenerationFailedException.class)
                .hasMessage("provider runpod: job sync-6f9286ab-2453-4fba-a18d-871d514660ac-e2 failed: Total pixels "
                        + "(262144) must be between 589824 and 2073600.; Runpod does not charge failed generations");
    }

    @Test
    void generate_failedWithoutReason() {
        stubRun("{ \"id\": \"test-job-id\", \"status\": \"FAILED\" }");

        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(GenerationFailedException.class)
                .hasMessage("provider runpod: job test-job-id failed: Runpod gave no reason; Runpod does not charge "
                        + "failed generations");
    }

    /** A job Runpod reported finished is not cancelled when the generation fails afterwards (an expired image). */
    @Test
    void generate_finishedJobWhoseImageExpired_isNotCancelled() throws Exception {
        stubRun("{\"id\":\"" + JOB + "\",\"status\":\"IN_QUEUE\"}");
        stubStatusSequence(completed("0.113246"));
        server.stubFor(get("/abc123/output.png").willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(io.github.seedream4j.ImageDownloadException.class);

        Thread.sleep(300); // a cancel would be on its way by now
        server.verify(0, postRequestedFor(urlPathEqualTo("/seedream-v4-t2i/cancel/" + JOB)));
    }

    @Test
    void generate_cancelledAndTimedOutJobs() {
        stubRun("{\"id\":\"" + JOB + "\",\"status\":\"IN_QUEUE\"}");
        stubStatusSequence("{\"id\":\"" + JOB + "\",\"status\":\"CANCELLED\"}");
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(GenerationCancelledException.class)
                .hasMessage("provider runpod: job " + JOB + " was cancelled");

        server.resetAll();
        stubRun("{\"id\":\"" + JOB + "\",\"status\":\"TIMED_OUT\"}");
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(GenerationTimeoutException.class)
                .hasMessageStartingWith("provider runpod: job " + JOB + " timed out on Runpod");
    }

    @Test
    void generate_jobThatNeverFinishesIsCancelledAtTheDeadline() throws Exception {
        stubRun("{\"id\":\"" + JOB + "\",\"status\":\"IN_QUEUE\"}");
        server.stubFor(get("/seedream-v4-t2i/status/" + JOB).willReturn(aResponse().withBody(
                "{\"id\":\"" + JOB + "\",\"status\":\"IN_PROGRESS\"}")));
        server.stubFor(post("/seedream-v4-t2i/cancel/" + JOB).willReturn(aResponse().withBody(
                "{\"id\":\"" + JOB + "\",\"status\":\"CANCELLED\"}")));
        try (SeedreamClient quick = client(Duration.ofMillis(1500))) {
            SeedreamException e = (SeedreamException) catchThrowable(() -> quick.generate(request()));

            assertThat(e).isInstanceOf(GenerationTimeoutException.class);
            assertThat(e.jobId()).contains(JOB);
            awaitRequests(postRequestedFor(urlEqualTo("/seedream-v4-t2i/cancel/" + JOB)));
            server.verify(1, postRequestedFor(urlEqualTo("/seedream-v4-t2i/cancel/" + JOB)));
            server.verify(1, postRequestedFor(urlEqualTo("/seedream-v4-t2i/run")));
        }
    }

    @Test
    void generateAsync_cancellingTheFutureCancelsTheJob() throws Exception {
        stubRun("{\"id\":\"" + JOB + "\",\"status\":\"IN_QUEUE\"}");
        server.stubFor(get("/seedream-v4-t2i/status/" + JOB).willReturn(aResponse().withBody(
                "{\"id\":\"" + JOB + "\",\"status\":\"IN_QUEUE\"}")));
        server.stubFor(post("/seedream-v4-t2i/cancel/" + JOB).willReturn(aResponse().withBody(
                "{\"id\":\"" + JOB + "\",\"status\":\"CANCELLED\"}")));

        var future = client.generateAsync(request());
        awaitRequests(getRequestedFor(urlEqualTo("/seedream-v4-t2i/status/" + JOB)));
        future.cancel(true);

        awaitRequests(postRequestedFor(urlEqualTo("/seedream-v4-t2i/cancel/" + JOB)));
        server.verify(1, postRequestedFor(urlEqualTo("/seedream-v4-t2i/cancel/" + JOB)));
    }

    @Test
    void resume_pollsAnExistingJobWithoutSubmitting() {
        stubStatusSequence(completed("0.113246"));
        stubImage(1280, 720);

        GenerationResult result = client.resume(request(), JOB, ImageDestination.memory());

        assertThat(result.charge()).isEqualTo(Charge.reported(Cost.usd("0.113246")));
        server.verify(0, postRequestedFor(urlPathEqualTo("/seedream-v4-t2i/run")));
    }

    @Test
    void resume_expiredJob() {
        server.stubFor(get("/seedream-v4-t2i/status/" + JOB).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":\"request does not exist\"}")));

        assertThatThrownBy(() -> client.resume(request(), JOB, ImageDestination.memory()))
                .isInstanceOf(GenerationFailedException.class)
                .hasMessage("provider runpod: GET /seedream-v4-t2i/status/" + JOB + " answered HTTP 404: request does "
                        + "not exist; job " + JOB + " is unknown or expired (Runpod keeps /run results 30 minutes); "
                        + "send the request again");
    }

    @Test
    void generate_connectionResetAfterSendingIsNeverResent() {
        server.stubFor(post("/seedream-v4-t2i/run").willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(OutcomeUnknownException.class)
                .hasMessage("provider runpod: POST /seedream-v4-t2i/run may have reached the provider and started a "
                        + "paid job, but the connection to localhost:" + server.port() + " was closed before a complete "
                        + "answer came back. It was not sent again; check the Runpod console before sending the request "
                        + "again");
        server.verify(1, postRequestedFor(urlEqualTo("/seedream-v4-t2i/run")));
    }

    @Test
    void generate_gatewayTimeoutOnSubmitIsNeverResent() {
        server.stubFor(post("/seedream-v4-t2i/run").willReturn(aResponse().withStatus(504)
                .withBody("<html><head><title>504 Gateway Time-out</title></head><body>nginx</body></html>")));

        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(OutcomeUnknownException.class)
                .hasMessage("provider runpod: POST /seedream-v4-t2i/run answered HTTP 504: an HTML page titled '504 "
                        + "Gateway Time-out' (79 characters); a gateway gave up waiting, and the provider may have "
                        + "accepted, and charged, the request anyway. It was not sent again; check the Runpod console "
                        + "before sending the request again");
        server.verify(1, postRequestedFor(urlEqualTo("/seedream-v4-t2i/run")));
    }

    @Test
    void generate_503IsRetriedThenSucceeds() {
        server.stubFor(post("/seedream-v4-t2i/run").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")).willSetStateTo("ok"));
        server.stubFor(post("/seedream-v4-t2i/run").inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(aResponse().withBody(completed("0.113246"))));
        stubImage(1280, 720);

        client.generate(request());

        server.verify(2, postRequestedFor(urlEqualTo("/seedream-v4-t2i/run")));
    }

    @Test
    void generate_errorStatuses() {
        server.stubFor(post("/seedream-v4-t2i/run").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"Unauthorized\"}")));
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(AuthenticationException.class)
                .hasMessage("provider runpod: POST /seedream-v4-t2i/run answered HTTP 401: Unauthorized; the credential "
                        + "was refused: check RUNPOD_API_KEY (setting 'api-key')");

        server.stubFor(post("/seedream-v4-t2i/run").willReturn(aResponse().withStatus(400)
                .withBody("{\"message\":\"input.prompt is required\"}")));
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(InvalidRequestException.class)
                .hasMessage("provider runpod: POST /seedream-v4-t2i/run answered HTTP 400: input.prompt is required; "
                        + "change the request and send it again");

        server.stubFor(post("/seedream-v4-t2i/run").willReturn(aResponse().withStatus(404).withBody("Not Found")));
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(ConfigurationException.class)
                .hasMessage("provider runpod: POST /seedream-v4-t2i/run answered HTTP 404: Not Found; endpoint "
                        + "'seedream-v4-t2i' does not exist at " + server.baseUrl() + ": check the setting 'endpoint' "
                        + "(seedream.runpod.endpoint)");

        server.stubFor(post("/seedream-v4-t2i/run").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "0").withBody("Too Many Requests")));
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(RateLimitedException.class)
                .hasMessage("provider runpod: POST /seedream-v4-t2i/run answered HTTP 429: Too Many Requests; the "
                        + "account is rate limited: wait at least 1s and try again");

        server.stubFor(post("/seedream-v4-t2i/run").willReturn(aResponse().withStatus(500)
                .withBody("<!DOCTYPE html><html><title>Oops</title></html>")));
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider runpod: POST /seedream-v4-t2i/run answered HTTP 500: an HTML page titled 'Oops' "
                        + "(47 characters); the provider has a problem: try again later");
    }

    @Test
    void errors_neverShowTheKey() {
        server.stubFor(post("/seedream-v4-t2i/run").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"key " + KEY + " is not valid\"}")));

        Throwable e = catchThrowable(() -> client.generate(request()));

        assertThat(e).isInstanceOf(AuthenticationException.class);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t.getMessage()).doesNotContain(KEY);
            assertThat(t.toString()).doesNotContain(KEY);
        }
        assertThat(client.toString()).doesNotContain(KEY);
        assertThat(e.getMessage()).contains("key **** is not valid");
    }

    @Test
    void create_missingKeyNamesTheVariable() {
        assertThatThrownBy(() -> SeedreamClient.builder().provider("runpod").systemProperties(k -> null)
                .environment(k -> null).build()).isInstanceOf(ConfigurationException.class)
                .hasMessage("provider runpod needs setting 'api-key' (Runpod API key): set the environment variable "
                        + "RUNPOD_API_KEY or SEEDREAM_RUNPOD_API_KEY, or the system property seedream.runpod.api-key");
    }

    /** Issue 16 #8: the key went into a header and came back in an exception's cause; now build() refuses it. */
    @Test
    void create_keyWithATrailingCarriageReturnIsRefusedWithoutShowingIt() {
        Throwable e = catchThrowable(() -> SeedreamClient.builder().provider("runpod").systemProperties(k -> null)
                .environment(Map.of("RUNPOD_API_KEY", KEY + "\r")::get).setting("base-url", server.baseUrl()).build());

        assertThat(e).isInstanceOf(ConfigurationException.class).hasMessage("provider runpod setting 'api-key' from "
                + "environment variable RUNPOD_API_KEY ends with a line break (the value is not shown); set it again "
                + "without it, for example without the newline a file or 'echo' adds").hasNoCause();
        server.verify(0, postRequestedFor(urlEqualTo("/seedream-v4-t2i/run")));
    }

    /** Issue 16 #9: plain http to another machine would carry the key in clear. */
    @Test
    void create_plainHttpToAnotherMachineIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> SeedreamClient.builder().provider("runpod").setting("api-key", KEY)
                .setting("base-url", "http://192.0.2.2:18090/v2").systemProperties(k -> null).environment(k -> null)
                .build()).isInstanceOf(ConfigurationException.class).hasMessage("provider runpod setting 'base-url' "
                        + "from explicit setting 'base-url' is http://192.0.2.2:18090/v2: plain http would send the "
                        + "credential unencrypted to 192.0.2.2; use https, or set 'allow-insecure-http' to true (system "
                        + "property seedream.runpod.allow-insecure-http) if the network is trusted");

        SeedreamClient.builder().provider("runpod").setting("api-key", KEY).setting("base-url",
                "http://192.0.2.2:18090/v2").setting("allow-insecure-http", "true").systemProperties(k -> null)
                .environment(k -> null).build().close();
    }

    /** Issue 19 #13: user-info in the base URL was accepted, unused, and printed in a later message. */
    @Test
    void create_baseUrlWithUserInfoIsRefusedWithoutShowingIt() {
        Throwable e = catchThrowable(() -> SeedreamClient.builder().provider("runpod").setting("api-key", KEY)
                .setting("base-url", "https://admin:hunter2@api.runpod.ai/v2").systemProperties(k -> null)
                .environment(k -> null).build());

        assertThat(e).isInstanceOf(ConfigurationException.class).hasMessageContaining("https://***@api.runpod.ai/v2");
        assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("admin");
    }

    @Test
    void toString_neverShowsTheKey() {
        assertThat(client.toString()).doesNotContain(KEY);
        try (var provider = new io.github.seedream4j.provider.runpod.internal.RunpodProviderFactory().create(
                io.github.seedream4j.spi.ProviderSettings.of("runpod", Map.of("api-key", KEY), k -> null, k -> null))) {
            assertThat(provider.toString()).doesNotContain(KEY).contains("apiKey=****");
        }
    }

    /**
     * Issue 19 #1: twenty generations cancelled while their /run is still on its way. Each answer is awaited, its job
     * id reported, and the job cancelled on arrival: as many cancels as jobs, none left running.
     */
    @Test
    void cancel_beforeTheJobIdArrives_cancelsEveryJobOnArrival() throws Exception {
        try (SlowRunpod slow = new SlowRunpod(1500)) {
            List<GenerationEvent.Submitted> submitted = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (SeedreamClient c = SeedreamClient.builder().provider("runpod").setting("api-key", KEY)
                    .setting("base-url", slow.baseUrl()).systemProperties(k -> null).environment(k -> null)
                    .timeout(Duration.ofSeconds(30)).listener(ev -> {
                        if (ev instanceof GenerationEvent.Submitted s) {
                            submitted.add(s);
                        }
                    }).build()) {
                List<java.util.concurrent.CompletableFuture<GenerationResult>> futures = new java.util.ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    futures.add(c.generateAsync(request()));
                }
                assertThat(slow.runsArrived.await(20, TimeUnit.SECONDS)).as("20 POST /run arrived").isTrue();
                assertThat(slow.cancels.get()).isZero();

                for (int i = 0; i < 20; i++) {
                    futures.get(i).cancel(i % 2 == 0);
                }

                assertThat(slow.cancelsArrived.await(20, TimeUnit.SECONDS)).as("20 POST /cancel arrived, %s so far",
                        slow.cancels).isTrue();
                assertThat(futures).allMatch(java.util.concurrent.CompletableFuture::isCancelled);
            }
            assertThat(slow.runs.get()).isEqualTo(20);
            assertThat(slow.cancelledJobs).hasSize(20).doesNotHaveDuplicates();
            assertThat(submitted).as("no event after the caller gave up").isEmpty();
        }
    }

    /** Cancelled at once, some /run never leave: every job that was created is cancelled, and only those. */
    @Test
    void cancel_atOnce_cancelsAsManyJobsAsWereCreated() throws Exception {
        try (SlowRunpod slow = new SlowRunpod(300)) {
            try (SeedreamClient c = SeedreamClient.builder().provider("runpod").setting("api-key", KEY)
                    .setting("base-url", slow.baseUrl()).systemProperties(k -> null).environment(k -> null).build()) {
                for (int i = 0; i < 20; i++) {
                    c.generateAsync(request()).cancel(true);
                }
                Thread.sleep(300 + 1000);
            }
            for (int i = 0; i < 200 && slow.cancels.get() < slow.runs.get(); i++) {
                Thread.sleep(25);
            }
            assertThat(slow.cancels.get()).as("cancels").isEqualTo(slow.runs.get());
        }
    }

    /** Issue 19 #1: a thread already interrupted submits nothing. */
    @Test
    void generate_onAnInterruptedThreadSendsNothing() {
        stubRun("{\"id\":\"" + JOB + "\",\"status\":\"IN_QUEUE\"}");

        Thread.currentThread().interrupt();
        Throwable e;
        try {
            e = catchThrowable(() -> client.generate(request()));
        } finally {
            Thread.interrupted();
        }

        assertThat(e).isInstanceOf(io.github.seedream4j.GenerationCancelledException.class);
        server.verify(0, postRequestedFor(urlEqualTo("/seedream-v4-t2i/run")));
    }

    void awaitRequests(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern)
            throws InterruptedException {
        for (int i = 0; i < 200 && server.findAll(pattern).isEmpty(); i++) {
            Thread.sleep(25);
        }
    }
}
