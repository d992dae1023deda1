package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rule of issue 16, defect 11: every print path goes through {@link Io}, whose every line passes {@link Text}'s
 * sanitiser. A class that printed on its own could carry a provider's terminal escapes to the terminal. The compiled
 * classes are read with the JDK's {@code javap}: a call to a {@code PrintStream} or {@code PrintWriter} method, or
 * a read of {@code System.out}/{@code System.err}, outside the classes allowed is a violation.
 */
class PrintRuleTest {

    @Test
    void onlyIoWritesToAStreamAndOnlyMainReachesTheProcessStreams() throws Exception {
        assertThat(violations("java/io/PrintStream.print", "java/io/PrintStream.write", "java/io/PrintWriter.print",
                "java/io/PrintWriter.write")).as("print calls outside Io").allMatch(v -> v.startsWith("Io: "));
        assertThat(violations("Field java/lang/System.out:", "Field java/lang/System.err:"))
                .as("System.out/err outside Main.main").allMatch(v -> v.startsWith("Main: "));
    }

    /** The rule can fail: Io itself prints and Main itself reaches System.out, and the scan finds both. */
    @Test
    void theScanFindsTheClassesThatPrint() throws Exception {
        assertThat(violations("java/io/PrintStream.println")).anyMatch(v -> v.startsWith("Io: "));
        assertThat(violations("Field java/lang/System.out:")).anyMatch(v -> v.startsWith("Main: "));
        assertThat(disassembly().stream().map(l -> l[0]).distinct().toList()).contains("Io", "Main", "BatchRunner",
                "BatchLine", "GenerateCommand", "Text");
    }

    private static List<String[]> disassembly;

    /** "Class: instruction" for every instruction of the CLI's classes that names one of {@code targets}. */
    private static List<String> violations(String... targets) throws Exception {
        List<String> found = new ArrayList<>();
        for (String[] line : disassembly()) {
            for (String t : targets) {
                if (line[1].contains(t)) {
                    found.add(line[0] + ": " + line[1].strip());
                }
            }
        }
        return found;
    }

    /** Every line of the CLI's compiled classes, disassembled in one run of javap, with its top-level class name. */
    private static synchronized List<String[]> disassembly() throws Exception {
        if (disassembly == null) {
            List<String> args = new ArrayList<>(List.of("-c", "-p"));
            try (Stream<Path> classes = Files.walk(classesDirectory())) {
                classes.filter(p -> p.toString().endsWith(".class")).forEach(p -> args.add(p.toString()));
            }
            StringWriter out = new StringWriter();
            int code = ToolProvider.findFirst("javap").orElseThrow().run(new PrintWriter(out),
                    new PrintWriter(new StringWriter()), args.toArray(String[]::new));
            assertThat(code).isZero();
            List<String[]> lines = new ArrayList<>();
            String current = "?";
            Pattern header = Pattern.compile("^([a-z ]+ )?(class|interface) io\\.github\\.seedream4j\\.cli\\."
                    + "([A-Za-z0-9_]+).*");
            for (String line : out.toString().lines().toList()) {
                Matcher m = header.matcher(line);
                if (m.matches()) {
                    current = m.group(3);
                }
                lines.add(new String[] {current, line});
            }
            disassembly = lines;
        }
        return disassembly;
    }

    private static Path classesDirectory() throws URISyntaxException {
        return Path.of(Io.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/github/seedream4j/cli");
    }
}
