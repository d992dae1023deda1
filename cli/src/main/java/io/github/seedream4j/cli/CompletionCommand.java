package io.github.seedream4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Prints a shell completion script generated from the command model by picocli, so it always matches the options.
 * The distribution ships the same scripts, generated at build time by {@link #main}; that is why this class is
 * public (the module exports nothing).
 */
public final class CompletionCommand implements Callable<Integer> {

    private static final String[] DESCRIPTION = {"Print a completion script for bash or zsh.", ""};
    private static final String[] FOOTER = {"%nExamples:",
            "  source <(seedream completion bash)                 # bash, this shell",
            "  seedream completion zsh > \"${fpath[1]}/_seedream\"  # zsh, from the next shell on",
            ExitCodes.FOOTER};

    /** The shells a script is made for. */
    enum Shell {
        /** bash 4+. */
        BASH,
        /** zsh, through its bash completion layer. */
        ZSH
    }

    private final Io io;
    private final PositionalParamSpec shell = Specs.parameter("0", "1", "SHELL", Shell.class, "bash or zsh.");

    CompletionCommand(Io io) {
        this.io = io;
    }

    /** The command's model, bound to this instance. */
    CommandSpec spec() {
        CommandSpec spec = Specs.command(this, "completion", true, DESCRIPTION, FOOTER);
        spec.addPositional(shell);
        return Specs.standardHelp(spec);
    }

    @Override
    public Integer call() {
        script(shell.getValue()).lines().forEach(io::printHelpLine);
        return ExitCodes.OK;
    }

    /** The completion script for {@code shell}. */
    static String script(Shell shell) {
        // the model only: nothing runs, so its streams are never written
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine model = Main.commandLine(new Io(InputStream.nullInputStream(), nowhere, nowhere));
        String bash = AutoComplete.bash("seedream", model);
        if (shell == Shell.BASH) {
            return bash;
        }
        return "#compdef seedream\n# zsh completion for seedream, generated from its command model; it runs the bash "
                + "script below\n# through zsh's bashcompinit.\nautoload -U +X compinit && compinit\n"
                + "autoload -U +X bashcompinit && bashcompinit\n" + bash;
    }

    /**
     * Writes {@code seedream.bash} and {@code _seedream} (zsh) into the directory {@code args[0]}; run by the build.
     *
     * @param args the target directory
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("seedream.bash"), script(Shell.BASH), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("_seedream"), script(Shell.ZSH), StandardCharsets.UTF_8);
    }
}
