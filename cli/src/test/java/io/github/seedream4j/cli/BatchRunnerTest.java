package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.Cost;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch engine without picocli or a process, on a real client whose provider runs a script: every unit goes
 * through {@code client.submit} and its handle, as in a real run.
 */
class BatchRunnerTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Io io = new Io(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    /**
     * Under SPI 2 a failing generation publishes nothing, even an image the provider stored: the line is recorded
     * failed with its job, may have been billed (the provider gave a job id), and no file is left behind.
     */
    @Test
    void run_failureAfterTheImageWasStoredLeavesNoFileAndKeepsTheReservation() throws Exception {
        for (Class<? extends SeedreamException> type : Exceptions.subtypes()) {
            Path out = dir.resolve("out-" + type.getSimpleName());

            BatchRunner.Summary s = run(lines(1), out, null, (call, context) -> {
                context.progress().submitted("job-1");
                ScriptedProvider.storeImage(call, context);
                return CompletableFuture.failedFuture(Exceptions.of(type, null));
            });

            assertThat(s.totals().failed()).as(type.getSimpleName()).isEqualTo(1);
            assertThat(s.totals().lost()).as(type.getSimpleName()).isEqualTo(1);
            assertThat(s.totals().committed()).isEqualTo(Cost.usd("0.03"));
            assertThat(out.resolve("line-1.png")).doesNotExist();
            assertThat(Files.readString(out.resolve("manifest.jsonl"))).contains("\"status\":\"failed\"")
                    .contains("\"job\":\"job-1\"").contains("\"billed\":true");
        }
    }

    /**
     * Rule of defect 2: a generation that fails without a job id keeps its reservation unless the provider surely
     * did not accept it. With a budget of two estimates, three lines of failures that may be billed submit two.
     */
    @Test
    void run_reservationIsKeptForEveryFailureThatMayBeBilled() throws Exception {
        for (Class<? extends SeedreamException> type : Exceptions.subtypes()) {
            AtomicInteger sent = new AtomicInteger();

            BatchRunner.Summary s = run(lines(3), dir.resolve("out-" + type.getSimpleName()), Cost.usd("0.06"),
                    (call, context) -> {
                        sent.incrementAndGet();
                        return CompletableFuture.failedFuture(Exceptions.of(type, null));
                    });

            boolean billed = BillingTest.MAY_BE_BILLED.contains(type);
            assertThat(sent.get()).as(type.getSimpleName()).isEqualTo(billed ? 2 : 3);
            assertThat(s.totals().lost()).as(type.getSimpleName()).isEqualTo(billed ? 2 : 0);
            assertThat(s.totals().skipped()).as(type.getSimpleName()).isEqualTo(billed ? 1 : 0);
        }
    }

    /** Defect 2, the other way in: a job id on the handle before a refusal also keeps the reservation. */
    @Test
    void run_jobReportedBeforeAnyFailureKeepsTheReservation() throws Exception {
        AtomicInteger sent = new AtomicInteger();

        BatchRunner.Summary s = run(lines(3), dir.resolve("out"), Cost.usd("0.06"), (call, context) -> {
            context.progress().submitted("job-" + sent.incrementAndGet());
            return CompletableFuture.failedFuture(new RateLimitedException("slow down", "scripted",
                    Duration.ofSeconds(1), null));
        });

        assertThat(sent.get()).isEqualTo(2);
        assertThat(s.totals().lostEstimate()).isEqualTo(Cost.usd("0.06"));
        assertThat(Files.readString(dir.resolve("out/manifest.jsonl"))).contains("\"job\":\"job-2\"")
                .contains("\"billed\":true");
    }

    /** A job id known when submit returns is journalled before the result can arrive. */
    @Test
    void run_jobIdKnownAtSubmissionIsJournalledBeforeTheResult() throws Exception {
        Path out = dir.resolve("out");

        BatchRunner.Summary s = run(lines(1), out, null, (call, context) -> {
            context.progress().submitted("job-42");
            return CompletableFuture.supplyAsync(() -> {
                awaitManifest(out, "\"job\":\"job-42\"");
                ScriptedProvider.storeImage(call, context);
                return ProviderResult.builder().jobId("job-42").build();
            });
        });

        assertThat(s.totals().done()).isEqualTo(1);
        assertThat(statuses(out)).containsExactly("submitted", "done");
    }

    /** A job id the provider reports later, from its own thread, reaches the manifest while the job still runs. */
    @Test
    void run_jobIdReportedLaterIsJournalledWhileTheJobRuns() throws Exception {
        Path out = dir.resolve("out");

        BatchRunner.Summary s = run(lines(1), out, null, (call, context) -> CompletableFuture.supplyAsync(() -> {
            sleep(100);
            context.progress().submitted("job-7");
            awaitManifest(out, "\"job\":\"job-7\"");
            ScriptedProvider.storeImage(call, context);
            return ProviderResult.builder().jobId("job-7").build();
        }));

        assertThat(s.totals().done()).isEqualTo(1);
        assertThat(statuses(out)).containsExactly("submitted", "done");
        assertThat(out.resolve("line-1.png")).exists();
    }

    private BatchRunner.Summary run(Path file, Path out, Cost budget,
            BiFunction<ProviderCall, GenerationContext, CompletableFuture<ProviderResult>> script) throws Exception {
        BatchRunner.Options options = new BatchRunner.Options(file, out, 1, budget, false, false, Progress.Mode.NONE,
                Duration.ofSeconds(5));
        try (SeedreamClient client = SeedreamClient.builder().provider(new ScriptedProvider(script))
                .timeout(Duration.ofSeconds(30)).build()) {
            return new BatchRunner(options, io, client).run();
        }
    }

    private Path lines(int count) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add("{\"prompt\": \"p" + i + "\", \"size\": \"1K\"}");
        }
        return Files.write(dir.resolve("lines-" + count + ".jsonl"), lines);
    }

    private static List<String> statuses(Path out) throws Exception {
        return BatchCommandTest.manifest(out).stream().map(r -> r.status().name().toLowerCase()).toList();
    }

    /** Waits until the manifest holds {@code text}; the provider's result must not come first. */
    private static void awaitManifest(Path out, String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (!Files.readString(out.resolve("manifest.jsonl")).contains(text)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the manifest never recorded " + text);
                }
                sleep(10);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
