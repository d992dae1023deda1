package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.ProviderCatalog;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.SettingKey;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a Unix user expects of the tool (issue 17): stdout for data, quiet stderr, secrets kept out of argv. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void generate_outDashWritesTheImageToStdoutAndTheSummaryToStderr() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"generate", "x", "--provider", "fake", "--size", "1K", "--seed", "3", "--out",
                "-"}, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("seedream: wrote (standard output)  1024x1024  png");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void generate_outDashRefusesATerminalSeveralImagesAndJson() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io terminal = new Io(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), true, true);

        assertThat(Main.run(new String[] {"generate", "x", "--provider", "fake", "--out", "-"}, terminal)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("seedream: --out - writes the image's bytes "
                + "to standard output, which is a terminal; redirect it (--out - > fox.png) or pipe it (--out - | "
                + "display), or give --out FILE");
        assertThat(CliRun.of("generate", "x", "--provider", "fake", "-n", "2", "--out", "-").errLines())
                .containsExactly("seedream: --out - writes one image, and -n asks for 2; use -n 1, or --out FILE for "
                        + "several");
        assertThat(CliRun.of("generate", "x", "--provider", "fake", "--json", "--out", "-").errLines())
                .containsExactly("seedream: --json and --out - both write to standard output; choose one");
    }

    @Test
    void generate_unknownSizeListsTheTiersAndThePixelForm() {
        CliRun r = CliRun.of("generate", "x", "--provider", "fake", "--size", "5K", "--out", out());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: size '5K' is neither a tier (1K, 2K, 3K, 4K) nor exact pixels "
                + "WIDTHxHEIGHT such as 2048x2048");
    }

    /** Rule: no help text shows a secret's value on the command line, for any provider's secret setting. */
    @Test
    void help_neverSuggestsASecretOnTheCommandLine() {
        List<String> helps = new ArrayList<>();
        helps.add(CliRun.of("--help").out());
        for (String command : List.of("generate", "estimate", "providers", "batch", "completion")) {
            helps.add(CliRun.of(command, "--help").out());
        }
        List<Pattern> literal = new ArrayList<>();
        for (ImageProviderFactory f : ProviderCatalog.discover().factories()) {
            for (SettingKey k : f.settings()) {
                if (k.secret()) {
                    literal.add(Pattern.compile(Pattern.quote(k.name()) + "=(?![@<-]|FILE)"));
                    for (String variable : k.environmentVariableNames(f.id())) {
                        literal.add(Pattern.compile(Pattern.quote(variable) + "=(?!\"\\$\\()"));
                    }
                }
            }
        }
        assertThat(literal).isNotEmpty();
        for (String help : helps) {
            assertThat(help).contains("Exit codes:");
            for (Pattern p : literal) {
                assertThat(p.matcher(help).find()).as(p + " in\n" + help).isFalse();
            }
        }
        assertThat(helps.get(1)).contains("--set api-key=@runpod.key").contains("- (read from standard input)");
    }

    @Test
    void generate_readsASecretFromAFileOrStandardInputAndNeverWarns() throws Exception {
        try (RunpodStub stub = new RunpodStub().completed("{\"cost\":0.03,\"image_url\":\"URL\"}").image()) {
            Path key = Files.writeString(dir.resolve("runpod.key"), "rpa_FROM_FILE\n");
            List<String> base = List.of("generate", "x", "--provider", "runpod", "--size", "1024x1024", "--set",
                    "base-url=" + stub.options(dir).get(5).substring("base-url=".length()));

            List<String> fromFile = new ArrayList<>(base);
            fromFile.addAll(List.of("--set", "api-key=@" + key, "--out", out()));
            CliRun file = CliRun.of(fromFile.toArray(String[]::new));
            List<String> fromStdin = new ArrayList<>(base);
            fromStdin.addAll(List.of("--set", "api-key=-", "--out", dir.resolve("b.png").toString()));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(fromStdin.toArray(String[]::new), new ByteArrayInputStream(
                    "rpa_FROM_STDIN\r\n".getBytes(StandardCharsets.UTF_8)), new PrintStream(new ByteArrayOutputStream(),
                    true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(file.code()).as(file.err()).isZero();
            assertThat(file.err()).isEmpty();
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(stub.authorizations()).containsExactly("Bearer rpa_FROM_FILE", "Bearer rpa_FROM_STDIN");
        }
    }

    @Test
    void generate_secretGivenAsAValueWarnsWithoutRepeatingIt() {
        CliRun r = CliRun.of("estimate", "x", "--provider", "runpod", "--size", "1024x1024", "--set",
                "api-key=rpa_LITERAL_123");

        assertThat(r.code()).isZero();
        assertThat(r.errLines()).containsExactly("seedream: warning: --set api-key=<value> puts a secret where other "
                + "users can see it (the process list) and in shell history; use --set api-key=@FILE, --set api-key=- "
                + "(standard input) or the environment variable RUNPOD_API_KEY");
    }

    @Test
    void generate_missingSecretFileNamesThePathNotAValue() {
        CliRun r = CliRun.of("estimate", "x", "--provider", "runpod", "--set", "api-key=@" + dir.resolve("none.key"));

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: --set api-key=@" + dir.resolve("none.key") + ": cannot "
                + "read the file (NoSuchFileException); check the path and its permissions");
    }

    /**
     * Logs: without --verbose or --debug the library prints nothing; with --verbose a retry shows once, as one
     * event line, and a warning is printed exactly once; every line is the CLI's own one-line format.
     */
    @Test
    void generate_libraryLogsOnlyWithVerboseOneLineEachAndEveryWarningOnce() throws Exception {
        for (boolean verbose : List.of(false, true)) {
            try (RunpodStub stub = new RunpodStub().rateLimitedOnce()) {
                List<String> args = new ArrayList<>(List.of("generate", "x", "--size", "1024x1024", "--enhance",
                        "--out", dir.resolve("v" + verbose + ".png").toString()));
                args.addAll(stub.options(dir));
                if (verbose) {
                    args.add("--verbose");
                }

                CliRun r = CliRun.of(args.toArray(String[]::new));

                assertThat(r.code()).as(r.err()).isZero();
                assertThat(r.errLines()).filteredOn(l -> l.contains("unsupported-option")).hasSize(1);
                assertThat(r.errLines()).allSatisfy(l -> assertThat(l).matches("(seedream: |event=).*"));
                assertThat(r.errLines()).noneMatch(l -> l.contains(CliLogging.EVENTS_LOGGER));
                if (verbose) {
                    assertThat(r.errLines()).filteredOn(l -> l.startsWith("event=retried")).hasSize(1);
                } else {
                    assertThat(r.errLines()).hasSize(1);
                }
            }
        }
    }

    /** The CLI's finder is the JVM's: library loggers follow the run's switches, every other logger is off. */
    @Test
    void loggers_libraryOnesFollowTheSwitchesAndOthersAreOff() {
        assertThat(System.LoggerFinder.getLoggerFinder()).isInstanceOf(CliLoggerFinder.class);
        System.Logger library = System.getLogger("io.github.seedream4j.provider.runpod");
        System.Logger jdk = System.getLogger("jdk.internal.httpclient.debug");
        Io io = new Io(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(library.isLoggable(System.Logger.Level.ERROR)).as("no run").isFalse();
        CliLogging.begin(io);
        try {
            assertThat(library.isLoggable(System.Logger.Level.ERROR)).as("quiet").isFalse();
            io.verbose = true;
            CliLogging.level(io);
            assertThat(library.isLoggable(System.Logger.Level.INFO)).isTrue();
            assertThat(library.isLoggable(System.Logger.Level.DEBUG)).isFalse();
            io.debug = true;
            CliLogging.level(io);
            assertThat(library.isLoggable(System.Logger.Level.DEBUG)).isTrue();
            assertThat(library.isLoggable(System.Logger.Level.TRACE)).as("headers").isFalse();
            assertThat(jdk.isLoggable(System.Logger.Level.ERROR)).isFalse();
        } finally {
            CliLogging.end(io);
        }
        assertThat(library.isLoggable(System.Logger.Level.ERROR)).as("after the run").isFalse();
    }

    @Test
    void generate_debugPrintsLibraryRecordsOneLineEach() throws Exception {
        try (RunpodStub stub = new RunpodStub().rateLimitedOnce()) {
            List<String> args = new ArrayList<>(List.of("generate", "x", "--size", "1024x1024", "--debug", "--out",
                    out()));
            args.addAll(stub.options(dir));

            CliRun r = CliRun.of(args.toArray(String[]::new));

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.errLines()).isNotEmpty().allSatisfy(l -> assertThat(l)
                    .matches("seedream: (debug|info|warning|error) \\[io\\.github\\.seedream4j[^\\]]*\\]: .*"));
        }
    }

    @Test
    void completion_scriptsForBashAndZshComeFromTheCommandModel() {
        CliRun bash = CliRun.of("completion", "bash");
        CliRun zsh = CliRun.of("completion", "zsh");

        assertThat(bash.code()).isZero();
        assertThat(bash.out()).contains("complete -F").contains("generate").contains("--max-cost").contains("--progress");
        assertThat(zsh.out()).startsWith("#compdef seedream").contains("bashcompinit").contains("--max-cost");
    }

    private String out() {
        return dir.resolve("out.png").toString();
    }
}
