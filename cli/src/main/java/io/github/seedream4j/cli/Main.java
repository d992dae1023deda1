package io.github.seedream4j.cli;

import io.github.seedream4j.SeedreamException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code seedream} command line. {@link #run} is the testable entry point; {@link #main} exits with its code. */
public final class Main {

    private Main() {
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line, writing to {@code out} and {@code err}, and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Io io = new Io(out, err);
        CommandLine cl = commandLine(io);
        return cl.execute(args);
    }

    static CommandLine commandLine(Io io) {
        CommandLine cl = new CommandLine(new Root(io));
        cl.addSubcommand(new CommandLine(new GenerateCommand(io)));
        cl.addSubcommand(new CommandLine(new EstimateCommand(io)));
        cl.addSubcommand(new CommandLine(new ProvidersCommand(io)));
        cl.addSubcommand(new CommandLine(new BatchCommand(io)));
        cl.setOut(new PrintWriter(io.out, true));
        cl.setErr(new PrintWriter(io.err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(110);
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            io.error(e.getMessage().strip().replace(System.lineSeparator(), " ") + " (see: "
                    + c.getCommandSpec().qualifiedName() + " --help)");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            if (io.debug) {
                e.printStackTrace(io.err);
            }
            if (e instanceof SeedreamException) {
                // on the command line the policy is --strict
                io.error(oneLine(e.getMessage()).replace("set the unsupported-option policy to WARN to send the request "
                        + "without it", "drop --strict to send the request without it"));
                return ExitCodes.of((SeedreamException) e);
            }
            if (e instanceof UsageException) {
                io.error(oneLine(e.getMessage()));
                return ExitCodes.USAGE;
            }
            if (e instanceof UncheckedIOException) {
                io.error(oneLine(e.getMessage()));
                return ExitCodes.GENERATION_FAILED;
            }
            io.error("unexpected " + e.getClass().getName() + ": " + oneLine(String.valueOf(e.getMessage()))
                    + "; this is a bug, please report it with the output of --debug");
            return ExitCodes.GENERATION_FAILED;
        });
        return cl;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** Reads the version stamped into the jar at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // fall through to "unknown"
            }
            return new String[] {"seedream " + p.getProperty("version", "unknown") + " (seedream4j, Java "
                    + Runtime.version() + ")"};
        }
    }

    @Command(name = "seedream", mixinStandardHelpOptions = true, versionProvider = Version.class,
            synopsisSubcommandLabel = "COMMAND",
            description = {"Generate images with ByteDance's Seedream 4.0 through any seedream4j provider.", ""},
            footer = {"%nExamples:",
                    "  seedream generate \"a lighthouse at dawn\" --provider fake --size 2K --aspect 16:9 \\",
                    "      --seed 7 --out lighthouse.png",
                    "  seedream estimate \"a lighthouse at dawn\" --provider runpod --size 4K",
                    "  seedream providers",
                    "  seedream batch prompts.jsonl --out images/ --concurrency 4 --max-cost 2.00",
                    ExitCodes.FOOTER})
    static final class Root implements java.util.concurrent.Callable<Integer> {
        private final Io io;

        Root(Io io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            io.error("a command is required: generate, estimate, providers or batch (see: seedream --help)");
            return ExitCodes.USAGE;
        }
    }
}
