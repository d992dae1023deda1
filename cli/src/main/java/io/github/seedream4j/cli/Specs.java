package io.github.seedream4j.cli;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;

/**
 * The commands' picocli models, declared in code rather than with picocli's annotations. Reading annotations makes
 * the JDK generate a proxy class for each annotation type met (picocli reads those of every method of a command,
 * {@code Object}'s included), which was a third of the time {@code seedream generate} took to start; the
 * programmatic model holds the same options, help text and behaviour (docs/benchmarks.md, section 7).
 * Each command keeps its {@link ArgSpec}s and reads their values when it runs.
 */
final class Specs {

    private Specs() {
    }

    /**
     * A command's model, without options yet: add them in help order, then {@link #standardHelp}.
     *
     * @param command the user object picocli runs ({@code Callable})
     * @param sortOptions whether the help lists options alphabetically rather than as added
     */
    static CommandSpec command(Object command, String name, boolean sortOptions, String[] description,
            String... footer) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
        spec.usageMessage().description(description).footer(footer).sortOptions(sortOptions);
        return spec;
    }

    /** {@code -h/--help} and {@code -V/--version}, added last as picocli's standard help options are. */
    static CommandSpec standardHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return spec;
    }

    /** An option without a value: false until given. */
    static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).initialValue(false).description(description).build();
    }

    /** An option taking one value of {@code type}; null when not given. */
    static OptionSpec option(String label, Class<?> type, String description, String... names) {
        return OptionSpec.builder(names).paramLabel(label).type(type).description(description).build();
    }

    /** A positional parameter at {@code index}, one value ({@code arity} "1") or an optional one ("0..1"). */
    static PositionalParamSpec parameter(String index, String arity, String label, Class<?> type,
            String description) {
        return PositionalParamSpec.builder().index(index).arity(arity).required(Range.valueOf(arity).min() > 0)
                .paramLabel(label).type(type).description(description).build();
    }

    /** Whether a {@link #flag} was given. */
    static boolean on(ArgSpec flag) {
        return Boolean.TRUE.equals(flag.getValue());
    }
}
