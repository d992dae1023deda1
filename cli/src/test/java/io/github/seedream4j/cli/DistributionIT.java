package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged runnable jar: proves the providers' ServiceLoader registrations survived shading. */
class ShadedJarIT {

    @TempDir
    Path dir;

    @Test
    void providers_findsEveryBundledProviderInTheShadedJar() throws Exception {
        ProcessRun r = ProcessRun.java(dir, "-jar", ProcessRun.property("seedream.it.jar"), "providers");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("fake - ").contains("runpod - ").contains("cloudflare - ").doesNotContain("problem:");
    }

    @Test
    void generate_theReadmeCommandWritesARealPng() throws Exception {
        ProcessRun r = ProcessRun.java(dir, "-jar", ProcessRun.property("seedream.it.jar"), "generate",
                "a lighthouse at dawn", "--provider", "fake", "--size", "2K", "--aspect", "16:9", "--seed", "7",
                "--out", "lighthouse.png");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ImageIO.read(dir.resolve("lighthouse.png").toFile()).getWidth()).isEqualTo(2560);
    }

    @Test
    void generate_withSeveralProvidersAndNoneChosenExits2() throws Exception {
        ProcessRun r = ProcessRun.java(dir, "-jar", ProcessRun.property("seedream.it.jar"), "generate", "x");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("seedream: several providers are on the class path (");
    }
}
