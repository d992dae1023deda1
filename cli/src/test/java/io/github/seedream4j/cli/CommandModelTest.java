package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/** The command model as a whole: what start-up shortcuts in {@link Main} rely on. */
class CommandModelTest {

    @Test
    void noOptionNeedsAConverterThatMainSwitchesOff() {
        List<String> needing = new ArrayList<>();
        for (CommandLine command : tree()) {
            for (ArgSpec arg : command.getCommandSpec().args()) {
                List<Class<?>> types = new ArrayList<>(List.of(arg.auxiliaryTypes()));
                types.add(arg.type());
                for (Class<?> type : types) {
                    if (type.getName().matches(Main.UNUSED_CONVERTERS)) {
                        needing.add(command.getCommandSpec().qualifiedName() + " " + arg.paramLabel() + ": " + type);
                    }
                }
            }
        }

        assertThat(needing).as("options whose type picocli would no longer convert to; remove the type from "
                + "Main.UNUSED_CONVERTERS").isEmpty();
        assertThat(tree()).extracting(c -> c.getCommandSpec().name())
                .containsExactly("seedream", "generate", "estimate", "providers", "batch", "completion");
    }

    @Test
    void theSwitchedOffConvertersAreJavaSqlAndJavaTimeOnly() {
        assertThat(Duration.class.getName()).matches(Main.UNUSED_CONVERTERS);
        assertThat("java.sql.Timestamp").matches(Main.UNUSED_CONVERTERS);
        assertThat(Path.class.getName()).doesNotMatch(Main.UNUSED_CONVERTERS);
        assertThat("java.timeline.Thing").doesNotMatch(Main.UNUSED_CONVERTERS);
    }

    private static List<CommandLine> tree() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine root = Main.commandLine(new Io(InputStream.nullInputStream(), nowhere, nowhere));
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        all.addAll(root.getSubcommands().values());
        return all;
    }
}
