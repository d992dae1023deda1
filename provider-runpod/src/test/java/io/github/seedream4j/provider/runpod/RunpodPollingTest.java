package io.github.seedream4j.provider.runpod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.seedream4j.tck.CallRates.mostIn;
import static io.github.seedream4j.tck.CallRates.perSecond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.http.PollSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Polling at scale against jobs that take a known time: the cap on status calls holds at the stub, and each job is
 * polled no more often than the schedule asks. {@code -Dseedream4j.poll-discipline.jobs=1000} runs the count with a
 * thousand jobs, {@code -Dseedream4j.poll-discipline.min-ratio=0.67} also fails it when the stub sees fewer than
 * two thirds of the calls the schedule asks for (polls queueing behind a busy machine); each run writes its numbers
 * to {@code target/poll-discipline-runpod-<jobs>.txt}, and the capped run to {@code target/poll-rate-runpod.txt}.
 */
class RunpodPollingTest {

    private static final byte[] PNG = Pngs.png(1280, 720);
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    private WireMockServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private TimedRunpod start(IntFunction<Duration> length) {
        TimedRunpod jobs = new TimedRunpod(length);
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true)
                .extensions(jobs));
        server.start();
        jobs.baseUrl(server.baseUrl());
        server.stubFor(post(urlPathMatching("/seedream-v4-t2i/run")).willReturn(aResponse()
                .withTransformers(TimedRunpod.NAME)));
        server.stubFor(get(urlPathMatching("/seedream-v4-t2i/status/.*")).willReturn(aResponse()
                .withTransformers(TimedRunpod.NAME)));
        server.stubFor(get(urlPathMatching("/images/.*")).willReturn(aResponse().withHeader("Content-Type",
                "image/png").withBody(PNG)));
        return jobs;
    }

    private SeedreamClient client(String maxPollsPerSecond) {
        return SeedreamClient.builder().provider("runpod").setting("api-key", RunpodProviderTest.KEY)
                .setting("base-url", server.baseUrl()).setting("max-polls-per-second", maxPollsPerSecond)
                .systemProperties(k -> null).environment(k -> null).timeout(Duration.ofMinutes(5)).build();
    }

    private static List<GenerationResult> generate(SeedreamClient client, int n) {
        List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(client.generateAsync(GenerationRequest.builder("a lighthouse at dawn, " + i).size(1280, 720)
                    .build()));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void generate_twentyJobsUnderACapOfFivePollsASecondAllComplete() throws IOException {
        TimedRunpod jobs = start(n -> Duration.ofSeconds(1));

        List<GenerationResult> results;
        try (SeedreamClient client = client("5")) {
            results = generate(client, 20);
        }

        assertThat(results).hasSize(20).allSatisfy(r -> assertThat(r.image().resolution())
                .isEqualTo(Resolution.of(1280, 720)));
        assertThat(jobs.callsPerJob).hasSize(20);
        Files.writeString(Path.of("target", "poll-rate-runpod.txt"), String.format(Locale.ROOT, "20 jobs of 1 s, cap "
                + "5/s: %d status calls, %.2f per second from the first to the last, at most %d in one second and %d in "
                + "two%n", jobs.statusCalls.size(), perSecond(jobs.statusCalls), mostIn(ONE_SECOND, jobs.statusCalls),
                mostIn(TWO_SECONDS, jobs.statusCalls)));
        // the schedule alone would poll these jobs 80 times a second; the gate's slots are 200 ms apart, and a
        // call that reaches the stub late (a busy machine) bunches with the next ones, so two seconds are counted
        assertThat(mostIn(TWO_SECONDS, jobs.statusCalls)).isLessThanOrEqualTo(2 * 5 + 2);
        assertThat(perSecond(jobs.statusCalls)).isLessThanOrEqualTo(5 * 1.1);
    }

    @Test
    void generate_pollsEachJobNoMoreThanTheScheduleAsks() throws IOException {
        int n = Integer.getInteger("seedream4j.poll-discipline.jobs", 100);
        // lengths spread evenly from 0.5 s to 2 s, so that the jobs meet the schedule at every phase
        TimedRunpod jobs = start(i -> Duration.ofMillis(500 + 1500L * i / n));

        try (SeedreamClient client = client("unlimited")) {
            assertThat(generate(client, n)).hasSize(n);
        }

        PollSchedule schedule = PollSchedule.defaults();
        long asked = 0;
        long made = 0;
        double most = 0;
        for (var job : jobs.lengths.entrySet()) {
            int expected = schedule.polls(Duration.ZERO, job.getValue());
            int actual = jobs.callsPerJob.get(job.getKey()).get();
            asked += expected;
            made += actual;
            most = Math.max(most, (double) actual / expected);
            assertThat(actual).as("status calls for %s, a %s job", job.getKey(), job.getValue())
                    .isBetween(1, expected * 3 / 2);
        }
        Files.writeString(Path.of("target", "poll-discipline-runpod-" + n + ".txt"), String.format(Locale.ROOT,
                "jobs %d, lengths 0.5-2 s, cap unlimited: the schedule asks %d status calls (%.2f per job), the stub "
                        + "saw %d (%.2f per job): %.2fx; most for one job %.2fx; peak %d calls in one second%n",
                n, asked, (double) asked / n, made, (double) made / n, (double) made / asked, most,
                mostIn(ONE_SECOND, jobs.statusCalls)));
        // no job is polled more often than the schedule asks: each poll comes at least a pause after the one before
        assertThat(made).isLessThanOrEqualTo(asked);
        // how far polls fall behind the schedule depends on the machine's load, so that is checked only on request
        assertThat((double) made / asked).isGreaterThanOrEqualTo(Double.parseDouble(System.getProperty(
                "seedream4j.poll-discipline.min-ratio", "0")));
    }

    @Test
    void build_refusesACapThatIsNotANumber() {
        assertThatThrownBy(() -> SeedreamClient.builder().provider("runpod").setting("api-key", RunpodProviderTest.KEY)
                .setting("max-polls-per-second", "fast").systemProperties(k -> null).environment(k -> null).build())
                .isInstanceOf(ConfigurationException.class).hasMessage("provider runpod setting "
                        + "'max-polls-per-second' from explicit setting 'max-polls-per-second' is 'fast'; expected "
                        + "status calls per second as a decimal from 0.01 to 1000000, such as 5 or 0.5, or "
                        + "'unlimited' (or 0) for no cap");
    }

    @Test
    void settings_listTheCapWithItsDefault() {
        assertThat(RunpodSettings.ALL).contains(RunpodSettings.MAX_POLLS_PER_SECOND);
        assertThat(RunpodSettings.MAX_POLLS_PER_SECOND.name()).isEqualTo("max-polls-per-second");
        assertThat(RunpodSettings.MAX_POLLS_PER_SECOND.defaultValue()).isEqualTo("160");
    }
}
