package io.github.seedream4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import feign.Headers;
import feign.RequestLine;
import feign.Response;
import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.spi.Secret;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpCallerTest {

    private WireMockServer server;
    private final TestContext context = new TestContext();
    private final HttpCaller caller = HttpCaller.builder("test").retryPolicy(RetryPolicy.builder().maxAttempts(3)
            .random(() -> 0.0).build()).build();

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
        context.close();
    }

    private HttpRequest postTo(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    private static HttpReply join(CompletableFuture<HttpReply> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<HttpReply> f) {
        Throwable t = catchThrowable(() -> f.get(20, TimeUnit.SECONDS));
        assertThat(t).isInstanceOf(ExecutionException.class);
        return t.getCause();
    }

    @Test
    void send_handsBackAnswersOfAnyStatusWithTheirBody() throws Exception {
        server.stubFor(post("/run").willReturn(aResponse().withStatus(404).withHeader("X-Trace", "t1")
                .withBody("{\"error\":\"no such endpoint\"}")));

        HttpReply reply = join(caller.send(context, postTo("/run"), Idempotency.NON_IDEMPOTENT));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.what()).isEqualTo("POST /run");
        assertThat(reply.header("x-trace")).contains("t1");
        assertThat(reply.bodyText()).isEqualTo("{\"error\":\"no such endpoint\"}");
        assertThat(reply.toString()).isEqualTo("HttpReply[POST /run -> HTTP 404, 28 bytes]");
        assertThat(context.retries).isEmpty();
    }

    @Test
    void send_503IsRetriedAfterRetryAfterAndReported() throws Exception {
        server.stubFor(post("/run").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        server.stubFor(post("/run").inScenario("busy").whenScenarioStateIs("ok").willReturn(aResponse().withBody("ok")));

        HttpReply reply = join(caller.send(context, postTo("/run"), Idempotency.NON_IDEMPOTENT));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(context.retries).containsExactly("2 after 1000ms: HTTP 503");
        server.verify(2, postRequestedFor(urlEqualTo("/run")));
    }

    @Test
    void send_500IsRetriedOnlyWhenIdempotent() throws Exception {
        server.stubFor(post("/run").willReturn(aResponse().withStatus(500)));

        assertThat(join(caller.send(context, postTo("/run"), Idempotency.NON_IDEMPOTENT)).status()).isEqualTo(500);
        server.verify(1, postRequestedFor(urlEqualTo("/run")));

        assertThat(join(caller.send(context, postTo("/run"), Idempotency.IDEMPOTENT)).status()).isEqualTo(500);
        server.verify(1 + 3, postRequestedFor(urlEqualTo("/run")));
        assertThat(context.retries).containsExactly("2 after 0ms: HTTP 500", "3 after 0ms: HTTP 500");
    }

    @Test
    void send_resetAfterSendingIsNeverResentWhenNonIdempotent() {
        server.stubFor(post("/run").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Throwable e = failure(caller.send(context, postTo("/run"), Idempotency.NON_IDEMPOTENT));

        assertThat(e).isInstanceOf(OutcomeUnknownException.class).hasMessage("provider test: POST /run may have "
                + "reached the provider and started a paid job, but the connection to localhost:" + server.port()
                + " was closed before a complete answer came back. It was not sent again; check the provider's "
                + "dashboard before sending the request again");
        server.verify(1, postRequestedFor(urlEqualTo("/run")));
    }

    @Test
    void send_refusedConnectionIsRetriedAndSaidInWords() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/run"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();

        Throwable e = failure(caller.send(context, request, Idempotency.NON_IDEMPOTENT));

        assertThat(e).isInstanceOf(ProviderUnavailableException.class).hasMessage("provider test: POST /v2/run could "
                + "not be sent: connection refused by 127.0.0.1:" + port + " (tried 3 times); check the network and "
                + "the provider's base URL, then try again later");
        assertThat(context.retries).containsExactly("2 after 0ms: connection refused by 127.0.0.1:" + port,
                "3 after 0ms: connection refused by 127.0.0.1:" + port);
    }

    @Test
    void send_unknownHostIsSaidInWords() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://seedream4j-test.invalid/run")).GET().build();

        Throwable e = failure(HttpCaller.builder("test").retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                .build().send(context, request, Idempotency.IDEMPOTENT));

        assertThat(e).isInstanceOf(ProviderUnavailableException.class).hasMessage("provider test: GET /run could not "
                + "be sent: the host name seedream4j-test.invalid could not be resolved (no such host, or no DNS); "
                + "check the network and the provider's base URL, then try again later");
    }

    @Test
    void send_tlsFailureIsNotRetriedAndSaidInWords() {
        AtomicInteger attempts = new AtomicInteger();

        Throwable e = failure(caller.send(context, "POST /run", Idempotency.NON_IDEMPOTENT, () -> {
            attempts.incrementAndGet();
            throw new SSLHandshakeException("PKIX path building failed: unable to find valid certification path");
        }));

        assertThat(e).isInstanceOf(ProviderUnavailableException.class).hasMessage("provider test: POST /run could not "
                + "be sent: the TLS handshake with the server failed: the server's certificate is not trusted by this "
                + "JVM; check the network and the provider's base URL, then try again later");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void send_cancellationAbortsTheExchangeInFlight() throws Exception {
        try (StubServer stub = new StubServer()) {
            stub.on("/slow", StubServer.slow(1500, 200, "too late"));
            HttpRequest request = HttpRequest.newBuilder(stub.uri("/slow")).timeout(Duration.ofSeconds(30)).GET().build();
            CompletableFuture<HttpReply> f = caller.send(context, request, Idempotency.IDEMPOTENT);
            awaitRequests(stub, 1);

            context.cancel();

            assertThat(failure(f)).isInstanceOf(GenerationCancelledException.class).hasMessage("provider test: the "
                    + "generation ended while GET /slow was in progress; it was not sent again");
            assertThat(stub.clientGone.await(10, TimeUnit.SECONDS)).as("the server saw the connection closed").isTrue();
            assertThat(stub.requests).hasSize(1);
        }
    }

    @Test
    void submit_keepsTheAnswerOfARequestInFlightWhenCancelled() throws Exception {
        try (StubServer stub = new StubServer()) {
            stub.on("/run", StubServer.slow(700, 200, "{\"id\":\"job-1\"}"));
            HttpRequest request = HttpRequest.newBuilder(stub.uri("/run")).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            CompletableFuture<HttpReply> f = caller.submit(context, request);
            awaitRequests(stub, 1);

            context.cancel();

            HttpReply reply = join(f);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.bodyText()).isEqualTo("{\"id\":\"job-1\"}");
        }
    }

    @Test
    void submit_sendsNothingOnceCancelled() {
        context.cancel();

        Throwable e = failure(caller.submit(context, postTo("/run")));

        assertThat(e).isInstanceOf(GenerationCancelledException.class).hasMessage("provider test: the generation "
                + "ended before POST /run was sent; nothing was sent");
        server.verify(0, postRequestedFor(urlEqualTo("/run")));
    }

    @Test
    void send_aBodyThatStallsFailsWithinTheRequestTimeout() throws Exception {
        try (StubServer stub = new StubServer()) {
            stub.on("/stall", StubServer.stalling(100, 10_000, 5000, "application/json"));
            HttpRequest request = HttpRequest.newBuilder(stub.uri("/stall")).timeout(Duration.ofMillis(400))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();

            Throwable e = failure(caller.send(context, request, Idempotency.NON_IDEMPOTENT));

            assertThat(e).isInstanceOf(OutcomeUnknownException.class).hasMessageStartingWith("provider test: POST /stall "
                    + "may have reached the provider and started a paid job, but no complete answer came back from "
                    + "127.0.0.1:" + stub.uri("/").getPort() + " within 400ms. It was not sent again");
        }
    }

    @Test
    void send_aBodyLargerThanTheCapFails() {
        server.stubFor(get("/big").willReturn(aResponse().withBody("x".repeat(100))));
        HttpCaller small = HttpCaller.builder("test").maxReplyBytes(10)
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build();

        Throwable e = failure(small.send(context, HttpRequest.newBuilder(URI.create(server.baseUrl() + "/big"))
                .GET().build(), Idempotency.IDEMPOTENT));

        assertThat(e).isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider test: GET /big failed: the answer is larger than 10 bytes, the most read; try "
                        + "again later");
    }

    @Test
    void sendDetached_goesOutAlthoughTheGenerationEnded() throws Exception {
        server.stubFor(post("/cancel/job-1").willReturn(aResponse().withBody("{\"status\":\"CANCELLED\"}")));
        context.cancel();
        context.close();

        HttpReply reply = join(caller.sendDetached(postTo("/cancel/job-1"), Idempotency.IDEMPOTENT));

        assertThat(reply.status()).isEqualTo(200);
        server.verify(1, postRequestedFor(urlEqualTo("/cancel/job-1")));
    }

    @Headers("Content-Type: application/json")
    interface FeignApi {
        @RequestLine("POST /run")
        Response run(String body);
    }

    @Test
    void send_feignCallsRunAsBlockingAttemptsWithTheSameRetries() throws Exception {
        server.stubFor(post("/run").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("ok"));
        server.stubFor(post("/run").inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"id\":\"j\"}")));
        FeignApi api = FeignSupport.builder(Secret.of("feign-key"), Duration.ofSeconds(10))
                .target(FeignApi.class, server.baseUrl());

        HttpReply reply = join(caller.send(context, "POST /run", Idempotency.NON_IDEMPOTENT,
                () -> FeignSupport.reply("POST /run", Idempotency.NON_IDEMPOTENT, api.run("{}"))));

        assertThat(reply.bodyText()).isEqualTo("{\"id\":\"j\"}");
        assertThat(context.retries).containsExactly("2 after 0ms: HTTP 429");
        server.verify(2, postRequestedFor(urlEqualTo("/run")).withHeader("Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer feign-key")));
    }

    @Test
    void send_aBugInABlockingAttemptNeverCarriesItsException() {
        Throwable e = failure(caller.send(context, "POST /run", Idempotency.NON_IDEMPOTENT, () -> {
            throw new IllegalArgumentException("invalid header value: \"Bearer secret-value\r\"");
        }));

        assertThat(e).isInstanceOf(GenerationFailedException.class).hasMessage("provider test: POST /run failed "
                + "unexpectedly with java.lang.IllegalArgumentException; this is a bug in the provider, please report "
                + "it").hasNoCause();
    }

    @Test
    void send_logsExchangesWithCredentialsAndQueriesHidden() throws Exception {
        server.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/img")).willReturn(aResponse().withHeader("Set-Cookie", "session=s3cr3t").withBody("x")));
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("io.github.seedream4j.provider.test");
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                lines.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level before = jul.getLevel();
        jul.setLevel(java.util.logging.Level.ALL);
        jul.setUseParentHandlers(false);
        jul.addHandler(capture);
        try {
            join(caller.send(context, HttpRequest.newBuilder(URI.create(server.baseUrl() + "/img?token=t0k3n"))
                    .header("Authorization", "Bearer sk-log-canary").GET().build(), Idempotency.IDEMPOTENT));
        } finally {
            jul.removeHandler(capture);
            jul.setUseParentHandlers(true);
            jul.setLevel(before);
        }

        assertThat(lines).contains("--> GET " + server.baseUrl() + "/img?...")
                .anyMatch(l -> l.startsWith("<-- HTTP 200 GET " + server.baseUrl() + "/img?... ("))
                .anyMatch(l -> l.contains("Authorization: ****"))
                .anyMatch(l -> l.contains("set-cookie: ****"))
                .noneMatch(l -> l.contains("sk-log-canary") || l.contains("t0k3n") || l.contains("s3cr3t"));
    }

    private static void awaitRequests(StubServer stub, int n) throws InterruptedException {
        for (int i = 0; i < 400 && stub.requests.size() < n; i++) {
            Thread.sleep(5);
        }
    }
}
