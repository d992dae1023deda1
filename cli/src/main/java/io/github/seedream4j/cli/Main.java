package io.github.seedream4j.cli;

import io.github.seedream4j.SeedreamException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code seedream} command line. {@link #run} is the testable entry point; {@link #main} exits with its code.
 * Both route the library's {@link System.Logger} records to the CLI's own stderr format for the length of the run
 * (see {@link CliLogging}).
 */
public final class Main {

    /** The subcommands by name, in the order the help lists them. */
    private static final Map<String, Function<Io, CommandSpec>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("generate", io -> new GenerateCommand(io).spec());
        COMMANDS.put("estimate", io -> new EstimateCommand(io).spec());
        COMMANDS.put("providers", io -> new ProvidersCommand(io).spec());
        COMMANDS.put("batch", io -> new BatchCommand(io).spec());
        COMMANDS.put("completion", io -> new CompletionCommand(io).spec());
    }

    /**
     * picocli's system property naming built-in converters it should not set up, and the ones this command line
     * never needs: picocli otherwise loads and initialises every {@code java.sql} and {@code java.time} type it can
     * convert to, reflectively, for each command, which a short run pays for at start-up. No option has such a type
     * ({@code CommandModelTest} keeps it so).
     */
    static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";
    static final String UNUSED_CONVERTERS = "java\\.(sql|time)\\..*";

    private Main() {
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, UNUSED_CONVERTERS);
        }
        Io io = new Io(System.in, System.out, System.err, Terminal.isTerminal(1), Terminal.isTerminal(2));
        System.exit(run(args, io));
    }

    /**
     * Runs the command line with an empty standard input, writing to {@code out} and {@code err}.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, InputStream.nullInputStream(), out, err);
    }

    /**
     * Runs the command line, reading {@code in} (for {@code --set KEY=-}) and writing to {@code out} and {@code err},
     * none of them a terminal.
     *
     * @param args the arguments
     * @param in standard input
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, new Io(in, out, err));
    }

    static int run(String[] args, Io io) {
        CliLogging.begin(io);
        try {
            return commandLine(io, args).execute(args);
        } finally {
            CliLogging.end(io);
        }
    }

    /** The whole command tree, every subcommand's model built: for help and completion scripts. */
    static CommandLine commandLine(Io io) {
        return commandLine(io, new String[0]);
    }

    /**
     * The command tree for {@code args}. Each command's model is built in code (see {@link Specs}), still a good part
     * of the CLI's start-up; when the first argument names a subcommand, only that one is built, and otherwise (no
     * command, {@code --help}, a misspelt name that picocli should suggest a fix for) all of them.
     */
    static CommandLine commandLine(Io io, String[] args) {
        Version version = new Version();
        CommandLine cl = new CommandLine(new Root(io).spec(version));
        String named = args.length > 0 ? args[0] : "";
        for (Map.Entry<String, Function<Io, CommandSpec>> command : COMMANDS.entrySet()) {
            if (!COMMANDS.containsKey(named) || command.getKey().equals(named)) {
                // -V on a subcommand prints the version as it does on seedream itself
                CommandSpec spec = command.getValue().apply(io).versionProvider(version);
                cl.addSubcommand(command.getKey(), new CommandLine(spec));
            }
        }
        // help and version text is ours, not a provider's: printed as picocli renders it
        cl.setOut(new PrintWriter(new LineWriter(io, false), true));
        cl.setErr(new PrintWriter(new LineWriter(io, true), true));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(110);
        Handlers handlers = new Handlers(io);
        cl.setParameterExceptionHandler(handlers);
        cl.setExecutionExceptionHandler(handlers);
        return cl;
    }

    /**
     * What a usage error and a failed command print, and their exit codes. A class rather than two lambdas: picocli's
     * interfaces are Java 5 class files, and a lambda implementing one keeps the lambda out of the launcher's
     * class-data archive.
     */
    private static final class Handlers
            implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
        private final Io io;

        Handlers(Io io) {
            this.io = io;
        }

        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            CommandLine c = e.getCommandLine();
            io.error(e.getMessage() + " (see: " + c.getCommandSpec().qualifiedName() + " --help)");
            return ExitCodes.USAGE;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine c, CommandLine.ParseResult parsed) {
            if (io.debug) {
                io.trace(e);
            }
            if (e instanceof SeedreamException se) {
                io.error(se.getMessage());
                return ExitCodes.of(se);
            }
            if (e instanceof UsageException) {
                io.error(e.getMessage());
                return ExitCodes.USAGE;
            }
            if (e instanceof UncheckedIOException) {
                io.error(e.getMessage());
                return ExitCodes.GENERATION_FAILED;
            }
            io.error("unexpected " + e.getClass().getName() + ": " + e.getMessage()
                    + "; this is a bug, please report it with the output of --debug");
            return ExitCodes.GENERATION_FAILED;
        }
    }

    /** picocli's help and messages, line by line into {@link Io}, which keeps them away from the status line. */
    private static final class LineWriter extends Writer {
        private final Io io;
        private final boolean err;
        private final StringBuilder line = new StringBuilder();

        LineWriter(Io io, boolean err) {
            this.io = io;
            this.err = err;
        }

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char ch = buffer[i];
                if (ch == '\n') {
                    emit();
                } else if (ch != '\r') {
                    line.append(ch);
                }
            }
        }

        private void emit() {
            String text = line.toString();
            line.setLength(0);
            if (err) {
                io.errLine(text);
            } else {
                io.printHelpLine(text);
            }
        }

        @Override
        public synchronized void flush() {
        }

        @Override
        public synchronized void close() {
            if (line.length() > 0) {
                emit();
            }
        }
    }

    /** Reads the version stamped into the jar at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"seedream " + version() + " (seedream4j, Java " + Runtime.version() + ")"};
        }

        static String version() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // fall through to "unknown"
            }
            return p.getProperty("version", "unknown");
        }
    }

    /** {@code seedream} without a command: its help lists the commands. */
    static final class Root implements Callable<Integer> {
        private static final String[] DESCRIPTION = {
                "Generate images with ByteDance's Seedream (4.0, 4.5, 5.0 lite) through any seedream4j provider.", ""};
        private static final String[] FOOTER = {"%nExamples:",
                "  seedream generate \"a lighthouse at dawn\" --provider fake --size 2K --aspect 16:9 \\",
                "      --seed 7 --out lighthouse.png",
                "  seedream estimate \"a lighthouse at dawn\" --provider runpod --size 4K",
                "  seedream providers",
                "  seedream batch prompts.jsonl --out images/ --concurrency 4 --max-cost 2.00",
                "",
                "Secrets (API keys) come from their environment variables (seedream providers lists them) or",
                "from a file or standard input: --set api-key=@FILE, --set api-key=-. Never type them as values.",
                ExitCodes.FOOTER};

        private final Io io;

        Root(Io io) {
            this.io = io;
        }

        CommandSpec spec(Version version) {
            CommandSpec spec = Specs.command(this, "seedream", true, DESCRIPTION, FOOTER).versionProvider(version);
            spec.usageMessage().synopsisSubcommandLabel("COMMAND");
            return Specs.standardHelp(spec);
        }

        @Override
        public Integer call() {
            io.error("a command is required: generate, estimate, providers, batch or completion (see: seedream --help)");
            return ExitCodes.USAGE;
        }
    }
}
