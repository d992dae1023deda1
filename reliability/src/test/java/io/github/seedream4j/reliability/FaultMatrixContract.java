package io.github.seedream4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.ImageDownloadException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.Warning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix (docs/fault-matrix.md), one test case per row, run through {@link SeedreamClient} against
 * WireMock on loopback. Every row asserts the outcome (a result, or one exception type with its actionable
 * message), how many generation POSTs the server saw, that a failed row left no file (and no {@code .part}) in the
 * destination directory, that retries stayed within the policy, and that closing the client left none of its
 * {@code seedream-<provider>-} threads (the shared {@code seedream-http-} pool is checked to stay bounded).
 *
 * <p>A provider joins with {@code class XFaultMatrixTest extends FaultMatrixContract} returning its
 * {@link HttpProviderHarness}; rows needing jobs are skipped for providers without them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaultMatrixContract {

    static final String KEY = "canary-key-FAULTMATRIX-0d9f2c";
    /** The retry policy the HTTP providers use: at most 4 attempts, so at most 3 retries per request. */
    static final int MAX_ATTEMPTS = 4;
    /**
     * How often the JDK's HTTP/1.1 client sends one GET whose connection closes before any byte of the answer: it
     * resends an idempotent request once by itself ({@code jdk.internal.net.http.MultiExchange}, "header parser
     * received no bytes"), unseen by seedream4j's retry policy. The stub servers speak HTTP/1.1 only
     * ({@link HttpProviderHarness#serverConfig()}).
     */
    static final int JDK_SENDS_PER_GET = 2;

    private WireMockServer server;
    private HttpProviderHarness h;
    /** The image the stubs serve: the harness's format at the requested size. */
    private byte[] image;
    private String imagePath;
    private String fileName;
    @TempDir
    Path temp;

    /** The provider under test. */
    abstract HttpProviderHarness harness();

    @BeforeAll
    void start() {
        h = harness();
        image = h.image(h.size().width(), h.size().height());
        imagePath = "/img/out." + h.imageFormat().extension();
        fileName = "img." + h.imageFormat().extension();
        server = new WireMockServer(HttpProviderHarness.serverConfig());
        server.start();
        h.on(server.baseUrl());
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    // ------------------------------------------------------------------ the rows

    Stream<Row> rows() {
        // the harness of start(): it knows the stub server, whose URLs some providers' bodies name
        HttpProviderHarness h = this.h;
        byte[] image = h.image(h.size().width(), h.size().height());
        Resolution size = h.size();
        String imagePath = "/img/out." + h.imageFormat().extension();
        List<Row> rows = new ArrayList<>();
        String unknown = "It was not sent again";

        // connections that break before an answer
        rows.add(row("connection refused", e -> e.baseUrl = "http://127.0.0.1:" + ResettingServer.closedPort())
                .fails(ProviderUnavailableException.class, " could not be sent: connection refused by 127.0.0.1:")
                .fails(ProviderUnavailableException.class, " (tried " + MAX_ATTEMPTS + " times); check the network and "
                        + "the provider's base URL, then try again later")
                .posts(0).retries(MAX_ATTEMPTS - 1));
        rows.add(row("connection reset as the request is sent, before the server read it", e -> {
            e.resetting = new ResettingServer();
            e.baseUrl = e.resetting.baseUrl();
        }).fails(OutcomeUnknownException.class, unknown).countedBy(e -> e.resetting.connections()));
        rows.add(row("connection reset after the request was sent",
                e -> e.submitWith(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)))
                .fails(OutcomeUnknownException.class, unknown));
        rows.add(row("empty response", e -> e.submitWith(aResponse().withFault(Fault.EMPTY_RESPONSE)))
                .fails(OutcomeUnknownException.class, unknown));
        rows.add(row("malformed response chunk", e -> e.submitWith(aResponse().withFault(
                Fault.MALFORMED_RESPONSE_CHUNK))).fails(OutcomeUnknownException.class, unknown));
        rows.add(row("random bytes then close", e -> e.submitWith(aResponse().withFault(
                Fault.RANDOM_DATA_THEN_CLOSE))).fails(OutcomeUnknownException.class, unknown));
        rows.add(row("HTTP 200 with truncated JSON", e -> e.submitWith(HttpProviderHarness.json(200,
                e.completedBody().substring(0, 40)))).fails(SeedreamException.class, unknown));
        rows.add(row("HTTP 200 with text that is not JSON", e -> e.submitWith(aResponse().withStatus(200)
                .withBody("ok"))).fails(SeedreamException.class, unknown));
        rows.add(row("response slower than the timeout", e -> e.submitWith(HttpProviderHarness.json(200,
                e.completedBody()).withFixedDelay(2500))).timeout(Duration.ofSeconds(1))
                .fails(GenerationTimeoutException.class, "did not finish within its deadline of 1s")
                .fails(GenerationTimeoutException.class, "Raise the client's timeout if the provider is just slow"));

        // 429: honoured and retried, the POST was refused so sending it again is safe
        rows.add(row("429 with Retry-After in seconds, then success", e -> e.onceThenSuccess(
                aResponse().withStatus(429).withHeader("Retry-After", "1")))
                .succeeds().posts(2).retries(1)
                .check(o -> assertThat(o.retries.get(0).delay()).isEqualTo(Duration.ofSeconds(1))));
        rows.add(row("429 with Retry-After as an HTTP date, then success", e -> e.onceThenSuccess(
                aResponse().withStatus(429).withHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2)))))
                .succeeds().posts(2).retries(1)
                .check(o -> assertThat(o.retries.get(0).delay()).isPositive()
                        .isLessThanOrEqualTo(Duration.ofSeconds(2))));
        rows.add(row("429 without Retry-After, then success", e -> e.onceThenSuccess(aResponse().withStatus(429)))
                .succeeds().posts(2).retries(1)
                .check(o -> assertThat(o.retries.get(0).delay()).isLessThanOrEqualTo(Duration.ofMillis(500))));
        rows.add(row("429 on every attempt", e -> e.submitWith(HttpProviderHarness.json(429,
                "{\"error\":\"too many requests\"}").withHeader("Retry-After", "0")))
                .fails(RateLimitedException.class, h.rateLimitedAdvice()).posts(MAX_ATTEMPTS)
                .retries(MAX_ATTEMPTS - 1));

        // 5xx with three kinds of body
        String[][] bodies = {
            {"JSON", "application/json", "{\"error\":\"upstream exploded\"}", "upstream exploded"},
            {"HTML", "text/html", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", ""},
            {"empty", "text/plain", "", ""}};
        for (String[] b : bodies) {
            ResponseDefinitionBuilder r500 = aResponse().withStatus(500).withHeader("Content-Type", b[1]).withBody(b[2]);
            rows.add(row("500 with " + b[0] + " body", e -> e.submitWith(r500))
                    .fails(ProviderUnavailableException.class, h.unavailableAdvice(500, h.describedBody(b[0], b[3]))));
            for (int status : new int[] {502, 503}) {
                rows.add(row(status + " with " + b[0] + " body, then success", e -> e.onceThenSuccess(aResponse()
                        .withStatus(status).withHeader("Content-Type", b[1]).withBody(b[2])))
                        .succeeds().posts(2).retries(1));
            }
            rows.add(row("504 with " + b[0] + " body", e -> e.submitWith(aResponse().withStatus(504)
                    .withHeader("Content-Type", b[1]).withBody(b[2])))
                    .fails(OutcomeUnknownException.class, "answered HTTP 504"));
        }
        rows.add(row("503 on every attempt", e -> e.submitWith(HttpProviderHarness.json(503,
                "{\"error\":\"no capacity\"}").withHeader("Retry-After", "0")))
                .fails(ProviderUnavailableException.class, h.unavailableAdvice(503, h.describedBody("JSON",
                        "no capacity"))).fails(ProviderUnavailableException.class, "try again later")
                .posts(MAX_ATTEMPTS).retries(MAX_ATTEMPTS - 1));

        // refusals that no retry can fix
        for (int status : new int[] {401, 403}) {
            rows.add(row(status + " (key refused)", e -> e.submitWith(HttpProviderHarness.json(status,
                    "{\"error\":\"Unauthorized\"}")))
                    .fails(AuthenticationException.class, h.authAdvice(status))
                    .fails(AuthenticationException.class, h.keyVariable()));
        }
        rows.add(row("404 (wrong endpoint)", e -> e.submitWith(HttpProviderHarness.json(404,
                "{\"error\":\"not found\"}"))).fails(ConfigurationException.class, h.notFoundAdvice()));
        rows.add(row("done without an image", Env::doneWithoutImage)
                .fails(GenerationFailedException.class, h.noImageAdvice()));

        // the job's life after acceptance
        if (h.hasJobs()) {
            rows.add(row("job stays queued past the deadline", e -> {
                e.submitWith(HttpProviderHarness.json(200, h.jobBody("IN_QUEUE")));
                e.pollWith(HttpProviderHarness.json(200, h.jobBody("IN_QUEUE")));
            }).jobs().timeout(Duration.ofSeconds(1)).fails(GenerationTimeoutException.class,
                    "did not finish").fails(GenerationTimeoutException.class, h.jobId())
                    .fails(GenerationTimeoutException.class, "Raise the client's timeout")
                    .check(this::cancelSentOnce));
            rows.add(row("status goes to 404 (expired)", e -> {
                e.submitWith(HttpProviderHarness.json(200, h.jobBody("IN_QUEUE")));
                e.pollWith(HttpProviderHarness.json(404, "{\"error\":\"request does not exist\"}"));
            }).jobs().fails(GenerationFailedException.class, h.expiredAdvice()));
            rows.add(row("polled job COMPLETED without an image", e -> {
                e.submitWith(HttpProviderHarness.json(200, h.jobBody("IN_PROGRESS")));
                e.polledDoneWithoutImage();
            }).jobs().fails(GenerationFailedException.class, h.noImageAdvice()));
            rows.add(row("unknown status value", e -> {
                e.submitWith(HttpProviderHarness.json(200, h.jobBody("IN_QUEUE")));
                e.pollWith(HttpProviderHarness.json(200, h.jobBody("HIBERNATING")));
            }).jobs().timeout(Duration.ofSeconds(1)).fails(GenerationTimeoutException.class,
                    "did not finish").fails(GenerationTimeoutException.class, "Raise the client's timeout")
                    .check(this::cancelSentOnce));
            rows.add(row("status poll answers 503, then completes", e -> {
                e.submitWith(HttpProviderHarness.json(200, h.jobBody("IN_QUEUE")));
                e.sequence(h::poll, HttpProviderHarness.json(503, "{\"error\":\"busy\"}"),
                        HttpProviderHarness.json(200, e.polledCompletedBody()));
                e.imageWith(h.imageResponse(image));
            }).jobs().succeeds().retries(1));
            rows.add(row("status poll connection reset, then completes", e -> {
                e.submitWith(HttpProviderHarness.json(200, h.jobBody("IN_QUEUE")));
                // two resets: the JDK resends the GET once by itself, the second reset reaches the provider's retry
                e.sequence(h::poll, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                        HttpProviderHarness.json(200, e.polledCompletedBody()));
                e.imageWith(h.imageResponse(image));
            }).jobs().succeeds().retries(1));
        }

        // the image download
        String expired = "it has expired or never existed (provider image URLs are short-lived); generate the image again";
        rows.add(download("image URL answers 403 (expired)", aResponse().withStatus(403))
                .fails(ImageDownloadException.class, "answered HTTP 403: " + expired));
        rows.add(download("image URL answers 404 (expired)", aResponse().withStatus(404))
                .fails(ImageDownloadException.class, "answered HTTP 404: " + expired));
        rows.add(download("image is an HTML page", aResponse().withHeader("Content-Type", "text/html")
                .withBody("<html><body>AccessDenied</body></html>"))
                .fails(ImageDownloadException.class, "is not a PNG, JPEG or WebP image (it starts with 3c 68 74 6d 6c "
                        + "3e 3c 62 \"<html><b\") and is declared as 'text/html'; the URL may have expired"));
        String otherType = h.imageFormat() == ImageFormat.PNG ? "image/jpeg" : "image/png";
        rows.add(download("image bytes declared as the wrong content type", h.imageResponse(image).withHeader("Content-Type",
                otherType)).fails(ImageDownloadException.class, "is declared as '" + otherType + "' but its bytes are a "
                        + h.imageFormat() + " image; refusing an image whose type is in doubt"));
        rows.add(download("image body truncated", h.imageResponse(Images.truncated(image, 20)))
                .fails(ImageDownloadException.class, "image from localhost is truncated (" + (image.length - 20)
                        + " bytes and no end marker): the download was cut short"));
        rows.add(download("image larger than the cap (Content-Length)", h.imageResponse(image).withHeader("Content-Length",
                String.valueOf(image.length))).cap(1024).fails(ImageDownloadException.class, "is " + image.length
                        + " bytes, larger than the cap of 1024 bytes; raise the client's maxImageBytes if such images "
                        + "are expected"));
        rows.add(download("image larger than the cap (chunked, no length)", h.imageResponse(image).withChunkedDribbleDelay(3, 30))
                .cap(1024).fails(ImageDownloadException.class, "larger than the cap of 1024 bytes; raise the client's "
                        + "maxImageBytes if such images are expected"));
        rows.add(download("image URL resets the connection every time", aResponse().withFault(
                Fault.CONNECTION_RESET_BY_PEER)).fails(ImageDownloadException.class, " was closed before a complete "
                        + "answer came back (tried " + MAX_ATTEMPTS + " times); check the network and try again")
                .retries(MAX_ATTEMPTS - 1)
                .check(o -> assertThat(server.countRequestsMatching(getRequestedFor(urlPathEqualTo(imagePath))
                        .build()).getCount()).isEqualTo(MAX_ATTEMPTS * JDK_SENDS_PER_GET)));
        rows.add(download("image redirect loop", aResponse().withStatus(302).withHeader("Location", imagePath))
                .fails(ImageDownloadException.class, "redirected more than 5 times; refusing to follow further")
                .check(o -> assertThat(server.countRequestsMatching(getRequestedFor(urlPathEqualTo(imagePath))
                        .build()).getCount()).isEqualTo(6)));
        rows.add(download("image redirect to plain http off this machine", aResponse().withStatus(302)
                .withHeader("Location", "http://example.invalid/out.png"))
                .fails(ImageDownloadException.class, "the image URL http://example.invalid/out.png uses plain http; "
                        + "only https is fetched (plain http only from this machine)"));
        rows.add(row("image redirected once, then served", e -> {
            e.submitWith(HttpProviderHarness.json(200, e.completedBody()));
            server.stubFor(get(urlPathEqualTo(imagePath)).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", "/img/moved")));
            server.stubFor(get(urlPathEqualTo("/img/moved")).willReturn(h.imageResponse(image)));
        }).succeeds());
        rows.add(download("image pixels differ from the request", h.imageResponse(h.image(640, 480))).succeeds()
                .check(o -> {
                    assertThat(o.result.image().resolution()).isEqualTo(Resolution.of(640, 480));
                    assertThat(o.result.warnings()).extracting(Warning::code).containsExactly(Warning.SIZE_MISMATCH);
                    assertThat(o.result.warnings().get(0).message()).endsWith("is 640x480, not the " + size
                            + " that was asked for");
                }));
        rows.add(download("healthy image (control row)", h.imageResponse(image)).succeeds());
        return rows.stream();
    }

    // ------------------------------------------------------------------ running one row

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void generate_underFault(Row row) throws Exception {
        Assumptions.assumeTrue(!row.needsJobs || h.hasJobs(), () -> h.providerId() + " has no jobs");
        server.resetAll();
        Env env = new Env();
        env.baseUrl = server.baseUrl();
        h.stubFollowUp(server, server.baseUrl() + imagePath);
        row.stub.accept(env);
        if (!env.imageStubbed) {
            env.imageWith(image());
        }
        Path dir = temp.resolve("row");
        Outcome o = new Outcome();
        List<GenerationEvent.Retried> retries = new CopyOnWriteArrayList<>();
        SeedreamClient.Builder builder = SeedreamClient.builder().provider(h.providerId())
                .settings(h.settings(env.baseUrl, KEY)).systemProperties(k -> null).environment(k -> null)
                .timeout(row.timeout).listener(ev -> {
                    if (ev instanceof GenerationEvent.Retried) {
                        retries.add((GenerationEvent.Retried) ev);
                    }
                });
        if (row.cap > 0) {
            builder.maxImageBytes(row.cap);
        }
        try (SeedreamClient client = builder.build()) {
            o.error = catchThrowable(() -> o.result = client.generate(request(h),
                    ImageDestination.directory(dir, "img", false)));
            o.posts = row.posts.applyAsInt(env);
            o.connections = env.resetting == null ? -1 : env.resetting.connections();
            o.retries = List.copyOf(retries);
            if (row.check != null) {
                row.check.accept(o);
            }
        } finally {
            if (env.resetting != null) {
                env.resetting.close();
            }
        }

        if (row.error == null) {
            assertThat(o.error).as("error").isNull();
            assertThat(o.result.image().resolution()).isNotNull();
            assertThat(o.result.image().format()).isEqualTo(h.imageFormat());
            assertThat(Leaks.files(dir)).as("files").containsExactly(fileName);
            assertThat(Files.size(dir.resolve(fileName))).isEqualTo(o.result.image().byteSize());
        } else {
            assertThat(o.error).isInstanceOf(row.error);
            for (String fragment : row.messages) {
                assertThat(o.error).hasMessageContaining(fragment);
            }
            assertThat(o.error.getMessage()).doesNotContain(KEY);
            assertThat(Leaks.files(dir)).as("files left after a failure").isEmpty();
        }
        assertThat(o.posts).as("generation POSTs the server saw").isEqualTo(row.expectedPosts);
        assertThat(o.retries.size()).as("retries").isLessThanOrEqualTo(MAX_ATTEMPTS - 1);
        if (row.expectedRetries >= 0) {
            assertThat(o.retries).as("retries").hasSize(row.expectedRetries);
        }
        assertThat(Leaks.clientThreadsAfter(h.providerId(), Duration.ofSeconds(5))).as("threads left after close")
                .isEmpty();
        assertThat(Leaks.threads("seedream-http-")).as("the shared HTTP pool stays bounded").hasSizeLessThanOrEqualTo(8);
        assertThat(Leaks.files(dir).stream().filter(f -> f.endsWith(".part"))).as("temporary files").isEmpty();
    }

    /** The request of every row, at the harness's size. */
    static GenerationRequest request(HttpProviderHarness h) {
        return h.request("American retro 1950s illustration style, diner scene", 42);
    }

    /** The healthy image, as the provider's storage serves it. */
    private ResponseDefinitionBuilder image() {
        return h.imageResponse(image);
    }

    private void cancelSentOnce(Outcome o) {
        if (h.cancelled() != null) {
            // the cancel is sent in the background as the generation fails
            Leaks.await(() -> server.countRequestsMatching(h.cancelled().build()).getCount() >= 1,
                    Duration.ofSeconds(5));
            assertThat(server.countRequestsMatching(h.cancelled().build()).getCount()).as("cancels").isEqualTo(1);
        }
    }

    private Row row(String name, Stub stub) {
        return new Row(name, stub);
    }

    private Row download(String name, ResponseDefinitionBuilder image) {
        return new Row(name, e -> {
            e.submitWith(HttpProviderHarness.json(200, e.completedBody()));
            e.imageWith(image);
        });
    }

    /** Sets up the stubs of one row. */
    @FunctionalInterface
    interface Stub {
        void accept(Env env) throws IOException;
    }

    /** What one row saw. */
    static final class Outcome {
        GenerationResult result;
        Throwable error;
        int posts;
        int connections;
        List<GenerationEvent.Retried> retries;
    }

    /** One row of the matrix: the fault and the outcome it must have. */
    final class Row {
        final String name;
        final Stub stub;
        boolean needsJobs;
        Duration timeout = Duration.ofSeconds(20);
        long cap;
        Class<? extends Throwable> error;
        final List<String> messages = new ArrayList<>();
        ToIntFunction<Env> posts = e -> server.countRequestsMatching(h.submitted().build()).getCount();
        int expectedPosts = 1;
        int expectedRetries = 0;
        Consumer<Outcome> check;

        Row(String name, Stub stub) {
            this.name = name;
            this.stub = stub;
        }

        Row fails(Class<? extends Throwable> type, String message) {
            error = type;
            messages.add(message);
            return this;
        }

        Row succeeds() {
            error = null;
            return this;
        }

        /** How many generation POSTs the server must have seen; 1 unless said. */
        Row posts(int expected) {
            expectedPosts = expected;
            return this;
        }

        /** Counts POSTs some other way than WireMock's journal. */
        Row countedBy(ToIntFunction<Env> count) {
            posts = count;
            return this;
        }

        Row retries(int expected) {
            expectedRetries = expected;
            return this;
        }

        Row timeout(Duration t) {
            timeout = t;
            return this;
        }

        Row cap(long bytes) {
            cap = bytes;
            return this;
        }

        Row jobs() {
            needsJobs = true;
            expectedRetries = -1;
            return this;
        }

        Row check(Consumer<Outcome> c) {
            Consumer<Outcome> before = check;
            check = before == null ? c : before.andThen(c);
            return this;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The stub server as one row sees it. */
    final class Env {
        String baseUrl;
        ResettingServer resetting;
        boolean imageStubbed;

        String completedBody() {
            return h.completedBody(server.baseUrl() + imagePath);
        }

        String polledCompletedBody() {
            return h.polledCompletedBody(server.baseUrl() + imagePath);
        }

        /** The provider says it is done, but names no image: in its POST's answer, or in its result. */
        void doneWithoutImage() {
            if (h.result() == null) {
                submitWith(HttpProviderHarness.json(200, h.completedWithoutImageBody()));
            } else {
                submitWith(HttpProviderHarness.json(200, completedBody()));
                server.stubFor(h.result().willReturn(HttpProviderHarness.json(200, h.completedWithoutImageBody())));
            }
        }

        /** A poll says the job is done, but names no image: in the poll's answer, or in the result. */
        void polledDoneWithoutImage() {
            if (h.result() == null) {
                pollWith(HttpProviderHarness.json(200, h.completedWithoutImageBody()));
            } else {
                pollWith(HttpProviderHarness.json(200, polledCompletedBody()));
                server.stubFor(h.result().willReturn(HttpProviderHarness.json(200, h.completedWithoutImageBody())));
            }
        }

        void submitWith(ResponseDefinitionBuilder response) {
            server.stubFor(h.submit().willReturn(response));
        }

        void pollWith(ResponseDefinitionBuilder response) {
            server.stubFor(h.poll().willReturn(response));
            if (h.cancel() != null) {
                server.stubFor(h.cancel().willReturn(HttpProviderHarness.json(200, h.cancelledBody())));
            }
        }

        void imageWith(ResponseDefinitionBuilder response) {
            server.stubFor(get(urlPathEqualTo(imagePath)).willReturn(response));
            imageStubbed = true;
        }

        /** The submit POST fails once with {@code first}, then succeeds. */
        void onceThenSuccess(ResponseDefinitionBuilder first) {
            sequence(h::submit, first, HttpProviderHarness.json(200, completedBody()));
        }

        /** {@code request} answers each response in turn, the last one for ever. */
        void sequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
            String state = Scenario.STARTED;
            for (int i = 0; i < responses.length; i++) {
                String next = i + 1 < responses.length ? "step-" + (i + 1) : state;
                server.stubFor(request.get().inScenario("sequence").whenScenarioStateIs(state)
                        .willReturn(responses[i]).willSetStateTo(next));
                state = next;
            }
        }
    }
}
