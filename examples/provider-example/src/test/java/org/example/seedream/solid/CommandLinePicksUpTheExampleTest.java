package org.example.seedream.solid;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party provider needs nothing but its jar on the class path: the seedream command line, which knows nothing
 * of it, lists it and generates with it.
 */
class CommandLinePicksUpTheExampleTest {

    @TempDir
    Path dir;

    @Test
    void providers_listsTheExampleNextToTheBundledOnes() {
        Run run = run("providers");

        assertThat(run.code).isZero();
        assertThat(run.out).contains("solid-colour - ").contains("fake - ").contains("runpod - ");
    }

    @Test
    void generate_withTheExampleWritesItsImage() throws Exception {
        Path out = dir.resolve("square.png");

        Run run = run("generate", "a red square", "--provider", "solid-colour", "--size", "1024x1024", "--seed", "3",
                "--out", out.toString());

        assertThat(run.code).as(run.err).isZero();
        byte[] png = Files.readAllBytes(out);
        assertThat(ImageFormat.sniff(png, png.length)).contains(ImageFormat.PNG);
        assertThat(ImageFormat.PNG.dimensions(png, png.length)).contains(Resolution.of(1024, 1024));
        assertThat(run.out).contains("provider solid-colour");
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {
    }
}
