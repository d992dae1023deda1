package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.cli.ManifestRecord.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's lock and replay (issue 16, defect 1). */
class ManifestTest {

    @TempDir
    Path dir;

    /**
     * Rule of defect 1: replayed in any order, the records of an image that was ever done leave it done, and a job is
     * owed only while no later record settles it.
     */
    @Test
    void replay_laterRecordsNeverUndoADoneImage() throws Exception {
        Random random = new Random(1);
        Status[] statuses = Status.values();
        for (int round = 0; round < 300; round++) {
            List<ManifestRecord> records = new ArrayList<>();
            int count = 1 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                Status s = statuses[random.nextInt(statuses.length)];
                records.add(new ManifestRecord(1, null, "fox", s, "fake", random.nextBoolean() ? "job-" + random.nextInt(3)
                        : null, null, null, null, null, null, null, null, null, null, null, null, "f", "t"));
            }
            Path out = dir.resolve("r" + round);
            Files.createDirectories(out);
            StringBuilder text = new StringBuilder();
            for (ManifestRecord r : records) {
                text.append(Jsons.MAPPER.writeValueAsString(r)).append('\n');
            }
            Files.writeString(out.resolve(Manifest.FILE_NAME), text);

            Manifest.Entry e;
            try (Manifest m = Manifest.open(out)) {
                e = m.entry("fox").orElseThrow();
            }

            boolean everDone = records.stream().anyMatch(r -> r.status() == Status.DONE);
            assertThat(e.done != null).as(records.toString()).isEqualTo(everDone);
            int lastDone = -1;
            for (int i = 0; i < records.size(); i++) {
                if (records.get(i).status() == Status.DONE) {
                    lastDone = i;
                }
            }
            if (e.pending != null) {
                int at = records.lastIndexOf(e.pending);
                assertThat(at).as(records.toString()).isGreaterThan(lastDone);
                for (ManifestRecord later : records.subList(at + 1, records.size())) {
                    assertThat(later.status() == Status.FAILED && e.pending.job().equals(later.job())).isFalse();
                }
            }
        }
    }

    /** Defect 1 within one process: the second opener is refused while the first holds the lock, then may open. */
    @Test
    void open_secondOpenerIsRefusedUntilTheFirstCloses() {
        Path out = dir.resolve("out");
        try (Manifest first = Manifest.open(out)) {
            assertThat(first.file()).exists();
            assertThatThrownBy(() -> Manifest.open(out)).isInstanceOf(UsageException.class)
                    .hasMessage("another seedream batch (process " + ProcessHandle.current().pid() + ", started "
                            + started(out) + ") is writing to " + out + " (its manifest manifest.jsonl is locked); two "
                            + "batches on one directory would pay twice for the same lines. Wait for it to finish, or "
                            + "stop it, then run this command again");
        }
        try (Manifest again = Manifest.open(out)) {
            assertThat(again.file()).exists();
        }
        assertThat(out.resolve(Manifest.HOLDER_FILE)).doesNotExist();
    }

    @Test
    void open_recordCutShortByACrashIsReportedAndTheRestKept() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        ManifestRecord done = new ManifestRecord(1, null, "fox", Status.DONE, "fake", null, null, null, null, null,
                null, null, null, null, null, null, null, "f", "t");
        Files.writeString(out.resolve(Manifest.FILE_NAME), Jsons.MAPPER.writeValueAsString(done) + "\n{\"line\":2,\"st");

        try (Manifest m = Manifest.open(out)) {
            assertThat(m.problems()).containsExactly("manifest " + m.file() + " line 2 is unreadable and was ignored");
            assertThat(m.entry("fox").orElseThrow().done).isEqualTo(done);
            m.append(done);
        }
        assertThat(Files.readAllLines(out.resolve(Manifest.FILE_NAME))).hasSize(3);
    }

    private static String started(Path out) {
        try {
            return Files.readAllLines(out.resolve(Manifest.HOLDER_FILE)).get(1).substring("started=".length());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
