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
     * Rule of defect 6: over random ids, counts and sets, the expanded names (a set's numbered files among them) of the units that are kept are unique (ignoring
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
                String many = (random.nextBoolean() ? "\"n\": " : "\"max_images\": ") + (1 + random.nextInt(3));
                lines.add("{" + id + "\"prompt\": \"p\", \"size\": \"1K\", " + many + "}");
            }
            BatchFile.Contents c = read(lines);

            Set<String> names = new HashSet<>();
            for (BatchFile.Unit u : c.units()) {
                for (String name : u.fileNames()) {
                    assertThat(names.add(name.toLowerCase(Locale.ROOT))).as(lines + " " + name).isTrue();
                }
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

    /** A set's numbered files take part in the collision check, whichever line comes first. */
    @Test
    void expand_aSetsNumberedFilesCollideWithAnotherLinesName() throws Exception {
        BatchFile.Contents setFirst = read(List.of("{\"id\": \"fox\", \"prompt\": \"a\", \"max_images\": 3}",
                "{\"id\": \"FOX-2\", \"prompt\": \"b\"}"));
        BatchFile.Contents setLast = read(List.of("{\"id\": \"fox-2\", \"prompt\": \"b\"}",
                "{\"id\": \"fox\", \"prompt\": \"a\", \"max_images\": 3}"));

        assertThat(setFirst.lines().get(1).error()).isEqualTo("its file name 'FOX-2' is also the name of line 1 image "
                + "2 (files get the line's id, plus -1, -2, ... when n or max_images is above 1); give this line "
                + "another id");
        assertThat(setLast.lines().get(1).error()).isEqualTo("its file name 'fox-2' is also the name of line 1 (files "
                + "get the line's id, plus -1, -2, ... when n or max_images is above 1); give this line another id");
        assertThat(setFirst.units()).singleElement().satisfies(u -> {
            assertThat(u.fileNames()).containsExactly("fox", "fox-1", "fox-2", "fox-3");
            assertThat(u.image()).isZero();
            assertThat(u.request().maxImages()).hasValue(3);
        });
    }

    /**
     * A line written before images, models and sets existed keeps its fingerprint, so manifests written then still
     * match (the value is the one earlier versions computed for this line).
     */
    @Test
    void fingerprint_ofALineWithoutTheNewFieldsIsTheOneEarlierManifestsHold() throws Exception {
        BatchFile.Contents c = read(List.of("{\"prompt\": \"a red fox\", \"size\": \"2K\", \"aspect\": \"16:9\", "
                + "\"seed\": 7}"));

        assertThat(c.units().get(0).fingerprint()).isEqualTo("56d4abe7a901f249");
    }

    /** Reference images count by their content, not their path; the model and the set's size count too. */
    @Test
    void fingerprint_coversImageContentModelAndSetButNotThePath() throws Exception {
        Files.write(dir.resolve("cat.png"), RunpodStub.png(32, 32));
        Files.createDirectories(dir.resolve("moved"));
        Files.copy(dir.resolve("cat.png"), dir.resolve("moved/kitty.png"));
        String base = "{\"prompt\": \"the cat in a hat\", \"size\": \"2K\", \"seed\": 7, \"images\": [\"cat.png\"]}";
        String original = read(List.of(base)).units().get(0).fingerprint();

        assertThat(fingerprint(base.replace("cat.png", "moved/kitty.png"))).isEqualTo(original);
        assertThat(fingerprint(base.replace("\"cat.png\"", "\"cat.png\", \"cat.png\""))).isNotEqualTo(original);
        assertThat(fingerprint(base.replace("\"cat.png\"", "\"https://images.example/cat.png\"")))
                .isNotEqualTo(original).isNotEqualTo(fingerprint(base.replace("\"cat.png\"",
                        "\"https://images.example/cat.png?v=2\"")));
        assertThat(fingerprint(base.replace("}", ", \"model\": \"4.5\"}"))).isNotEqualTo(original);
        assertThat(fingerprint(base.replace("}", ", \"max_images\": 2}"))).isNotEqualTo(original);
        assertThat(fingerprint(base.replace(", \"images\": [\"cat.png\"]", ""))).isNotEqualTo(original);
        Files.write(dir.resolve("cat.png"), RunpodStub.png(32, 33));
        assertThat(fingerprint(base)).isNotEqualTo(original);
    }

    /** Images are files relative to the batch file's directory, read and checked when the batch file is read. */
    @Test
    void read_imagesAreRelativeToTheBatchFileAndCheckedWhenRead() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("job"));
        Files.write(sub.resolve("cat.png"), RunpodStub.png(32, 32));
        Files.writeString(sub.resolve("notes.png"), "not an image");
        Path file = Files.write(sub.resolve("b.jsonl"), List.of(
                "{\"prompt\": \"x\", \"images\": [\"cat.png\", \"https://images.example/hat.png\"]}",
                "{\"prompt\": \"x\", \"images\": [\"missing.png\"]}",
                "{\"prompt\": \"x\", \"images\": [\"notes.png\"]}",
                "{\"prompt\": \"x\", \"images\": \"cat.png\"}",
                "{\"prompt\": \"x\", \"images\": [\"http://images.example/hat.png\"]}",
                "{\"prompt\": \"x\", \"model\": \"6\"}",
                "{\"prompt\": \"x\", \"max_images\": 0}",
                "{\"prompt\": \"x\", \"max_images\": \"3\"}",
                "{\"prompt\": \"x\", \"max_images\": 2, \"n\": 2}",
                "{\"prompt\": \"x\", \"images\": [" + "\"cat.png\", ".repeat(14) + "\"cat.png\"]}"));

        BatchFile.Contents c = BatchFile.read(file);

        assertThat(c.lines()).extracting(BatchFile.Line::error).containsExactly(null,
                "reference image file " + sub.resolve("missing.png") + " does not exist: check the path",
                "reference image (file " + sub.resolve("notes.png") + ") is not a PNG, JPEG or WebP image (judged by "
                        + "its content, not its name); convert it to PNG or JPEG",
                "field 'images' must be a list of strings, each a file (relative to the batch file) or an https URL, "
                        + "such as [\"cat.png\"]",
                "reference image URL 'http://images.example/hat.png' must be an https URL (plain http only to this "
                        + "machine, for tests); give an https address or a file",
                "model '6' is unknown: use one of [4.0, 4.5, 5.0-lite]",
                "max images 0 is out of range: a sequential set has 1 to 15 images",
                "field 'max_images' must be a whole number from 1 to 15",
                "a request asks either for 2 independent images (count) or for a sequential set of up to 2 related "
                        + "images (max images), not both; send one request per set",
                "15 reference images and up to 1 generated images make 16; Seedream takes at most 15 images in and out "
                        + "together: use fewer reference images or ask for fewer images");
        BatchFile.Line first = c.lines().get(0);
        assertThat(first.images()).extracting(BatchFile.Image::file).containsExactly(sub.resolve("cat.png"), null);
        assertThat(first.withImages().images()).hasSize(2);
    }

    /** A file changed after the batch file was read is refused when its line is sent, not sent as something else. */
    @Test
    void withImages_refusesAFileChangedSinceTheBatchFileWasRead() throws Exception {
        Path cat = Files.write(dir.resolve("cat.png"), RunpodStub.png(32, 32));
        BatchFile.Unit unit = read(List.of("{\"prompt\": \"x\", \"images\": [\"cat.png\"]}")).units().get(0);
        Files.write(cat, RunpodStub.png(40, 40));

        assertThat(org.assertj.core.api.Assertions.catchThrowable(unit::withImages)).isInstanceOf(UsageException.class)
                .hasMessage("image file " + cat + " changed after the batch file was read; run the batch again to send "
                        + "it as it is now");
    }

    private String fingerprint(String line) throws Exception {
        return read(List.of(line)).units().get(0).fingerprint();
    }

    private BatchFile.Contents read(List<String> lines) throws Exception {
        return BatchFile.read(Files.write(dir.resolve("b-" + System.nanoTime() + ".jsonl"), lines));
    }
}
