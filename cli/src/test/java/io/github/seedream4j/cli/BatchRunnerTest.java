package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.Cost;
import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.provider.fake.FakeLedger;
import io.github.seedream4j.provider.fake.FakeProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** The batch engine without picocli or a process: a scripted {@link Generator} stands for the provider. */
class BatchRunnerTest {

    @TempDir
    Path dir;
    private SeedreamClient client;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Io io;

    @BeforeEach
    void open() {
        client = SeedreamClient.builder().provider("fake").setting("price", "0.03/image").build();
        io = new Io(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() {
        client.close();
    }

    /**
     * Rule of defect 5: whatever the provider throws after an image was saved (every exception type, and a bug),
     * the image is kept and recorded done with an unknown cost, which the budget counts at its estimate.
     */
    @Test
    void run_failureAfterTheImageWasSavedKeepsItDoneWithUnknownCost() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        Exceptions.subtypes().forEach(t -> failures.add(Exceptions.of(t, "job-1")));
        failures.add(new ArithmeticException("Overflow"));
        for (Throwable failure : failures) {
            Path out = dir.resolve("out-" + failure.getClass().getSimpleName());
            Generator savesThenFails = (request, destination, resume, progress) -> {
                progress.accepted("job-1");
                progress.saved(write((ImageDestination.Directory) destination));
                return CompletableFuture.failedFuture(failure);
            };

            BatchRunner.Summary s = run(lines(1), out, null, savesThenFails);

            assertThat(s.totals().done()).as(failure.toString()).isEqualTo(1);
            assertThat(s.totals().failed()).isZero();
            assertThat(s.totals().unknownCost()).isEqualTo(1);
            assertThat(s.totals().spent()).isEqualTo(Cost.usd("0.03"));
            assertThat(s.exitCode()).isZero();
            assertThat(out.resolve("line-1.png")).exists();
            assertThat(Files.readString(out.resolve("manifest.jsonl")))
                    .contains("\"status\":\"done\"").contains("\"basis\":\"unknown\"");
        }
    }

    /**
     * Rule of defect 2: a generation that fails without an image keeps its reservation unless the provider surely
     * did not accept it. With a budget of two estimates, three lines of failures that may be billed submit two.
     */
    @Test
    void run_reservationIsKeptForEveryFailureThatMayBeBilled() throws Exception {
        for (Class<? extends SeedreamException> type : Exceptions.subtypes()) {
            AtomicInteger sent = new AtomicInteger();
            Generator fails = (request, destination, resume, progress) -> {
                sent.incrementAndGet();
                return CompletableFuture.failedFuture(Exceptions.of(type, null));
            };

            BatchRunner.Summary s = run(lines(3), dir.resolve("out-" + type.getSimpleName()), Cost.usd("0.06"), fails);

            boolean billed = BillingTest.MAY_BE_BILLED.contains(type);
            assertThat(sent.get()).as(type.getSimpleName()).isEqualTo(billed ? 2 : 3);
            assertThat(s.totals().lost()).as(type.getSimpleName()).isEqualTo(billed ? 2 : 0);
            assertThat(s.totals().skipped()).as(type.getSimpleName()).isEqualTo(billed ? 1 : 0);
        }
    }

    /** Defect 2, the other way in: a job id reported before a refusal also keeps the reservation. */
    @Test
    void run_jobReportedBeforeAnyFailureKeepsTheReservation() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        Generator acceptsThenFails = (request, destination, resume, progress) -> {
            sent.incrementAndGet();
            progress.accepted("job-" + sent.get());
            return CompletableFuture.failedFuture(new io.github.seedream4j.RateLimitedException("slow down", "fake",
                    Duration.ofSeconds(1), null));
        };

        BatchRunner.Summary s = run(lines(3), dir.resolve("out"), Cost.usd("0.06"), acceptsThenFails);

        assertThat(sent.get()).isEqualTo(2);
        assertThat(s.totals().lostEstimate()).isEqualTo(Cost.usd("0.06"));
        assertThat(Files.readString(dir.resolve("out/manifest.jsonl"))).contains("\"billed\":true");
    }

    /** The seam carries what the engine journals: the job id reaches the manifest before the result. */
    @Test
    void run_jobIdIsJournalledBeforeTheResult() throws Exception {
        Path out = dir.resolve("out");
        List<String> seenAtResult = new ArrayList<>();
        Generator slow = (request, destination, resume, progress) -> {
            progress.accepted("job-42");
            try {
                seenAtResult.add(Files.readString(out.resolve("manifest.jsonl")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            GeneratedImage image = write((ImageDestination.Directory) destination);
            progress.saved(image);
            return CompletableFuture.completedFuture(new GenerationResult("fake", request, List.of(image),
                    client.estimate(request), new io.github.seedream4j.Timings(Duration.ofMillis(5), Duration.ZERO,
                            null, null), List.of(), List.of("job-42")));
        };

        BatchRunner.Summary s = run(lines(1), out, null, slow);

        assertThat(s.totals().done()).isEqualTo(1);
        assertThat(seenAtResult.get(0)).contains("\"status\":\"submitted\"").contains("\"job\":\"job-42\"");
    }

    private BatchRunner.Summary run(Path file, Path out, Cost budget, Generator generator) throws Exception {
        BatchRunner.Options options = new BatchRunner.Options(file, out, 1, budget, false, false, Progress.Mode.NONE,
                Duration.ofSeconds(5));
        return new BatchRunner(options, io, client, generator).run();
    }

    private Path lines(int count) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add("{\"prompt\": \"p" + i + "\", \"size\": \"1K\"}");
        }
        return Files.write(dir.resolve("lines-" + count + ".jsonl"), lines);
    }

    /** Writes a real PNG where the destination says, made by a client (only core makes images). */
    private static GeneratedImage write(ImageDestination.Directory d) {
        try (SeedreamClient painter = SeedreamClient.builder()
                .provider(FakeProvider.factory(FakeLedger.create())).build()) {
            return painter.generate(GenerationRequest.of("a test image").withSize(ImageSize.exact(1024, 1024)), d)
                    .image();
        }
    }
}
