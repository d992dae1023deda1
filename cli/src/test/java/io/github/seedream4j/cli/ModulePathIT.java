package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the CLI as a named module with only core, the fake provider, picocli and Jackson on the module path: a missing
 * {@code uses}, {@code provides}, {@code requires} or {@code opens} fails here.
 */
class ModulePathIT {

    @TempDir
    Path dir;

    @Test
    void generate_runsOnTheModulePath() throws Exception {
        String jars = Files.readString(Path.of(ProcessRun.property("seedream.it.modules"))).strip();
        assertThat(jars.split(File.pathSeparator)).hasSize(6);
        assertThat(Arrays.stream(jars.split(File.pathSeparator)).map(j -> Path.of(j).getFileName().toString()))
                .anyMatch(n -> n.startsWith("seedream4j-core")).anyMatch(n -> n.startsWith("seedream4j-provider-fake"))
                .anyMatch(n -> n.startsWith("picocli")).anyMatch(n -> n.startsWith("jackson-databind"));
        String modulePath = jars + File.pathSeparator + ProcessRun.property("seedream.it.cli");

        ProcessRun r = ProcessRun.java(dir, "--module-path", modulePath, "-m",
                "io.github.seedream4j.cli/" + ProcessRun.property("seedream.it.main"), "generate", "a lighthouse at dawn",
                "--size", "1K", "--seed", "7", "--out", "m.png");

        // only the fake is on the module path, so no --provider is needed
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ImageIO.read(dir.resolve("m.png").toFile()).getWidth()).isEqualTo(1024);

        ProcessRun absent = ProcessRun.java(dir, "--module-path", modulePath, "-m",
                "io.github.seedream4j.cli/" + ProcessRun.property("seedream.it.main"), "generate", "x",
                "--provider", "runpod");
        assertThat(absent.code()).isEqualTo(2);
        assertThat(absent.err().strip()).isEqualTo("seedream: provider 'runpod' (named by --provider) is not on the "
                + "class path; the providers found are fake. Check the spelling, or put the jar that provides it on the "
                + "class path (in an installed seedream: its lib directory)");

        // Jackson reads and writes the CLI's records on the module path too: a batch and its manifest
        Path batch = Files.writeString(dir.resolve("b.jsonl"), "{\"prompt\": \"a\", \"size\": \"1K\"}\n");
        ProcessRun b = ProcessRun.java(dir, "--module-path", modulePath, "-m",
                "io.github.seedream4j.cli/" + ProcessRun.property("seedream.it.main"), "batch", batch.toString(),
                "--out", "out", "--json");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).startsWith("{\"schema\":1,").contains("\"done\":1");
        assertThat(Files.readString(dir.resolve("out/manifest.jsonl"))).contains("\"status\":\"done\"");
    }
}
