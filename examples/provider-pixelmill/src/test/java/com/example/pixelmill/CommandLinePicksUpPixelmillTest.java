package com.example.pixelmill;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party provider needs nothing but its jar on the class path: the seedream command line, which knows nothing
 * of Pixelmill, lists it and generates with it against the stub.
 */
class CommandLinePicksUpPixelmillTest {

    private final PixelmillStub stub = new PixelmillStub();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void providers_listsPixelmillNextToTheBundledOnes() {
        Run run = run("providers");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("pixelmill - ").contains("fake - ").contains("runpod - ");
    }

    @Test
    void generate_withPixelmillWritesItsImage() throws Exception {
        Path out = dir.resolve("fox.png");

        Run run = run("generate", "a red fox", "--provider", "pixelmill", "--set", "base-url=" + stub.baseUrl(),
                "--set", "api-key=pm-cli-key", "--size", "1280x960", "--seed", "3", "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        byte[] png = Files.readAllBytes(out);
        assertThat(ImageFormat.sniff(png, png.length)).contains(ImageFormat.PNG);
        assertThat(ImageFormat.PNG.dimensions(png, png.length)).contains(Resolution.of(1280, 960));
        assertThat(run.out()).contains("provider pixelmill").doesNotContain("pm-cli-key");
        assertThat(stub.server().requests("POST", "/v1/images")).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer pm-cli-key"));
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
