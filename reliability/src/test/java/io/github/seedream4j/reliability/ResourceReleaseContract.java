package io.github.seedream4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.SeedreamClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancellation, deadlines and close release everything: the provider's job is cancelled, no {@code seedream-} thread
 * of the client outlives {@code close()}, no temporary {@code .part} file stays behind, no image file appears after
 * the generation has already failed, and 100 clients built, used and closed leave no thread and no socket behind.
 */
abstract class ResourceReleaseContract {

    static final String KEY = "canary-key-RELEASE-77c0aa";
    static final String IMAGE = "/img/slow";
    /** Pooled keep-alive connections of the shared client and their server ends; before the fix: +288 for 100. */
    static final long FD_SLACK = 12;

    private WireMockServer server;
    private HttpProviderHarness h;
    @TempDir
    Path temp;

    /** The provider under test. */
    abstract HttpProviderHarness harness();

    @BeforeEach
    void start() {
        server = new WireMockServer(HttpProviderHarness.serverConfig());
        server.start();
        h = harness().on(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private SeedreamClient client(Duration timeout, GenerationListenerList listener) {
        return SeedreamClient.builder().provider(h.providerId()).settings(h.settings(server.baseUrl(), KEY))
                .systemProperties(k -> null).environment(k -> null).timeout(timeout).listener(listener::add).build();
    }

    @Test
    void cancel_whilePolling_cancelsTheJobAndLeavesNothing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(h.hasJobs(), "no jobs to poll");
        server.stubFor(h.submit().willReturn(HttpProviderHarness.json(200, h.jobBody("IN_QUEUE"))));
        server.stubFor(h.poll().willReturn(HttpProviderHarness.json(200, h.jobBody("IN_PROGRESS"))));
        server.stubFor(h.cancel().willReturn(HttpProviderHarness.json(200, h.cancelledBody())));
        GenerationListenerList events = new GenerationListenerList();
        Path dir = temp.resolve("out");
        CompletableFuture<GenerationResult> f;
        try (SeedreamClient client = client(Duration.ofSeconds(30), events)) {
            f = client.generateAsync(FaultMatrixContract.request(h), ImageDestination.directory(dir, "img", false));
            assertThat(events.polled.await(10, TimeUnit.SECONDS)).as("polled").isTrue();
            f.cancel(true);
            assertThat(Leaks.await(() -> server.countRequestsMatching(h.cancelled().build()).getCount() >= 1,
                    Duration.ofSeconds(5))).as("cancel sent").isTrue();
        }
        assertThat(catchThrowable(f::get)).isInstanceOf(CancellationException.class);
        assertThat(server.countRequestsMatching(h.submitted().build()).getCount()).isEqualTo(1);
        assertThat(server.countRequestsMatching(h.cancelled().build()).getCount()).isEqualTo(1);
        assertThat(Leaks.clientThreadsAfter(h.providerId(), Duration.ofSeconds(5))).isEmpty();
        assertThat(Leaks.files(dir)).isEmpty();
    }

    @Test
    void deadline_duringASlowDownload_leavesNoFileEvenAfterTheBodyArrives() throws Exception {
        // larger than the 256 KiB header read, so the body streams into a .part file
        byte[] large = h.largeImage();
        assertThat(large.length).as("image bytes").isGreaterThan(256 * 1024);
        completed();
        // headers at once, then the body in pieces over 2.5 s: the sink has a .part file open when the deadline hits
        server.stubFor(get(urlPathEqualTo(IMAGE)).willReturn(h.imageResponse(large)
                .withChunkedDribbleDelay(10, 2500)));
        GenerationListenerList events = new GenerationListenerList();
        Path dir = temp.resolve("out");
        try (SeedreamClient client = client(Duration.ofSeconds(1), events)) {
            Throwable error = catchThrowable(() -> client.generateAsync(FaultMatrixContract.request(h),
                    ImageDestination.directory(dir, "img", false)).get(10, TimeUnit.SECONDS));
            assertThat(error).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(GenerationTimeoutException.class);
            // the body has fully arrived by now: whatever was still reading it must not publish a file
            Leaks.await(() -> false, Duration.ofMillis(3000));
            assertThat(Leaks.files(dir)).as("files after a failed generation, the client still open").isEmpty();
        }
        assertThat(Leaks.clientThreadsAfter(h.providerId(), Duration.ofSeconds(5))).isEmpty();
        assertThat(Leaks.files(dir)).isEmpty();
    }

    /**
     * Issue 19 #4: headers and part of the image, then silence. The deadline fired, but the worker stayed parked in
     * the JDK's body stream (an interrupt does not end that read); 32 of them disabled the client. Now the deadline
     * closes the body, and no thread is left reading it.
     */
    @Test
    void deadline_duringAStalledDownload_leavesNoThreadReadingTheBody() throws Exception {
        completed();
        // two pieces 10 s apart: the first half of the image at once, then silence past the deadline
        server.stubFor(get(urlPathEqualTo(IMAGE)).willReturn(h.imageResponse(h.largeImage())
                .withChunkedDribbleDelay(2, 20_000)));
        try (SeedreamClient client = client(Duration.ofSeconds(2), new GenerationListenerList())) {
            Throwable error = catchThrowable(() -> client.generateAsync(FaultMatrixContract.request(h))
                    .get(20, TimeUnit.SECONDS));

            assertThat(error).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(GenerationTimeoutException.class);
            assertThat(Leaks.await(() -> Leaks.threadsInside("HttpResponseInputStream").isEmpty(),
                    Duration.ofSeconds(3))).as("threads still reading the body: %s",
                    Leaks.threadsInside("HttpResponseInputStream")).isTrue();
        }
    }

    @Test
    void close_duringASlowDownload_interruptsItAndRemovesThePartFile() throws Exception {
        completed();
        server.stubFor(get(urlPathEqualTo(IMAGE)).willReturn(h.imageResponse(h.largeImage())
                .withChunkedDribbleDelay(20, 4000)));
        GenerationListenerList events = new GenerationListenerList();
        Path dir = temp.resolve("out");
        CompletableFuture<GenerationResult> f;
        try (SeedreamClient client = client(Duration.ofSeconds(30), events)) {
            f = client.generateAsync(FaultMatrixContract.request(h), ImageDestination.directory(dir, "img", false));
            assertThat(Leaks.await(() -> Leaks.files(dir).stream().anyMatch(n -> n.endsWith(".part")),
                    Duration.ofSeconds(10))).as("a .part file while downloading").isTrue();
        }
        assertThat(Leaks.clientThreadsAfter(h.providerId(), Duration.ofSeconds(5))).isEmpty();
        assertThat(Leaks.await(() -> Leaks.files(dir).isEmpty(), Duration.ofSeconds(5))).as("no file left: %s",
                Leaks.files(dir)).isTrue();
        assertThat(Leaks.await(f::isDone, Duration.ofSeconds(5))).as("the generation ended").isTrue();
        assertThat(f).isCompletedExceptionally();
    }

    /**
     * Issue 16 #14 and 19 #10: 100 cycles of build, generate, close left 92 JDK selector threads and 288 file
     * descriptors until a GC, because every provider made a JDK client of its own. Every HTTP provider now shares one
     * JDK client per JVM: after 100 cycles ({@link HttpProviderHarness#releaseCycles()}) there is no new selector
     * thread, none of the clients' threads, and the open file descriptors have not grown with the cycles. The closed
     * clients stay referenced meanwhile, as an application may keep them: a closed client must hold nothing, whenever
     * the garbage collector runs.
     */
    @Test
    void manyCycles_buildGenerateClose_leaveNoThreadAndNoSocket() throws Exception {
        int cycles = h.releaseCycles();
        completed();
        server.stubFor(get(urlPathEqualTo(IMAGE)).willReturn(h.imageResponse(h.image(h.size().width(),
                h.size().height()))));
        for (int i = 0; i < 3; i++) {
            cycle(h); // class loading, the shared client's selector, its first connections
        }
        long selectorsBefore = Leaks.threads("HttpClient-").size();
        long fdsBefore = Leaks.openFileDescriptors();
        List<SeedreamClient> closed = new ArrayList<>();

        for (int i = 0; i < cycles; i++) {
            closed.add(cycle(h));
        }

        assertThat(Leaks.threads("HttpClient-")).as("JDK client threads after %d cycles", cycles)
                .hasSizeLessThanOrEqualTo((int) selectorsBefore);
        assertThat(Leaks.clientThreadsAfter(h.providerId(), Duration.ofSeconds(5))).as("client threads").isEmpty();
        if (fdsBefore >= 0) {
            assertThat(Leaks.openFileDescriptors() - fdsBefore).as("file descriptors opened by %d cycles", cycles)
                    .isLessThanOrEqualTo(FD_SLACK);
        }
        assertThat(closed).hasSize(cycles);
    }

    /** The generation POST leads to the image at {@link #IMAGE}, its follow-up stubbed. */
    private void completed() {
        server.stubFor(h.submit().willReturn(HttpProviderHarness.json(200, h.completedBody(server.baseUrl() + IMAGE))));
        h.stubFollowUp(server, server.baseUrl() + IMAGE);
    }

    /** Build, generate once, close; returns the closed client. */
    private SeedreamClient cycle(HttpProviderHarness h) {
        try (SeedreamClient client = SeedreamClient.builder().provider(h.providerId())
                .settings(h.settings(server.baseUrl(), KEY)).systemProperties(k -> null).environment(k -> null)
                .build()) {
            assertThat(client.generate(FaultMatrixContract.request(h)).images()).hasSize(1);
            return client;
        }
    }

    /** Collects events and signals the first poll. */
    static final class GenerationListenerList {
        final CountDownLatch polled = new CountDownLatch(1);

        void add(GenerationEvent e) {
            if (e instanceof GenerationEvent.Polled) {
                polled.countDown();
            }
        }
    }
}
