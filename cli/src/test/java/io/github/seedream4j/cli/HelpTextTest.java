package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command's {@code --help}, word for word: the help is the manual, and the models behind it are built in code,
 * where a changed description or a lost option would otherwise go unseen. A deliberate change updates the file in
 * {@code src/test/resources/io/github/seedream4j/cli/help/} in the same commit.
 */
class HelpTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"root", "generate", "estimate", "providers", "batch", "completion"})
    void helpIsAsRecorded(String command) throws IOException {
        CliRun r = command.equals("root") ? CliRun.of("--help") : CliRun.of(command, "--help");

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(recorded(command));
    }

    private static String recorded(String command) throws IOException {
        try (InputStream in = HelpTextTest.class.getResourceAsStream("help/" + command + ".txt")) {
            assertThat(in).as("help/" + command + ".txt").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
