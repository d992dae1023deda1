package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void generate_writesDecodablePngOfTheTierPixels() throws Exception {
        CliRun r = CliRun.of("generate", "a lighthouse at dawn", "--provider", "fake", "--size", "2K", "--aspect", "16:9",
                "--seed", "7", "--out", dir.resolve("lighthouse.png").toString());

        assertThat(r.code()).as(r.err()).isZero();
        BufferedImage image = ImageIO.read(dir.resolve("lighthouse.png").toFile());
        assertThat(image.getWidth()).isEqualTo(2560);
        assertThat(image.getHeight()).isEqualTo(1440);
        assertThat(r.out()).contains("lighthouse.png  2560x1440  png").contains("seed 7")
                .contains("provider fake, model 4.0, cost 0 USD (estimated)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void generate_severalImagesAreNumberedAndExtensionFollowsTheFormat() {
        CliRun r = CliRun.of("generate", "a red fox", "--provider", "fake", "--size", "1024x1024", "-n", "3",
                "--out", dir.resolve("fox.jpg").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("fox-1.png")).exists();
        assertThat(dir.resolve("fox-2.png")).exists();
        assertThat(dir.resolve("fox-3.png")).exists();
        assertThat(dir.resolve("fox.jpg")).doesNotExist();
    }

    @Test
    void generate_jsonHasSchemaFilesPixelsSeedProviderCostTimingsWarningsAndJobs() throws Exception {
        CliRun r = CliRun.of("generate", "a lighthouse", "--provider", "fake", "--size", "1024x1024", "--seed", "42",
                "--set", "price=0.03/image", "--json", "--out", dir.resolve("l.png").toString());

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Jsons.MAPPER.readTree(r.out().strip());
        assertThat(json.propertyNames()).containsExactly("schema", "provider", "files", "images", "pixels", "seed",
                "cost", "timings", "warnings", "jobIds", "model", "maxImages", "references");
        assertThat(json.get("schema").asInt()).isEqualTo(1);
        assertThat(json.get("provider").asString()).isEqualTo("fake");
        assertThat(json.get("files").get(0).asString()).isEqualTo(dir.resolve("l.png").toString());
        assertThat(json.get("images").get(0).propertyNames()).containsExactly("file", "width", "height", "pixels",
                "format", "bytes", "seed");
        assertThat(json.get("pixels").asString()).isEqualTo("1024x1024");
        assertThat(json.get("seed").asLong()).isEqualTo(42);
        assertThat(json.get("cost").get("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("0.03"));
        assertThat(json.get("cost").get("currency").asString()).isEqualTo("USD");
        assertThat(json.get("cost").get("basis").asString()).isEqualTo("estimated");
        assertThat(json.get("timings").propertyNames()).containsExactly("totalMs", "downloadMs", "queueMs",
                "executionMs");
        assertThat(json.get("jobIds")).hasSize(1);
        assertThat(json.get("warnings")).isEmpty();
    }

    @Test
    void generate_impossibleSizeExits2WithOneLine() {
        CliRun r = CliRun.of("generate", "x", "--provider", "fake", "--size", "0x5", "--out", out());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: resolution 0x5 is invalid: each side must be a whole number "
                + "of pixels from 1 to 65536, for example 2048x2048");
    }

    @Test
    void generate_malformedAspectExits2WithOneLine() {
        CliRun r = CliRun.of("generate", "x", "--provider", "fake", "--aspect", "16-9", "--out", out());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: aspect ratio '16-9' is not of the form W:H; use for example "
                + "16:9, or one of [1:1, 4:3, 3:4, 16:9, 9:16, 3:2, 2:3, 21:9]");
    }

    @Test
    void generate_aspectWithExactPixelsExits2() {
        CliRun r = CliRun.of("generate", "x", "--provider", "fake", "--size", "2048x2048", "--aspect", "16:9",
                "--out", out());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: aspect ratio 16:9 applies to a tier, not to exact pixels "
                + "2048x2048; drop --aspect, or use --size with a tier (1K, 2K, 3K, 4K)");
    }

    @Test
    void generate_unknownProviderExits2NamingWhatToAdd() {
        CliRun r = CliRun.of("generate", "x", "--provider", "nope", "--out", out());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: provider 'nope' (named by --provider) is not on the class "
                + "path; the providers found are fake, runpod, cloudflare, modelark, fal, replicate. Check the spelling, or put the "
                + "jar that provides it on the class path (in an installed seedream: its lib directory)");
    }

    @Test
    void generate_negativeSeedExits2() {
        CliRun r = CliRun.of("generate", "x", "--provider", "fake", "--seed", "-1", "--out", out());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: seed -1 is out of range: use a whole number from 0 to "
                + "2147483647, or leave the seed out and the client picks one and reports it");
    }

    @Test
    void generate_missingPromptExits2() {
        CliRun r = CliRun.of("generate", "--provider", "fake");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: Missing required parameter: 'PROMPT' (see: seedream "
                + "generate --help)");
    }

    @Test
    void generate_severalProvidersAndNoneChosenExits2ListingThem() {
        CliRun r = CliRun.of("generate", "x", "--out", out());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: several providers are on the class path (fake, runpod, "
                + "cloudflare, modelark, fal, replicate) and none was chosen; choose one with --provider fake, the system property "
                + "seedream.provider or the environment variable SEEDREAM_PROVIDER");
    }

    @Test
    void generate_unknownSettingExits2ListingTheProvidersSettings() {
        CliRun r = CliRun.of("generate", "x", "--provider", "fake", "--set", "bogus=1", "--out", out());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: provider fake has no setting 'bogus'; its settings are "
                + "latency, failures, price, ledger (see: seedream providers)");
    }

    @Test
    void generate_existingFileIsNotOverwrittenWithoutForce() throws Exception {
        Path file = dir.resolve("taken.png");
        Files.writeString(file, "mine");

        CliRun refused = CliRun.of("generate", "x", "--provider", "fake", "--size", "1K", "--out", file.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.errLines()).containsExactly("seedream: file " + file + " already exists; pass --force to "
                + "overwrite it, or choose another --out");
        assertThat(Files.readString(file)).isEqualTo("mine");

        CliRun forced = CliRun.of("generate", "x", "--provider", "fake", "--size", "1K", "--out", file.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(1024);
    }

    @Test
    void generate_unsupportedOptionWarnsOnRunpodButStrictRefusesBeforeAnyNetworkCall() throws Exception {
        Path key = Files.writeString(dir.resolve("runpod.key"), "x\n");
        String[] runpod = {"--provider", "runpod", "--set", "api-key=@" + key, "--set", "base-url=http://127.0.0.1:1",
                "--enhance", "--size", "2048x2048"};

        CliRun warn = CliRun.of(concat(new String[] {"estimate", "a red fox"}, runpod));
        assertThat(warn.code()).as(warn.err()).isZero();
        assertThat(warn.errLines()).containsExactly("seedream: warning: unsupported-option: prompt enhancement on was "
                + "not sent: provider runpod offers no prompt enhancement");

        CliRun strict = CliRun.of(concat(new String[] {"generate", "a red fox", "--strict", "--out", out()}, runpod));
        assertThat(strict.code()).isEqualTo(2);
        assertThat(strict.errLines()).containsExactly("seedream: --strict: provider runpod cannot honour this request: "
                + "prompt enhancement on was not sent: provider runpod offers no prompt enhancement. Remove the option, "
                + "choose a provider that supports it, or drop --strict to send the request without it");
    }

    @Test
    void generate_verbosePrintsOneLinePerEvent() {
        CliRun r = CliRun.of("generate", "x", "--provider", "fake", "--size", "1K", "--verbose", "--out", out());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.errLines()).extracting(l -> l.split(" ")[0])
                .containsExactly("event=validated", "event=submitted", "event=fetched", "event=completed");
        assertThat(r.err()).doesNotContain("\"x\"");
    }

    @Test
    void help_listsExitCodesAndExamples() {
        CliRun r = CliRun.of("generate", "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Examples:").contains("Exit codes:").contains("130  interrupted")
                .contains("--strict").contains("--set=KEY=VALUE");
    }

    @Test
    void version_printsTheVersion() {
        CliRun r = CliRun.of("--version");

        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("seedream 0.1.0-SNAPSHOT");
    }

    @Test
    void version_isPrintedByEveryCommandsVersionOption() {
        String version = CliRun.of("--version").out();

        for (String command : List.of("generate", "estimate", "providers", "batch", "completion")) {
            CliRun r = CliRun.of(command, "-V");
            assertThat(r.code()).as(command).isZero();
            assertThat(r.out()).as(command).isEqualTo(version);
        }
    }

    @Test
    void generate_providerFromTheSystemPropertyWhenNoneIsGiven() {
        String before = System.getProperty("seedream.provider");
        System.setProperty("seedream.provider", "fake");
        try {
            CliRun r = CliRun.of("generate", "x", "--size", "1K", "--out", out());

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("provider fake");
        } finally {
            if (before == null) {
                System.clearProperty("seedream.provider");
            } else {
                System.setProperty("seedream.provider", before);
            }
        }
    }

    @Test
    void generate_malformedTimeoutExits2() {
        CliRun r = CliRun.of("generate", "x", "--provider", "fake", "--timeout", "soon", "--out", out());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: --timeout 'soon' is not a positive duration: use for "
                + "example 90s, 10m or 500ms");
    }

    @Test
    void generate_providerFailureExits1WithItsMessage() {
        CliRun r = CliRun.of("generate", "x", "--provider", "fake", "--size", "1K", "--set", "failures=failed",
                "--out", out());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1).allMatch(l -> l.startsWith("seedream: ")).noneMatch(l -> l.contains("\tat "));
        assertThat(Path.of(out())).doesNotExist();
    }

    private String out() {
        return dir.resolve("out.png").toString();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
