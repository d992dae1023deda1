package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules for reading batch files (issue 16, defects 3, 4, 6, 7 and 15). */
class BatchFileTest {

    @TempDir
    Path dir;

    /**
     * Rule of defects 3 and 4: whatever hostile value a field holds (a huge or over-long number, a deep structure, an
     * over-long string), the line fails alone with a short message, and the line after it is read.
     */
    @Test
    void read_everyHostileValueInEveryFieldFailsItsLineAloneWithAShortMessage() throws Exception {
        List<String> hostile = List.of("1e999999999", "-1e999999999", "9".repeat(5000), "0." + "0".repeat(5000) + "1",
                "[".repeat(20_000) + "]".repeat(20_000), "{\"a\":".repeat(5000) + "1" + "}".repeat(5000),
                "\"" + "x".repeat(100_000) + "\"", "\"\\u001b]0;t\\u0007\"", "true", "null");
        for (String field : BatchLine.FIELDS) {
            List<String> lines = new ArrayList<>();
            for (String value : hostile) {
                lines.add(field.equals("prompt") ? "{\"prompt\": " + value + "}"
                        : "{\"prompt\": \"x\", \"" + field + "\": " + value + "}");
                lines.add("{\"prompt\": \"fine\", \"size\": \"1K\"}");
            }
            BatchFile.Contents c = read(lines);

            for (BatchFile.Line line : c.lines()) {
                if (line.number() % 2 == 0) {
                    assertThat(line.error()).as(field + " line " + line.number()).isNull();
                } else if (line.error() != null) {
                    assertThat(line.error().length()).as(field + ": " + line.error()).isLessThan(300);
                    HostileProviderTest.assertPrintable(line.error());
                }
            }
        }
    }

    @Test
    void read_eachLimitHasItsOwnMessage() throws Exception {
        BatchFile.Contents c = read(List.of(
                "{\"prompt\": \"x\", \"n\": " + "1".repeat(40) + "}",
                "{\"prompt\": \"" + "x".repeat(20_000) + "\"}",
                "{\"prompt\": \"x\", \"" + "k".repeat(100) + "\": 1}",
                "{\"prompt\": \"" + "x".repeat(300_000) + "\"}",
                "{\"prompt\": \"x\", \"seed\": 7.5}",
                "{\"prompt\": \"x\"} {\"prompt\": \"y\"}",
                "{\"prompt\": \"x\", \"prompt\": \"y\"}"));

        assertThat(c.lines()).extracting(BatchFile.Line::error).containsExactly(
                "a number is longer than 32 characters; seeds and counts are short whole numbers",
                "a string is longer than 16384 characters (a prompt may have at most 10000)",
                "a field name is longer than 64 characters; the fields are prompt, id, negative, size, aspect, seed, n, "
                        + "enhance, safety, images, model, max_images",
                "the line is longer than 262144 bytes (it begins '{\"prompt\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxx…'); a "
                        + "line holds one JSON object such as {\"prompt\": \"a red fox\"}",
                "seed '7.5' is not a whole number: use 0 to 2147483647",
                "expected a JSON object such as {\"prompt\": \"a red fox\"}",
                "invalid JSON at column 25: Duplicate Object property \"prompt\"");
    }

    /** Defect 15: a byte-order mark is dropped before line 1 only; line numbers stay an editor's. */
    @Test
    void read_byteOrderMarkBeforeLineOneAndCrLfLineEnds() throws Exception {
        Path file = dir.resolve("bom.jsonl");
        Files.write(file, ("\ufeff{\"prompt\": \"a\"}\r\n\r\n# a comment\r\n{\"prompt\": \"b\"}").getBytes(
                StandardCharsets.UTF_8));

        BatchFile.Contents c = BatchFile.read(file);

        assertThat(c.lines()).extracting(BatchFile.Line::number).containsExactly(1, 4);
        assertThat(c.lines()).allSatisfy(l -> assertThat(l.error()).isNull());
    }

    /**
     * Rule of defect 6: over random ids and counts, the expanded names of the units that are kept are unique (ignoring
     * case), and every line refused for a clash names an earlier line.
     */
    @Test
    void expand_keptUnitsNeverShareAName() throws Exception {
        Random random = new Random(16);
        String[] ids = {"fox", "fox-1", "fox-2", "FOX", "fox-1-1", "line-3", "a", "a-1", "a-2"};
        for (int round = 0; round < 200; round++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String id = random.nextBoolean() ? "\"id\": \"" + ids[random.nextInt(ids.length)] + "\", " : "";
                lines.add("{" + id + "\"prompt\": \"p\", \"size\": \"1K\", \"n\": " + (1 + random.nextInt(3)) + "}");
            }
            BatchFile.Contents c = read(lines);

            Set<String> names = new HashSet<>();
            for (BatchFile.Unit u : c.units()) {
                assertThat(names.add(u.name().toLowerCase(Locale.ROOT))).as(lines + " " + u.name()).isTrue();
            }
            for (BatchFile.Line line : c.lines()) {
                if (line.error() != null) {
                    assertThat(line.error()).startsWith("its file name '").contains("is also the name of line ");
                }
            }
        }
    }

    /**
     * Rule of defect 7: any change to what a line asks for changes its fingerprint; how the line is written (spaces,
     * field order, a seed as a string) does not.
     */
    @Test
    void fingerprint_changesWithEveryRequestFieldButNotWithFormatting() throws Exception {
        String base = "{\"prompt\": \"a red fox\", \"negative\": \"people\", \"size\": \"2K\", \"aspect\": \"16:9\", "
                + "\"seed\": 7, \"enhance\": true, \"safety\": false}";
        List<String> changed = List.of(base.replace("a red fox", "a red fox "), base.replace("people", "cars"),
                base.replace("\"2K\"", "\"1K\""), base.replace("16:9", "4:3"), base.replace("7,", "8,"),
                base.replace("\"enhance\": true", "\"enhance\": false"), base.replace("\"safety\": false", "\"safety\": true"),
                base.replace(", \"negative\": \"people\"", ""), base.replace(", \"seed\": 7", ""));
        List<String> same = List.of(base.replace(": ", ":"), "{\"seed\": \"7\", \"safety\": false, \"enhance\": true, "
                + "\"aspect\": \"16:9\", \"size\": \"2k\", \"negative\": \"people\", \"prompt\": \"a red fox\"}",
                base.replace("}", ", \"id\": \"line-1\"}"));
        String original = read(List.of(base)).units().get(0).fingerprint();

        for (String c : changed) {
            assertThat(read(List.of(c)).units().get(0).fingerprint()).as(c).isNotEqualTo(original);
        }
        for (String s : same) {
            assertThat(read(List.of(s)).units().get(0).fingerprint()).as(s).isEqualTo(original);
        }
    }

    private BatchFile.Contents read(List<String> lines) throws Exception {
        return BatchFile.read(Files.write(dir.resolve("b-" + System.nanoTime() + ".jsonl"), lines));
    }
}
