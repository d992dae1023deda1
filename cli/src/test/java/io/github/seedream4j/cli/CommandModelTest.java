package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    @Test
    void noCommandDeclaresItselfWithPicocliAnnotations() {
        // the model is built in code (Specs): an annotation would be ignored, and reading one costs start-up
        Set<String> annotated = new LinkedHashSet<>();
        for (CommandLine command : tree()) {
            Class<?> type = command.getCommandSpec().userObject().getClass();
            List<Class<?>> classes = new ArrayList<>(List.of(type));
            for (Field f : type.getDeclaredFields()) {
                if (f.getType().getPackageName().equals(Main.class.getPackageName())) {
                    classes.add(f.getType());
                }
            }
            for (Class<?> c : classes) {
                List<AnnotatedElement> elements = new ArrayList<>(List.of(c));
                elements.addAll(List.of(c.getDeclaredFields()));
                elements.addAll(List.of(c.getDeclaredMethods()));
                for (AnnotatedElement e : elements) {
                    for (Annotation a : e.getDeclaredAnnotations()) {
                        if (a.annotationType().getPackageName().startsWith("picocli")) {
                            annotated.add(e + ": @" + a.annotationType().getSimpleName());
                        }
                    }
                }
            }
        }

        assertThat(annotated).as("declare options in the command's spec(), not with annotations").isEmpty();
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
