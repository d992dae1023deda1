package io.github.seedream4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JDK 17 completes {@code sendAsync}'s future on {@code CompletableFuture}'s default executor, the common pool when
 * its parallelism is above 1. An application that fills the common pool with blocking work must not stall answers
 * and images: the toolkit takes them as complete when their bodies are, on the HTTP client's threads. The module's
 * tests run with a common pool of 2 (see the pom) so that the pool can be filled; with a parallelism of 1 the JDK
 * starts a thread per completion instead and there is nothing to fill.
 */
class CommonPoolIndependenceTest {

    private WireMockServer server;
    private final TestContext context = new TestContext();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws InterruptedException {
        assumeTrue(ForkJoinPool.getCommonPoolParallelism() > 1, "the common pool has one thread: the JDK starts a "
                + "thread per completion, so there is no pool to fill");
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
        int threads = ForkJoinPool.getCommonPoolParallelism();
        CountDownLatch busy = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            ForkJoinPool.commonPool().execute(() -> {
                busy.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertThat(busy.await(10, TimeUnit.SECONDS)).as("every common pool thread blocked").isTrue();
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop();
        }
        context.close();
    }

    @Test
    void anAnswerArrivesWhileEveryCommonPoolThreadIsBlocked() throws Exception {
        server.stubFor(post("/run").willReturn(aResponse().withBody("{\"id\":\"job-1\"}")));
        HttpCaller caller = HttpCaller.builder("test").build();

        HttpReply reply = caller.send(context, HttpRequest.newBuilder(URI.create(server.baseUrl() + "/run"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                Idempotency.NON_IDEMPOTENT).get(10, TimeUnit.SECONDS);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.bodyText()).isEqualTo("{\"id\":\"job-1\"}");
    }

    @Test
    void anImageIsStoredWhileEveryCommonPoolThreadIsBlocked() throws Exception {
        byte[] png = ImageDownloaderTest.png(3, 2);
        server.stubFor(get("/img.png").willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(png)));

        ImageDownloader.builder("test").build().download(context, URI.create(server.baseUrl() + "/img.png"), "job-1")
                .get(10, TimeUnit.SECONDS);

        assertThat(context.images).singleElement().isEqualTo(png);
    }

    /**
     * While the JDK has not yet completed its futures (their threads are the blocked pool's), nothing it holds may
     * keep a finished generation reachable: a client that outruns those completions would otherwise pile up every
     * answer and image in memory.
     */
    @Test
    void aFinishedDownloadAndAnswerAreNotKeptByTheJdksPendingCompletion() throws Exception {
        byte[] png = ImageDownloaderTest.png(3, 2);
        server.stubFor(get("/img.png").willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(png)));
        server.stubFor(post("/run").willReturn(aResponse().withBody("{\"id\":\"job-1\"}")));

        WeakReference<TestContext> downloaded = finishedDownload();
        WeakReference<TestContext> answered = finishedAnswer();

        for (int i = 0; i < 50 && (downloaded.get() != null || answered.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(downloaded.get()).as("the download's generation").isNull();
        assertThat(answered.get()).as("the answer's generation").isNull();
    }

    private WeakReference<TestContext> finishedDownload() throws Exception {
        TestContext c = new TestContext();
        ImageDownloader.builder("test").build().download(c, URI.create(server.baseUrl() + "/img.png"), "job-1")
                .get(10, TimeUnit.SECONDS);
        assertThat(c.images).hasSize(1);
        c.close();
        return new WeakReference<>(c);
    }

    private WeakReference<TestContext> finishedAnswer() throws Exception {
        TestContext c = new TestContext();
        HttpReply reply = HttpCaller.builder("test").build().send(c, HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/run")).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), Idempotency.NON_IDEMPOTENT)
                .get(10, TimeUnit.SECONDS);
        assertThat(reply.status()).isEqualTo(200);
        c.close();
        return new WeakReference<>(c);
    }
}
