package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.provider.fake.FakeLedger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch defects of issue 16 as a user meets them, through the command line and the fake provider: each test
 * failed before its fix.
 */
class BatchDefectsTest {

    @TempDir
    Path dir;

    private final String ledger = "defects-" + UUID.randomUUID();

    /** Defect 1: a second batch on a directory that a running batch uses stops before sending anything. */
    @Test
    void batch_secondProcessOnTheSameDirectoryIsRefusedNamingTheFirst() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            lines.add("{\"prompt\": \"p" + i + "\", \"size\": \"1K\"}");
        }
        Path file = Files.write(dir.resolve("eight.jsonl"), lines);
        Path out = dir.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process first = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "batch", file.toString(), "--out", out.toString(), "--provider", "fake", "--set", "latency=400ms",
                "--concurrency", "1").redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile())
                .start();
        try {
            Path manifest = out.resolve("manifest.jsonl");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (first.isAlive() && System.nanoTime() < deadline
                    && !(Files.exists(manifest) && Files.readString(manifest).contains("\"submitted\""))) {
                Thread.sleep(20);
            }
            assertThat(first.isAlive()).as(Files.readString(dir.resolve("first.log"))).isTrue();

            CliRun second = CliRun.of("batch", file.toString(), "--out", out.toString(), "--provider", "fake", "--set",
                    "ledger=" + ledger, "--concurrency", "4");

            assertThat(second.code()).isEqualTo(2);
            assertThat(second.errLines()).containsExactly("seedream: another seedream batch (process " + first.pid()
                    + ", started " + started(out) + ") is writing to " + out + " (its manifest manifest.jsonl is "
                    + "locked); two batches on one directory would pay twice for the same lines. Wait for it to "
                    + "finish, or stop it, then run this command again");
            assertThat(FakeLedger.named(ledger).calls()).isZero();
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Defect 1, the replay: a failure recorded after an image was done does not undo it. */
    @Test
    void batch_failureRecordedAfterDoneDoesNotUndoTheImage() throws Exception {
        Path file = write("{\"prompt\": \"a\", \"size\": \"1K\"}", "{\"prompt\": \"b\", \"size\": \"1K\"}");
        Path out = dir.resolve("out");
        assertThat(batch(file, out).code()).isZero();
        // a late failure of another attempt at line 1, as two concurrent batches used to write it
        Path manifest = out.resolve("manifest.jsonl");
        String done = Files.readAllLines(manifest).stream()
                .filter(l -> l.contains("\"line\":1,") && l.contains("\"status\":\"done\"")).findFirst().orElseThrow();
        Files.writeString(manifest, done.replace("\"status\":\"done\"", "\"status\":\"failed\"") + "\n",
                java.nio.file.StandardOpenOption.APPEND);

        CliRun again = batch(file, out);

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 done (+2 earlier)");
        assertThat(FakeLedger.named(ledger).calls()).isEqualTo(2);
    }

    /** Defect 3: a number that would expand to gigabytes fails its line alone, with a short message. */
    @Test
    void batch_hugeExponentFailsItsLineAloneWithAShortMessage() throws Exception {
        Path file = write("{\"prompt\":\"x\",\"seed\":1e99999}", "{\"prompt\":\"x\",\"id\":1e99999}",
                "{\"prompt\": \"ok\", \"size\": \"1K\"}");

        CliRun r = batch(file, dir.resolve("out"));

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.errLines()).hasSize(1).allSatisfy(l -> assertThat(l.length()).isLessThan(300));
        assertThat(r.errLines().get(0)).isEqualTo("seedream: " + file + " line 1: seed '1e99999' is not a whole "
                + "number: use 0 to 2147483647");
        assertThat(dir.resolve("out/1e99999.png")).exists();
        assertThat(dir.resolve("out/line-3.png")).exists();
        assertThat(Files.size(dir.resolve("out/manifest.jsonl"))).isLessThan(10_000);
    }

    /** Defect 4: a deeply nested line fails alone instead of overflowing the stack. */
    @Test
    void batch_deeplyNestedLineFailsAlone() throws Exception {
        Path file = write("[".repeat(100_000) + "]".repeat(100_000), "{\"prompt\": \"ok\", \"size\": \"1K\"}",
                "{\"prompt\": \"x\", \"seed\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}");

        CliRun r = batch(file, dir.resolve("out"));

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.errLines()).containsExactly(
                "seedream: " + file + " line 1: expected a JSON object such as {\"prompt\": \"a red fox\"}",
                "seedream: " + file + " line 3: field 'seed' must be a whole number from 0 to 2147483647 (or the "
                        + "same as a string)");
        assertThat(dir.resolve("out/line-2.png")).exists();
    }

    /** Defect 6: an id that collides with another line's image after n expands it is refused before anything is sent. */
    @Test
    void batch_namesThatCollideAfterExpansionAreRefusedBeforeSending() throws Exception {
        Path file = write("{\"id\": \"fox\", \"prompt\": \"a fox\", \"size\": \"1K\", \"n\": 2}",
                "{\"id\": \"fox-1\", \"prompt\": \"another fox\", \"size\": \"1K\"}");

        CliRun r = batch(file, dir.resolve("out"));

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.errLines()).containsExactly("seedream: " + file + " line 2: its file name 'fox-1' is also the "
                + "name of line 1 image 1 (files get the line's id, plus -1, -2, ... when n or max_images is above 1); "
                + "give this line another id");
        assertThat(FakeLedger.named(ledger).calls()).isEqualTo(2);
        assertThat(dir.resolve("out/fox-1.png")).exists();
        assertThat(dir.resolve("out/fox-2.png")).exists();
    }

    /** Defect 7: a line edited after its image was made is reported, neither skipped silently nor paid again. */
    @Test
    void batch_lineEditedAfterDoneIsReportedNotSkippedOrRepaid() throws Exception {
        Path file = write("{\"prompt\": \"a red fox\", \"size\": \"1024x1024\"}", "{\"prompt\": \"b\", \"size\": \"1K\"}");
        Path out = dir.resolve("out");
        assertThat(batch(file, out).code()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("line-1.png"));
        write("{\"prompt\": \"a BLUE whale\", \"size\": \"2048x2048\"}", "{\"prompt\": \"b\", \"size\": \"1K\"}");

        CliRun again = batch(file, out);

        assertThat(again.code()).isEqualTo(3);
        assertThat(again.errLines()).containsExactly("seedream: " + file + " line 1: its request changed since its "
                + "image line-1.png was made; it is not generated again. Restore the line to keep that image, give the "
                + "line a new id to make the new image beside it, or pass --force to replace the image (and pay again)");
        assertThat(again.out()).contains("0 done (+1 earlier), 0 failed, 0 skipped, 1 changed");
        assertThat(FakeLedger.named(ledger).calls()).isEqualTo(2);
        assertThat(Files.readAllBytes(out.resolve("line-1.png"))).isEqualTo(before);

        CliRun forced = CliRun.of("batch", file.toString(), "--out", out.toString(), "--provider", "fake", "--set",
                "ledger=" + ledger, "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(FakeLedger.named(ledger).calls()).isEqualTo(3);
        assertThat(Files.readAllBytes(out.resolve("line-1.png"))).isNotEqualTo(before);
    }

    /** Defect 15: a UTF-8 byte-order mark before the first line is accepted. */
    @Test
    void batch_byteOrderMarkIsAccepted() throws Exception {
        Path file = dir.resolve("bom.jsonl");
        Files.write(file, ("\ufeff{\"prompt\": \"a\", \"size\": \"1K\"}\n").getBytes(StandardCharsets.UTF_8));

        CliRun r = batch(file, dir.resolve("out"));

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(dir.resolve("out/line-1.png")).exists();
    }

    private String started(Path out) throws Exception {
        return Files.readAllLines(out.resolve(".manifest.lock")).stream().filter(l -> l.startsWith("started="))
                .map(l -> l.substring(8)).findFirst().orElseThrow();
    }

    private CliRun batch(Path file, Path out) {
        return CliRun.of("batch", file.toString(), "--out", out.toString(), "--provider", "fake", "--set",
                "ledger=" + ledger, "--concurrency", "2");
    }

    private Path write(String... lines) throws Exception {
        return Files.write(dir.resolve("prompts.jsonl"), List.of(lines));
    }
}
