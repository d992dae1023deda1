package io.github.seedream4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.SeedreamClient;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Many concurrent generations ({@code generateAsync}) against a stub that refuses 10% of the generation POSTs with
 * 429 or 503 (before acceptance, so a retry is safe). Every generation must succeed, each refused one with exactly
 * one retry, the JVM's live thread count must stay under {@link #THREAD_BOUND}, and closing the client must leave
 * no {@code seedream-} thread.
 *
 * <p>Size: {@code -Dreliability.load.size} (200 in the normal build; docs/fault-matrix.md has the 1,000 run).
 */
abstract class LoadWithFaultsContract {

    /**
     * The most live threads the JVM may have at any time during the run, whatever the number of generations:
     * JUnit, WireMock's Jetty pool and the JDK's own threads (about 60 together) plus the client's bounded pools.
     */
    static final int THREAD_BOUND = 200;
    static final String KEY = "canary-key-LOAD-5e1a77";
    static final int SIZE = Integer.getInteger("reliability.load.size", 200);

    /** The provider under test. */
    abstract HttpProviderHarness harness();

    @Test
    void generateAsync_manyWithInjectedRefusals() throws Exception {
        HttpProviderHarness h = harness();
        WireMockServer server = new WireMockServer(HttpProviderHarness.serverConfig()
                .containerThreads(40).disableRequestJournal());
        server.start();
        h.on(server.baseUrl());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int before = threads.getThreadCount();
        AtomicInteger peak = new AtomicInteger(before);
        AtomicBoolean sampling = new AtomicBoolean(true);
        AtomicReference<Map<String, Long>> peakThreads = new AtomicReference<>(Map.of());
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                int now = threads.getThreadCount();
                if (now > peak.get()) {
                    peak.set(now);
                    peakThreads.set(Leaks.threadPools());
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "reliability-thread-sampler");
        sampler.setDaemon(true);
        try {
            String path = "/img/out." + h.imageFormat().extension();
            String image = server.baseUrl() + path;
            server.stubFor(get(urlPathEqualTo(path)).willReturn(h.imageResponse(h.image(h.size().width(),
                    h.size().height()))));
            server.stubFor(h.submit().atPriority(10).willReturn(HttpProviderHarness.json(200, h.completedBody(image))));
            h.stubFollowUp(server, image);
            int refused = 0;
            for (int n = 0; n < SIZE; n += 10) {
                // every tenth generation (told apart by its prompt) is refused once, alternately 429 and 503,
                // then accepted
                String scenario = "generation-" + n;
                int status = (n / 10) % 2 == 0 ? 429 : 503;
                server.stubFor(h.submit().atPriority(1).withRequestBody(matchingJsonPath("$..prompt",
                        equalTo(prompt(n)))).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(status).withHeader("Retry-After", "0"))
                        .willSetStateTo("accepted"));
                refused++;
            }
            Map<String, Integer> retriesPerGeneration = new ConcurrentHashMap<>();
            LongAdder retries = new LongAdder();
            List<CompletableFuture<GenerationResult>> futures = new ArrayList<>(SIZE);
            sampler.start();
            try (SeedreamClient client = SeedreamClient.builder().provider(h.providerId())
                    .settings(h.settings(server.baseUrl(), KEY)).systemProperties(k -> null).environment(k -> null)
                    .timeout(Duration.ofSeconds(60)).listener(ev -> {
                        if (ev instanceof GenerationEvent.Retried) {
                            retries.increment();
                            retriesPerGeneration.merge(ev.generationId(), 1, Integer::sum);
                        }
                    }).build()) {
                for (int n = 0; n < SIZE; n++) {
                    futures.add(client.generateAsync(h.request(prompt(n), n)));
                }
                CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
                for (CompletableFuture<GenerationResult> f : futures) {
                    assertThat(f.join().image().resolution()).isEqualTo(h.size());
                }
            }
            sampling.set(false);
            sampler.join();

            assertThat(retries.sum()).as("retries").isEqualTo(refused);
            assertThat(retriesPerGeneration.values()).as("retries per generation").allMatch(n -> n == 1);
            assertThat(peak.get()).as("peak live threads (%d before the run), by pool: %s", before,
                    peakThreads.get()).isLessThanOrEqualTo(THREAD_BOUND);
            assertThat(Leaks.seedreamThreadsAfter(Duration.ofSeconds(5))).as("threads left after close").isEmpty();
            System.out.printf("load: %d generations, %d refused and retried, peak %d live threads (%d before)%n",
                    SIZE, refused, peak.get(), before);
        } finally {
            sampling.set(false);
            server.stop();
        }
    }

    private static String prompt(int n) {
        return "load " + n;
    }
}
