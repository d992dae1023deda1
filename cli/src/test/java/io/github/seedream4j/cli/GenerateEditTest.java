package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ReferenceImage;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.provider.fake.FakeLedger;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code generate} with reference images ({@code --image}), a model version ({@code --model}) and sets. */
class GenerateEditTest {

    @TempDir
    Path dir;

    private final String ledger = "edit-" + UUID.randomUUID();

    /** The README's editing example, offline: two reference images, in order, and one edited image. */
    @Test
    void generate_putsTheHatOnTheCatWithTwoReferenceImages() throws Exception {
        Path cat = png("cat.png", 64, 48, Color.ORANGE);
        Path hat = png("hat.png", 32, 32, Color.BLUE);

        CliRun r = generate("put the hat on the cat", "--image", cat.toString(), "--image", hat.toString(), "--seed",
                "7", "--out", dir.resolve("edited.png").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        BufferedImage edited = ImageIO.read(dir.resolve("edited.png").toFile());
        assertThat(edited.getWidth()).isEqualTo(2048);
        assertThat(r.out()).contains("provider fake, model 4.0, 2 reference image(s), cost 0 USD (estimated)");
        GenerationRequest sent = FakeLedger.named(ledger).requests().get(0);
        assertThat(sent.images()).extracting(ReferenceImage::origin).containsExactly("file " + cat, "file " + hat);
        // the fake paints with the references' colours: without them the same seed paints another picture
        CliRun plain = generate("put the hat on the cat", "--seed", "7", "--out", dir.resolve("plain.png").toString());
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("plain.png"))).isNotEqualTo(Files.readAllBytes(dir.resolve("edited.png")));
    }

    /** A value with :// is a URL, sent as it is, never fetched by the command line. */
    @Test
    void generate_urlImageGoesToTheProviderAsItIs() {
        CliRun r = generate("a cat", "--image", "https://images.example/cat.png?sig=abc", "--size", "1K", "--json",
                "--out", dir.resolve("c.png").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(FakeLedger.named(ledger).requests().get(0).images()).singleElement()
                .isInstanceOf(ReferenceImage.Remote.class);
        JsonNode json = read(r);
        assertThat(json.get("references").valueStream().map(JsonNode::asString).toList())
                .containsExactly("https://images.example/cat.png");
    }

    /** A sequential set: numbered files, the model named, every image listed in JSON (schema 1, fields added). */
    @Test
    void generate_setWritesNumberedFilesAndJsonListsEach() throws Exception {
        CliRun r = generate("a fox's day, four panels", "--model", "4.5", "--max-images", "3", "--size", "2K",
                "--json", "--out", dir.resolve("story/fox.png").toString());

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = read(r);
        assertThat(json.get("schema").asInt()).isEqualTo(1);
        assertThat(json.get("model").asString()).isEqualTo("4.5");
        assertThat(json.get("maxImages").asInt()).isEqualTo(3);
        assertThat(json.get("references")).isEmpty();
        List<String> files = json.get("files").valueStream().map(JsonNode::asString).toList();
        assertThat(files).containsExactly(dir.resolve("story/fox-1.png").toString(),
                dir.resolve("story/fox-2.png").toString(), dir.resolve("story/fox-3.png").toString());
        assertThat(json.get("images")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(json.get("images").get(i).get("file").asString()).isEqualTo(files.get(i));
            assertThat(ImageIO.read(Path.of(files.get(i)).toFile()).getWidth()).isEqualTo(2048);
        }
        assertThat(FakeLedger.named(ledger).requests().get(0).model()).contains(SeedreamModel.V4_5);
    }

    @Test
    void generate_setSummaryCountsTheImagesMade() {
        CliRun r = generate("a fox", "--max-images", "2", "--size", "1K", "--out", dir.resolve("f.png").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + dir.resolve("f-1.png")).contains("wrote " + dir.resolve("f-2.png"))
                .contains("provider fake, model 4.0, a set of 2 of up to 2, cost ");
    }

    /** A set never overwrites: any of its numbered files that exists stops it before anything is sent. */
    @Test
    void generate_setRefusesWhenOneOfItsFilesExists() throws Exception {
        Files.writeString(dir.resolve("fox-3.png"), "mine");

        CliRun r = generate("a fox", "--max-images", "4", "--size", "1K", "--out", dir.resolve("fox.png").toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: file " + dir.resolve("fox-3.png") + " already exists; "
                + "pass --force to overwrite it, or choose another --out");
        assertThat(FakeLedger.named(ledger).calls()).isZero();
    }

    @Test
    void generate_missingImageFileExits2NothingSent() {
        Path missing = dir.resolve("missing.png");

        assertUsage(generate("x", "--image", missing.toString(), "--out", out()),
                "seedream: reference image file " + missing + " does not exist: check the path");
    }

    @Test
    void generate_fileThatIsNoImageExits2NothingSent() throws Exception {
        Path text = Files.writeString(dir.resolve("cat.png"), "not a picture at all");

        assertUsage(generate("x", "--image", text.toString(), "--out", out()),
                "seedream: reference image (file " + text + ") is not a PNG, JPEG or WebP image (judged by its "
                        + "content, not its name); convert it to PNG or JPEG");
    }

    @Test
    void generate_truncatedImageExits2NothingSent() throws Exception {
        byte[] png = Files.readAllBytes(png("whole.png", 64, 64, Color.RED));
        Path cut = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(png, png.length - 20));

        assertUsage(generate("x", "--image", cut.toString(), "--out", out()),
                "seedream: reference image (file " + cut + ") is a truncated PNG image (" + (png.length - 20)
                        + " bytes and no end marker): use the complete file");
    }

    @Test
    void generate_imageWithTooSmallASideExits2NothingSent() throws Exception {
        Path thin = png("thin.png", 64, 10, Color.RED);

        assertUsage(generate("x", "--image", thin.toString(), "--size", "1K", "--out", out()),
                "seedream: reference image 1 (file " + thin + ") is 64x10; each side must be more than 14 pixels: "
                        + "use a larger image");
    }

    @Test
    void generate_moreImagesThanTheModelTakesExits2NothingSent() throws Exception {
        List<String> args = new ArrayList<>(List.of("x", "--size", "1K", "--out", out()));
        Path one = png("one.png", 32, 32, Color.GREEN);
        for (int i = 0; i < 11; i++) {
            args.addAll(List.of("--image", one.toString()));
        }

        assertUsage(generate(args.toArray(String[]::new)),
                "seedream: 11 reference images are more than Seedream 4.0 takes (10); use fewer");
    }

    @Test
    void generate_plainHttpUrlExits2NothingSent() {
        assertUsage(generate("x", "--image", "http://images.example/cat.png", "--out", out()),
                "seedream: reference image URL 'http://images.example/cat.png' must be an https URL (plain http only "
                        + "to this machine, for tests); give an https address or a file");
    }

    @Test
    void generate_unknownModelExits2NothingSent() {
        assertUsage(generate("x", "--model", "6.0", "--out", out()),
                "seedream: model '6.0' is unknown: use one of [4.0, 4.5, 5.0-lite]");
    }

    @Test
    void generate_tierTheModelDoesNotHaveExits2NothingSent() {
        assertUsage(generate("x", "--model", "4.5", "--size", "1K", "--out", out()),
                "seedream: Seedream 4.5 has no 1K tier: use one of [2K, 4K], or exact pixels");
    }

    @Test
    void generate_maxImagesOutOfRangeExits2NothingSent() {
        assertUsage(generate("x", "--max-images", "0", "--out", out()),
                "seedream: max images 0 is out of range: a sequential set has 1 to 15 images");
        assertUsage(generate("x", "--max-images", "16", "--out", out()),
                "seedream: max images 16 is out of range: a sequential set has 1 to 15 images");
    }

    @Test
    void generate_maxImagesWithCountExits2NothingSent() {
        assertUsage(generate("x", "--max-images", "3", "-n", "2", "--out", out()),
                "seedream: a request asks either for 2 independent images (count) or for a sequential set of up to 3 "
                        + "related images (max images), not both; send one request per set");
    }

    @Test
    void generate_inputsAndOutputsOverFifteenExits2NothingSent() throws Exception {
        List<String> args = new ArrayList<>(List.of("x", "--model", "4.5", "--max-images", "3", "--out", out()));
        Path one = png("one.png", 32, 32, Color.GREEN);
        for (int i = 0; i < 13; i++) {
            args.addAll(List.of("--image", one.toString()));
        }

        assertUsage(generate(args.toArray(String[]::new)),
                "seedream: 13 reference images and up to 3 generated images make 16; Seedream takes at most 15 images "
                        + "in and out together: use fewer reference images or ask for fewer images");
    }

    @Test
    void generate_setToStandardOutputExits2NothingSent() {
        assertUsage(generate("x", "--max-images", "2", "--out", "-"),
                "seedream: --out - writes one image, and --max-images asks for a set of up to 2; give --out FILE for "
                        + "the set's files");
    }

    @Test
    void generate_fileImageForAProviderThatTakesNoneExits2() throws Exception {
        Path cat = png("cat.png", 64, 64, Color.ORANGE);

        CliRun r = CliRun.of("estimate", "x", "--provider", "cloudflare", "--image", cat.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: provider cloudflare takes no reference images with "
                + "Seedream 4.0; ask for model 4.5 or 5.0-lite, which it serves with image inputs");
    }

    @Test
    void generate_fileImageForAProviderThatTakesOnlyUrlsExits2SayingWhatWorks() throws Exception {
        Path cat = png("cat.png", 64, 64, Color.ORANGE);

        CliRun r = CliRun.of("estimate", "x", "--provider", "runpod", "--image", cat.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: reference image 1 (file " + cat + ") is held as bytes, but "
                + "provider runpod takes reference images only as https URLs it fetches itself: put the image where the "
                + "provider can fetch it and pass its URL");
    }

    private void assertUsage(CliRun r, String message) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(message);
        assertThat(r.out()).isEmpty();
        assertThat(FakeLedger.named(ledger).calls()).isZero();
        assertThat(dir.resolve("out.png")).doesNotExist();
    }

    private CliRun generate(String... args) {
        List<String> all = new ArrayList<>(List.of("generate"));
        all.addAll(List.of(args));
        all.addAll(List.of("--provider", "fake", "--set", "ledger=" + ledger));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static JsonNode read(CliRun r) {
        return Jsons.MAPPER.readTree(r.out().strip());
    }

    private String out() {
        return dir.resolve("out.png").toString();
    }

    /** Writes a PNG of one colour. */
    private Path png(String name, int width, int height, Color colour) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
