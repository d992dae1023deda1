package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line against a Runpod stand-in that misbehaves after it was paid: terminal escapes in its errors
 * (issue 16, defect 11), unusable costs (defect 5), images that cannot be fetched (defect 2).
 */
class HostileProviderTest {

    static final String ESCAPES = "\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202egnp.exe";

    @TempDir
    Path dir;
    private RunpodStub stub;

    @BeforeEach
    void start() {
        stub = new RunpodStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    /** Defect 11: a FAILED job whose error holds terminal escapes; nothing but printable text reaches the terminal. */
    @Test
    void generate_providerErrorWithTerminalEscapesIsPrintedWithoutThem() {
        stub.failed(ESCAPES + " boom");
        for (List<String> extra : List.of(List.<String>of(), List.of("--verbose", "--debug"))) {
            List<String> args = new ArrayList<>(List.of("generate", "x", "--size", "1024x1024", "--out",
                    dir.resolve("x.png").toString()));
            args.addAll(stub.options(dir));
            args.addAll(extra);

            CliRun r = CliRun.of(args.toArray(String[]::new));

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("]0;pwned").contains("boom");
            assertPrintable(r.out());
            assertPrintable(r.err());
        }
    }

    /** Defect 11 in a batch: the error line and the manifest's error, through the same sanitiser. */
    @Test
    void batch_providerErrorWithTerminalEscapesIsPrintedWithoutThem() throws Exception {
        stub.failed(ESCAPES);
        Path file = Files.writeString(dir.resolve("p.jsonl"), "{\"prompt\": \"a\", \"size\": \"1024x1024\"}\n");

        CliRun r = batch(file, dir.resolve("out"));

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("]0;pwned");
        assertPrintable(r.out());
        assertPrintable(r.err());
        assertPrintable(Files.readString(dir.resolve("out/index.html")).replace("\n", ""));
    }

    /**
     * Defect 5: a cost that cannot be a cost, reported after the image was fetched. Core turns an unreadable or
     * negative amount into a warning and the estimate, so the image is kept and the run succeeds.
     */
    @ParameterizedTest
    @ValueSource(strings = {"-1", "1E+2147483647"})
    void generate_unreadableReportedCostKeepsThePaidImageAtItsEstimate(String cost) throws Exception {
        stub.completed("{\"cost\":" + cost + ",\"image_url\":\"URL\"}").image();

        CliRun r = generate();

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ImageIO.read(dir.resolve("x.png").toFile()).getWidth()).isEqualTo(1024);
        assertThat(r.out()).contains("cost 0.028311552 USD (estimated)");
        assertThat(r.err()).startsWith("seedream: warning: implausible-cost: the provider reported a cost of '");
    }

    /** Defect 5: a readable cost too large to believe is kept off the books: the image is kept, its cost unknown. */
    @Test
    void generate_absurdReportedCostKeepsThePaidImageWithUnknownCost() throws Exception {
        stub.completed("{\"cost\":1e9,\"image_url\":\"URL\"}").image();

        CliRun r = generate();

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ImageIO.read(dir.resolve("x.png").toFile()).getWidth()).isEqualTo(1024);
        assertThat(r.out()).contains("cost unknown");
        assertThat(r.err()).startsWith("seedream: warning: cost-unknown: provider runpod reported ");
    }

    private CliRun generate() {
        List<String> args = new ArrayList<>(List.of("generate", "x", "--size", "1024x1024", "--out",
                dir.resolve("x.png").toString()));
        args.addAll(stub.options(dir));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Defect 5 in a batch: every line done with its image, and a rerun has nothing left to do. */
    @Test
    void batch_negativeReportedCostKeepsEveryPaidImageAndARerunIsClean() throws Exception {
        stub.completed("{\"cost\":-1,\"image_url\":\"URL\"}").image();
        Path file = Files.writeString(dir.resolve("p.jsonl"), "{\"prompt\": \"a\", \"size\": \"1024x1024\"}\n"
                + "{\"prompt\": \"b\", \"size\": \"1024x1024\"}\n{\"prompt\": \"c\", \"size\": \"1024x1024\"}\n");
        Path out = dir.resolve("out");

        CliRun first = batch(file, out);

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("3 done, 0 failed");
        assertThat(out.resolve("line-1.png")).exists();
        assertThat(out.resolve("line-3.png")).exists();

        CliRun again = batch(file, out);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 done (+3 earlier)");
        assertThat(stub.posts()).isEqualTo(3);
    }

    /**
     * Defect 2: every image download fails after Runpod accepted (and billed) the job. With a budget of three
     * estimates, three jobs are sent, not ten, and the summary says they may have been billed.
     */
    @Test
    void batch_budgetCountsJobsThatWereBilledButLost() throws Exception {
        stub.completed("{\"cost\":0.0283,\"image_url\":\"URL\"}").imageGone();
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            lines.append("{\"prompt\": \"p").append(i).append("\", \"size\": \"1024x1024\"}\n");
        }
        Path file = Files.writeString(dir.resolve("p.jsonl"), lines);
        List<String> args = new ArrayList<>(List.of("batch", file.toString(), "--out", dir.resolve("out").toString(),
                "--concurrency", "1", "--max-cost", "0.10"));
        args.addAll(stub.options(dir));

        CliRun r = CliRun.of(args.toArray(String[]::new));

        assertThat(r.code()).isEqualTo(3);
        assertThat(stub.posts()).isEqualTo(3);
        assertThat(r.out()).contains("0 done, 3 failed, 7 skipped")
                .contains("3 image(s) may have been billed but were not saved (estimated 0.084934656 USD)");
    }

    private CliRun batch(Path file, Path out) {
        List<String> args = new ArrayList<>(List.of("batch", file.toString(), "--out", out.toString()));
        args.addAll(stub.options(dir));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Rule of defect 11: nothing printed holds a control character other than the line break (and a tab). */
    static void assertPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 && c < 0xa0
                    || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
            assertThat(control).as("control character U+%04X at %d in: %s", (int) c, i, text).isFalse();
        }
    }
}
