package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.provider.fake.FakeLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch} lines with reference images, a model version and sequential sets, through the fake provider. */
class BatchEditTest {

    @TempDir
    Path dir;

    private final String ledger = "batch-edit-" + UUID.randomUUID();

    @Test
    void batch_editsAndSetsWithImagesRelativeToTheBatchFile() throws Exception {
        Path job = Files.createDirectories(dir.resolve("job"));
        Files.write(job.resolve("cat.png"), RunpodStub.png(64, 48));
        Files.write(job.resolve("hat.png"), RunpodStub.png(32, 32));
        Path file = Files.write(job.resolve("prompts.jsonl"), List.of(
                "{\"id\": \"hat\", \"prompt\": \"put the hat on the cat\", \"images\": [\"cat.png\", \"hat.png\"], "
                        + "\"size\": \"1K\"}",
                "{\"id\": \"story\", \"prompt\": \"a fox's day\", \"model\": \"4.5\", \"max_images\": 3, "
                        + "\"size\": \"2560x1440\"}"));
        Path out = dir.resolve("out");

        CliRun r = batch(file, out);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 done, 0 failed");
        List<GenerationRequest> sent = FakeLedger.named(ledger).requests();
        assertThat(sent).hasSize(2);
        GenerationRequest edit = sent.stream().filter(q -> !q.images().isEmpty()).findFirst().orElseThrow();
        assertThat(edit.images()).extracting(i -> i.origin()).containsExactly("file " + job.resolve("cat.png"),
                "file " + job.resolve("hat.png"));
        GenerationRequest set = sent.stream().filter(q -> q.maxImages().isPresent()).findFirst().orElseThrow();
        assertThat(set.model()).contains(SeedreamModel.V4_5);
        assertThat(set.maxImages()).hasValue(3);
        assertThat(ImageIO.read(out.resolve("hat.png").toFile()).getWidth()).isEqualTo(1024);
        for (int i = 1; i <= 3; i++) {
            assertThat(ImageIO.read(out.resolve("story-" + i + ".png").toFile()).getWidth()).isEqualTo(2560);
        }
        ManifestRecord done = BatchCommandTest.manifest(out).stream()
                .filter(m -> m.name().equals("story") && m.status() == ManifestRecord.Status.DONE).findFirst()
                .orElseThrow();
        assertThat(done.image()).isNull();
        assertThat(done.files()).containsExactly(out.resolve("story-1.png").toString(),
                out.resolve("story-2.png").toString(), out.resolve("story-3.png").toString());
        assertThat(BatchCommandTest.status(BatchCommandTest.manifest(out), "submitted")).containsExactlyInAnyOrder("1",
                "2");
        assertThat(Files.readString(out.resolve("index.html"))).contains("src=\"story-1.png\"")
                .contains("src=\"story-2.png\"").contains("src=\"story-3.png\"").contains("src=\"hat.png\"");

        CliRun again = batch(file, out);

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 done (+2 earlier)");
        assertThat(FakeLedger.named(ledger).calls()).isEqualTo(2);
    }

    /** The fingerprint holds an image's content: new content is a changed line, a moved file is not. */
    @Test
    void batch_imageWithNewContentIsAChangedLineButAMovedImageIsNot() throws Exception {
        Path cat = Files.write(dir.resolve("cat.png"), RunpodStub.png(64, 48));
        Path file = Files.writeString(dir.resolve("p.jsonl"),
                "{\"id\": \"hat\", \"prompt\": \"put the hat on the cat\", \"images\": [\"cat.png\"], \"size\": \"1K\"}\n");
        Path out = dir.resolve("out");
        assertThat(batch(file, out).code()).isZero();
        byte[] original = Files.readAllBytes(cat);

        Files.write(cat, RunpodStub.png(64, 49));
        CliRun changed = batch(file, out);

        assertThat(changed.code()).isEqualTo(3);
        assertThat(changed.errLines()).containsExactly("seedream: " + file + " line 1: its request changed since its "
                + "image hat.png was made; it is not generated again. Restore the line to keep that image, give the "
                + "line a new id to make the new image beside it, or pass --force to replace the image (and pay again)");

        Files.createDirectories(dir.resolve("pictures"));
        Files.write(dir.resolve("pictures/kitty.png"), original);
        Files.writeString(file, "{\"id\": \"hat\", \"prompt\": \"put the hat on the cat\", "
                + "\"images\": [\"pictures/kitty.png\"], \"size\": \"1K\"}\n");
        CliRun moved = batch(file, out);

        assertThat(moved.code()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("0 done (+1 earlier)");
        assertThat(FakeLedger.named(ledger).calls()).isEqualTo(1);
    }

    /** The budget reserves the most a set can cost: every image of it. */
    @Test
    void batch_budgetReservesTheWholeSet() throws Exception {
        Path file = Files.writeString(dir.resolve("p.jsonl"),
                "{\"id\": \"story\", \"prompt\": \"a fox's day\", \"max_images\": 4, \"size\": \"1K\"}\n"
                        + "{\"prompt\": \"one fox\", \"size\": \"1K\"}\n");

        CliRun r = CliRun.of("batch", file.toString(), "--out", dir.resolve("out").toString(), "--provider", "fake",
                "--set", "ledger=" + ledger, "--set", "price=0.03/image", "--max-cost", "0.10", "--progress", "none");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.errLines()).containsExactly("seedream: budget: line 1 could cost 0.12 USD, which would take this "
                + "run past --max-cost 0.1 USD (spent or committed: 0 USD); no more lines are submitted. Raise "
                + "--max-cost and run the same command again to continue");
        assertThat(FakeLedger.named(ledger).calls()).isZero();
        assertThat(r.out()).contains("0 done, 0 failed, 2 skipped");
    }

    /** A set never overwrites: one of its numbered files already there fails the line before anything is sent. */
    @Test
    void batch_setWhoseNumberedFileExistsFailsBeforeSending() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("story-2.png"), "mine");
        Path file = Files.writeString(dir.resolve("p.jsonl"),
                "{\"id\": \"story\", \"prompt\": \"a fox's day\", \"max_images\": 3, \"size\": \"1K\"}\n");

        CliRun r = batch(file, out);

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.errLines()).containsExactly("seedream: " + file + " line 1: file " + out.resolve("story-2.png")
                + " already exists; pass --force to overwrite it, or give the line another id");
        assertThat(FakeLedger.named(ledger).calls()).isZero();
        assertThat(Files.readString(out.resolve("story-2.png"))).isEqualTo("mine");
    }

    private CliRun batch(Path file, Path out) {
        return CliRun.of("batch", file.toString(), "--out", out.toString(), "--provider", "fake", "--set",
                "ledger=" + ledger, "--progress", "none");
    }
}
