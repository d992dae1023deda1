package io.github.seedream4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.ImageDownloadException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImageDownloaderTest {

    private WireMockServer server;
    private final TestContext context = new TestContext(1024 * 1024);
    private final ImageDownloader downloader = ImageDownloader.builder("test").maxRedirects(2)
            .retryPolicy(RetryPolicy.builder().maxAttempts(3).random(() -> 0.0).build()).build();

    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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

    private URI url(String path) {
        return URI.create(server.baseUrl() + path);
    }

    private void download(URI url, String jobId) throws Exception {
        downloader.download(context, url, jobId).get(20, TimeUnit.SECONDS);
    }

    private Throwable failure(URI url, String jobId) {
        return failure(downloader.download(context, url, jobId));
    }

    private static Throwable failure(CompletableFuture<Void> f) {
        Throwable t = catchThrowable(() -> f.get(20, TimeUnit.SECONDS));
        assertThat(t).isInstanceOf(ExecutionException.class);
        return t.getCause();
    }

    @Test
    void download_streamsThePngIntoTheSink() throws Exception {
        byte[] png = png(3, 2);
        server.stubFor(get("/img.png").willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(png)));

        download(url("/img.png"), "job-1");

        assertThat(context.images).singleElement().isEqualTo(png);
        assertThat(context.types).containsExactly("image/png");
        assertThat(context.sources).containsExactly(url("/img.png"));
    }

    @Test
    void download_followsRedirectsWithinTheLimit() throws Exception {
        byte[] png = png(1, 1);
        server.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/b")));
        server.stubFor(get("/b").willReturn(aResponse().withStatus(301).withHeader("Location", server.baseUrl() + "/c")));
        server.stubFor(get("/c").willReturn(aResponse().withBody(png)));

        download(url("/a"), null);

        assertThat(context.images).singleElement().isEqualTo(png);
        assertThat(context.sources).containsExactly(url("/c"));
    }

    @Test
    void download_tooManyRedirects() {
        server.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));

        assertThat(failure(url("/loop"), null)).isInstanceOf(ImageDownloadException.class)
                .hasMessage("provider test: the image URL " + server.baseUrl() + "/loop redirected more than 2 times; "
                        + "refusing to follow further");
        server.verify(3, getRequestedFor(urlEqualTo("/loop")));
    }

    @Test
    void download_refusesARedirectToPlainHttpElsewhere() {
        server.stubFor(get("/a").willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://images.example.com/x.png?sig=secret")));

        assertThat(failure(url("/a"), null)).isInstanceOf(ImageDownloadException.class)
                .hasMessage("provider test: the image URL http://images.example.com/x.png?... uses plain http; only "
                        + "https is fetched (plain http only from this machine)");
    }

    @Test
    void download_refusesPlainHttpToOtherHostsAndOtherSchemes() {
        assertThat(failure(URI.create("http://image.runpod.ai/abc/output.png"), null))
                .isInstanceOf(ImageDownloadException.class).hasMessageContaining("uses plain http");
        assertThat(failure(URI.create("file:///etc/passwd"), null))
                .isInstanceOf(ImageDownloadException.class).hasMessageContaining("is not an absolute https URL");
    }

    @Test
    void download_expiredUrlHidesTheQuery() {
        server.stubFor(get("/gone.png?X-Amz-Signature=abc").willReturn(aResponse().withStatus(404)));

        Throwable e = failure(url("/gone.png?X-Amz-Signature=abc"), "job-9");

        assertThat(e).isInstanceOf(ImageDownloadException.class)
                .hasMessage("provider test: the image URL " + server.baseUrl() + "/gone.png?... answered HTTP 404: it "
                        + "has expired or never existed (provider image URLs are short-lived); generate the image again");
        assertThat(((ImageDownloadException) e).jobId()).contains("job-9");
        server.verify(1, getRequestedFor(urlEqualTo("/gone.png?X-Amz-Signature=abc")));
    }

    @Test
    void download_userInfoInTheUrlNeverShows() {
        server.stubFor(get("/gone.png").willReturn(aResponse().withStatus(410)));
        URI withUser = URI.create("http://user:canary-pw-91@127.0.0.1:" + server.port() + "/gone.png");

        Throwable e = failure(withUser, null);

        assertThat(e).isInstanceOf(ImageDownloadException.class).hasMessage("provider test: the image URL "
                + "http://***@127.0.0.1:" + server.port() + "/gone.png answered HTTP 410: it has expired or never "
                + "existed (provider image URLs are short-lived); generate the image again");
    }

    @Test
    void download_retries5xxAndConnectionErrorsAndReportsThem() throws Exception {
        byte[] png = png(1, 1);
        server.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("reset"));
        // two resets: the JDK sends a GET whose connection closed before any byte a second time by itself
        server.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs("reset")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("reset-2"));
        server.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs("reset-2")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        server.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(aResponse().withBody(png)));

        download(url("/flaky"), null);

        assertThat(context.images).singleElement().isEqualTo(png);
        assertThat(context.retries).containsExactly("2 after 0ms: HTTP 503", "3 after 0ms: the connection to "
                + "localhost:" + server.port() + " was closed before a complete answer came back");
    }

    @Test
    void download_contentLengthAboveTheCapIsRefusedBeforeReading() {
        server.stubFor(get("/big").willReturn(aResponse().withHeader("Content-Length", "2097152")
                .withBody(new byte[2 * 1024 * 1024])));

        assertThat(failure(url("/big"), null)).isInstanceOf(ImageDownloadException.class)
                .hasMessage("provider test: the image at " + server.baseUrl() + "/big is 2097152 bytes, larger than "
                        + "the cap of 1048576 bytes; raise the client's maxImageBytes if such images are expected");
        assertThat(context.images).isEmpty();
    }

    @Test
    void download_truncatedBodyIsReported() {
        byte[] png = png(4, 4);
        try (StubServer stub = new StubServer()) {
            stub.on("/cut", exchange -> {
                exchange.sendResponseHeaders(200, png.length + 100);
                exchange.getResponseBody().write(png);
            });

            assertThat(failure(stub.uri("/cut"), null)).isInstanceOf(ImageDownloadException.class)
                    .hasMessage("provider test: reading the image from 127.0.0.1 failed: the download was cut short: "
                            + png.length + " of " + (png.length + 100) + " bytes (Content-Length) arrived; fetch it "
                            + "again");
        }
    }

    @Test
    void download_passesTheDeclaredTypeSoTheSinkCanCheckIt() {
        server.stubFor(get("/page").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<html>expired</html>")));

        assertThat(failure(url("/page"), null)).isInstanceOf(ImageDownloadException.class)
                .hasMessage("sink: declared text/html is not an image");
    }

    /** Headers and 70 KB, then silence: the per-read timeout ends the download, and no thread stays in the read. */
    @Test
    void download_aBodyThatStallsFailsAfterTheStallTimeout() {
        try (StubServer stub = new StubServer()) {
            stub.on("/stall.png", StubServer.stalling(70_000, 1_000_000, 10_000, "image/png"));
            ImageDownloader quick = ImageDownloader.builder("test").stallTimeout(Duration.ofMillis(300)).build();
            long started = System.nanoTime();

            Throwable e = failure(quick.download(context, stub.uri("/stall.png"), null));

            assertThat(e).isInstanceOf(ImageDownloadException.class).hasMessage("provider test: reading the image "
                    + "from 127.0.0.1 failed: no byte arrived for 300ms after 70000 bytes: the server stopped sending");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
            assertThat(threadsReadingBodies()).isEmpty();
            assertThat(context.images).isEmpty();
            assertThat(stub.requests).hasSize(1); // the sink had started reading: not fetched again
        }
    }

    /**
     * Cancellation ends a download whose server went silent mid-body at once; meanwhile no thread waits in the body,
     * which is pushed into the sink as it arrives.
     */
    @Test
    void download_cancellationEndsADownloadStalledMidBody() throws Exception {
        try (StubServer stub = new StubServer()) {
            stub.on("/stall.png", StubServer.stalling(70_000, 1_000_000, 10_000, "image/png"));
            CompletableFuture<Void> f = downloader.download(context, stub.uri("/stall.png"), null);
            for (int i = 0; i < 400 && context.opened.get() == 0; i++) {
                Thread.sleep(5);
            }
            assertThat(context.opened.get()).as("the sink received the start of the body").isEqualTo(1);
            assertThat(threadsReadingBodies()).as("threads blocked in a body").isEmpty();
            long started = System.nanoTime();

            context.cancel();

            assertThat(failure(f)).isInstanceOf(GenerationCancelledException.class);
            // the server stays silent for 10 s
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
            assertThat(context.images).isEmpty();
        }
    }

    /** Threads whose stack is inside the JDK client's blocking body stream. */
    static java.util.List<String> threadsReadingBodies() {
        for (int i = 0; i < 100; i++) {
            java.util.List<String> found = Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName()
                            .contains("HttpResponseInputStream")))
                    .map(e -> e.getKey().getName()).collect(java.util.stream.Collectors.toList());
            if (found.isEmpty()) {
                return found;
            }
            StubServer.sleep(10); // a read that is ending may still be on the stack for a moment
        }
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().contains("HttpResponseInputStream")))
                .map(e -> e.getKey().getName()).collect(java.util.stream.Collectors.toList());
    }
}
