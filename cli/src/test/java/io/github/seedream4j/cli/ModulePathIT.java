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
 * Runs the CLI as a named module with only core, the fake provider and picocli on the module path: a missing
 * {@code uses}, {@code provides}, {@code requires} or {@code opens} fails here.
 */
class ModulePathIT {

    @TempDir
    Path dir;

    @Test
    void generate_runsOnTheModulePath() throws Exception {
        String jars = Files.readString(Path.of(ProcessRun.property("seedream.it.modules"))).strip();
        assertThat(jars.split(File.pathSeparator)).hasSize(3);
        assertThat(Arrays.stream(jars.split(File.pathSeparator)).map(j -> Path.of(j).getFileName().toString()))
                .anyMatch(n -> n.startsWith("seedream4j-core")).anyMatch(n -> n.startsWith("seedream4j-provider-fake"))
                .anyMatch(n -> n.startsWith("picocli"));
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
                + "class path; add io.github.seedream4j:seedream4j-provider-runpod to the class path. Found: fake");
    }
}
