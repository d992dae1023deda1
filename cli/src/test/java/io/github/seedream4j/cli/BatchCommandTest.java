package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.provider.fake.FakeLedger;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import org.junit.jupiter.api.io.TempDir;

class BatchCommandTest {

    @TempDir
    Path dir;

    private final String ledger = "batch-" + UUID.randomUUID();

    @Test
    void batch_malformedLineFailsAloneAndTheOthersAreWritten() throws Exception {
        Path file = write("{\"prompt\": \"a red fox\", \"size\": \"1K\"}",
                "{\"prompt\": \"a lighthouse\", \"id\": \"../../etc/light house\", \"size\": \"1024x1024\", \"seed\": 3}",
                "{\"prompt\": \"broken\", ",
                "{\"prompt\": \"a cat\", \"size\": \"1K\", \"aspect\": \"16:9\"}",
                "{\"prompt\": \"two owls\", \"size\": \"1K\", \"n\": 2}");
        Path out = dir.resolve("images");

        CliRun r = batch(file, out);

        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.errLines()).containsExactly("seedream: " + file + " line 3: invalid JSON: the line ends before its "
                + "object is closed; a line holds one whole object such as {\"prompt\": \"a red fox\"}");
        assertThat(out.resolve("line-1.png")).exists();
        assertThat(out.resolve("etc_light_house.png")).exists();
        BufferedImage cat = ImageIO.read(out.resolve("line-4.png").toFile());
        assertThat(cat.getWidth()).isEqualTo(1312);
        assertThat(out.resolve("line-5-1.png")).exists();
        assertThat(out.resolve("line-5-2.png")).exists();
        assertThat(Files.list(out).filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(5);
        List<ManifestRecord> records = manifest(out);
        assertThat(status(records, "done")).containsExactlyInAnyOrder("1", "2", "4", "5/1", "5/2");
        assertThat(status(records, "failed")).containsExactly("3");
        assertThat(status(records, "submitted")).containsExactlyInAnyOrder("1", "2", "4", "5/1", "5/2");
        assertThat(r.out()).contains("5 done, 1 failed, 0 skipped");
        assertThat(FakeLedger.named(ledger).calls()).isEqualTo(5);
    }

