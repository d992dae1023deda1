package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archives as a user installs them: unpacked with tar, run through {@code bin/seedream} with nothing
 * but a Java runtime. Proves the launcher, the class path of {@code lib/} (every provider registration found) and the
 * shipped completion scripts.
 */
class DistributionIT {

    @TempDir
    static Path installed;
    static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(ProcessRun.property("seedream.it.archive") + ".tar.gz");
        Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", installed.toString())
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).isZero();
        try (Stream<Path> top = Files.list(installed)) {
            home = top.findFirst().orElseThrow();
        }
    }

    @Test
    void archive_holdsLaunchersLibrariesCompletionAndReadme() throws Exception {
        assertThat(home.getFileName().toString()).matches("seedream-.+");
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/seedream"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readString(home.resolve("bin/seedream.bat"))).contains("\r\n").contains("io.github.seedream4j.cli.Main");
        assertThat(home.resolve("README.md")).exists();
        assertThat(Files.readString(home.resolve("completion/seedream.bash"))).contains("--max-cost");
        assertThat(Files.readString(home.resolve("completion/_seedream"))).startsWith("#compdef seedream");
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString()).toList()).anyMatch(n -> n.startsWith("seedream4j-cli-"))
                    .anyMatch(n -> n.startsWith("seedream4j-provider-runpod-")).anyMatch(n -> n.startsWith("picocli-"))
                    .anyMatch(n -> n.startsWith("jackson-databind-"));
        }
        List<String> fromTar = new ArrayList<>();
        try (Stream<Path> all = Files.walk(home)) {
            all.filter(Files::isRegularFile).forEach(p -> fromTar.add(installed.relativize(p).toString()));
        }
        List<String> fromZip = new ArrayList<>();
        try (ZipFile zip = new ZipFile(ProcessRun.property("seedream.it.archive") + ".zip")) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.isDirectory()) {
                    fromZip.add(e.getName());
                }
            }
        }
        assertThat(fromZip).containsExactlyInAnyOrderElementsOf(fromTar);
    }

    @Test
    void launcher_generatesARealPngAndFindsEveryProvider() throws Exception {
        Result providers = seedream("providers");
        assertThat(providers.code()).as(providers.err()).isZero();
        assertThat(providers.out()).contains("fake - ").contains("runpod - ").contains("cloudflare - ")
                .contains("modelark - ").contains("fal - ").contains("replicate - ").doesNotContain("problem:");

        Result r = seedream("generate", "a lighthouse at dawn", "--provider", "fake", "--size", "2K", "--aspect", "16:9",
                "--seed", "7", "--out", "lighthouse.png");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(ImageIO.read(installed.resolve("lighthouse.png").toFile()).getWidth()).isEqualTo(2560);
    }

    /**
     * The README's editing example, as typed there: two reference images the test writes, relative to the working
     * directory, and the fake provider, offline.
     */
    @Test
    void launcher_putsTheHatOnTheCatOffline() throws Exception {
        ImageIO.write(square(64, 0xff8800), "png", installed.resolve("cat.png").toFile());
        ImageIO.write(square(32, 0x0033cc), "png", installed.resolve("hat.png").toFile());

        Result r = seedream("generate", "put the hat on the cat", "--image", "cat.png", "--image", "hat.png",
                "--provider", "fake", "--out", "edited.png");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("wrote edited.png  2048x2048  png").contains("2 reference image(s)");
        assertThat(ImageIO.read(installed.resolve("edited.png").toFile()).getWidth()).isEqualTo(2048);
    }

    /** The command of issue 14 through {@code bin/seedream}: Replicate on 127.0.0.1, the token read from a file. */
    @Test
    void launcher_generatesARedFoxWithReplicateOnLoopback() throws Exception {
        try (ReplicateStub replicate = new ReplicateStub()) {
            replicate.answer(1, 2048, 2048);
            List<String> args = new ArrayList<>(List.of("generate", "a red fox", "--out", "fox.png"));
            args.addAll(replicate.options(installed));

            Result r = seedream(args.toArray(String[]::new));

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).contains("wrote fox.png  2048x2048  png")
                    .contains("provider replicate, model 4.0, cost 0.03 USD (estimated)");
            assertThat(ImageIO.read(installed.resolve("fox.png").toFile()).getHeight()).isEqualTo(2048);
            assertThat(replicate.generations()).singleElement().extracting(sent -> sent.getHeader("Authorization"))
                    .isEqualTo(replicate.authorization());
        }
    }

    private static BufferedImage square(int side, int rgb) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < side; x++) {
            for (int y = 0; y < side; y++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /** The first run records a class-data archive, the next ones map it; stdout stays clean either way. */
    @Test
    void launcher_makesItsClassDataArchiveOnceAndKeepsStdoutClean() throws Exception {
        Path cache = installed.resolve("cache/seedream");
        for (int run = 0; run < 3; run++) {
            Result r = seedream("estimate", "x", "--provider", "fake", "--size", "1K");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out().strip()).isEqualTo("estimate: 0 USD for 1 image(s) of 1024x1024 on provider fake "
                    + "(priced at 0 USD per image; nothing was sent)");
            assertThat(r.err()).isEmpty();
        }
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement().asString()
                    .startsWith("classes-").endsWith("@sbin@sjava.jsa").doesNotContain("/", ":");
        }
    }

    @Test
    void launcher_withSeveralProvidersAndNoneChosenExits2() throws Exception {
        Result r = seedream("generate", "x");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("seedream: several providers are on the class path (");
    }

    private record Result(int code, String out, String err) {
    }

    private static Result seedream(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", home.resolve("bin/seedream").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(installed, "out", ".txt");
        Path err = Files.createTempFile(installed, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(installed.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // the launcher's class-data archive goes here, not into the home directory of whoever runs the build
        pb.environment().put("XDG_CACHE_HOME", installed.resolve("cache").toString());
        pb.environment().remove("SEEDREAM_PROVIDER");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