    @Test
    void batch_unknownFieldAndImpossibleSizeNameTheLine() throws Exception {
        Path file = write("{\"prompt\": \"a\", \"colour\": \"red\"}", "{\"prompt\": \"b\", \"size\": \"0x5\"}",
                "{\"prompt\": \"c\", \"size\": \"1K\"}");

        CliRun r = batch(file, dir.resolve("out"));

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.errLines()).containsExactly(
                "seedream: " + file + " line 1: unknown field 'colour'; the fields are prompt, id, negative, size, "
                        + "aspect, seed, n, enhance, safety, images, model, max_images",
                "seedream: " + file + " line 2: resolution 0x5 is invalid: each side must be a whole number of pixels "
                        + "from 1 to 65536, for example 2048x2048");
        assertThat(dir.resolve("out/line-3.png")).exists();
    }

    @Test
    void batch_rerunSkipsLinesAlreadyDone() throws Exception {
        Path file = write("{\"prompt\": \"a\", \"size\": \"1K\"}", "{\"prompt\": \"b\", \"size\": \"1K\"}",
                "{\"prompt\": \"c\", \"size\": \"1K\"}");
        Path out = dir.resolve("out");

        assertThat(batch(file, out).code()).isZero();
        assertThat(FakeLedger.named(ledger).calls()).isEqualTo(3);

        CliRun again = batch(file, out);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 done (+3 earlier)");
        assertThat(FakeLedger.named(ledger).calls()).isEqualTo(3);
    }

    @Test
    void batch_jobSubmittedButNotRecordedDoneIsResumedNotResubmitted() throws Exception {
        Path file = write("{\"prompt\": \"a\", \"size\": \"1K\"}", "{\"prompt\": \"b\", \"size\": \"1K\"}");
        Path out = dir.resolve("out");
        assertThat(batch(file, out).code()).isZero();
        // as if the process died after the provider accepted line 2 but before its result arrived
        Path manifest = out.resolve(Manifest.FILE_NAME);
        List<String> kept = Files.readAllLines(manifest).stream()
                .filter(l -> !(l.contains("\"line\":2,") && l.contains("\"status\":\"done\""))).collect(Collectors.toList());
        Files.write(manifest, kept);
        Files.delete(out.resolve("line-2.png"));

        CliRun again = batch(file, out);

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("1 done (+1 earlier), 1 resumed");
        assertThat(FakeLedger.named(ledger).calls()).isEqualTo(2);
        assertThat(out.resolve("line-2.png")).exists();
        List<ManifestRecord> records = manifest(out);
        assertThat(status(records, "submitted")).containsExactlyInAnyOrder("1", "2");
        assertThat(records.get(records.size() - 1).resumed()).isTrue();
        assertThat(records.get(records.size() - 1).status()).isEqualTo(ManifestRecord.Status.DONE);
    }

    @Test
    void batch_stopsSubmittingBeforeTheBudgetWouldBeExceeded() throws Exception {
        Path file = write("{\"prompt\": \"a\", \"size\": \"1K\"}", "{\"prompt\": \"b\", \"size\": \"1K\"}",
                "{\"prompt\": \"c\", \"size\": \"1K\"}", "{\"prompt\": \"d\", \"size\": \"1K\"}");
        Path out = dir.resolve("out");

        CliRun r = CliRun.of("batch", file.toString(), "--out", out.toString(), "--provider", "fake", "--set",
                "ledger=" + ledger, "--set", "price=0.03/image", "--concurrency", "1", "--max-cost", "0.07");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.errLines()).filteredOn(l -> !l.contains(" progress ")).containsExactly("seedream: budget: line 3 could cost 0.03 USD, which would take this run "
                + "past --max-cost 0.07 USD (spent or committed: 0.06 USD); no more lines are submitted. Raise "
                + "--max-cost and run the same command again to continue");
        assertThat(FakeLedger.named(ledger).calls()).isEqualTo(2);
        assertThat(status(manifest(out), "skipped")).containsExactly("3", "4");
        assertThat(r.out()).contains("2 done, 0 failed, 2 skipped; cost 0 USD reported + 0.06 USD estimated");

        CliRun more = CliRun.of("batch", file.toString(), "--out", out.toString(), "--provider", "fake", "--set",
                "ledger=" + ledger, "--set", "price=0.03/image", "--max-cost", "1");
        assertThat(more.code()).as(more.err()).isZero();
        assertThat(FakeLedger.named(ledger).calls()).isEqualTo(4);
    }

    @Test
    void batch_killedMidwayLosesNothingAndSubmitsNoLineTwice() throws Exception {
        int count = 12;
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add("{\"prompt\": \"picture " + i + "\", \"size\": \"1K\"}");
        }
        Path file = write(lines.toArray(String[]::new));
        Path out = dir.resolve("out");
        Path manifest = out.resolve(Manifest.FILE_NAME);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "batch", file.toString(), "--out", out.toString(), "--provider", "fake", "--set", "latency=300ms",
                "--concurrency", "2").redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (doneCount(manifest) < 3 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        List<ManifestRecord> first = manifest(out);
        List<String> doneBefore = status(first, "done");
        List<String> submittedBefore = status(first, "submitted");
        assertThat(doneBefore).as(Files.readString(dir.resolve("child.log"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(doneBefore.size()).as("killed before the end").isLessThan(count);

        CliRun again = CliRun.of("batch", file.toString(), "--out", out.toString(), "--provider", "fake", "--set",
                "ledger=" + ledger, "--concurrency", "2");

        assertThat(again.code()).as(again.err()).isZero();
        List<ManifestRecord> all = manifest(out);
        List<String> done = status(all, "done");
        assertThat(done).hasSize(count).doesNotHaveDuplicates();
        List<String> submitted = status(all, "submitted");
        assertThat(submitted).hasSize(count).doesNotHaveDuplicates();
        // this run submitted only what the killed one never had
        assertThat(FakeLedger.named(ledger).calls()).isEqualTo(count - submittedBefore.size());
        for (int i = 1; i <= count; i++) {
            assertThat(out.resolve("line-" + i + ".png")).exists();
        }
    }

    private CliRun batch(Path file, Path out) {
        return CliRun.of("batch", file.toString(), "--out", out.toString(), "--provider", "fake", "--set",
                "ledger=" + ledger, "--concurrency", "2");
    }

    private Path write(String... lines) throws Exception {
        Path file = dir.resolve("prompts.jsonl");
        Files.write(file, List.of(lines));
        return file;
    }

    private static long doneCount(Path manifest) throws Exception {
        if (!Files.exists(manifest)) {
            return 0;
        }
        return Files.readAllLines(manifest).stream().filter(l -> l.contains("\"status\":\"done\"")).count();
    }

    static List<ManifestRecord> manifest(Path out) throws Exception {
        List<ManifestRecord> records = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve(Manifest.FILE_NAME))) {
            if (!line.isBlank()) {
                try {
                    records.add(Jsons.MAPPER.readValue(line, ManifestRecord.class));
                } catch (JacksonException e) {
                    // a record cut by kill -9
                }
            }
        }
        return records;
    }

    /** "line" or "line/image" of every record with this status. */
    static List<String> status(List<ManifestRecord> records, String status) {
        return records.stream().filter(r -> r.status().name().equalsIgnoreCase(status))
                .map(r -> r.line() + (r.image() == null ? "" : "/" + r.image()))
                .collect(Collectors.toList());
    }

    static String pathSeparator() {
        return File.pathSeparator;
    }
}
