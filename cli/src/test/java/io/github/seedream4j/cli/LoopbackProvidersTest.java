package io.github.seedream4j.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code seedream generate "a red fox" --provider modelark|fal|replicate --set base-url=http://127.0.0.1:PORT...}
 * against a loopback stand-in of each API: the request on the wire is exact to the API's schema, the PNG written is
 * real, reference images and sequential sets reach the wire in the API's own form, and a refused key or refused
 * content ends in a message that says what to do and never shows the key.
 */
class LoopbackProvidersTest {

    /** Each API, with the bodies it is sent ({@code SEED}, {@code FIRST} and {@code SECOND} filled in by the test). */
    enum Api {
        MODELARK(ModelArkStub::new, "0.04", true,
                "{\"model\":\"seedream-4-0-250828\",\"prompt\":\"a red fox\",\"size\":\"2048x2048\","
                        + "\"sequential_image_generation\":\"disabled\",\"response_format\":\"url\",\"watermark\":false}",
                "{\"model\":\"seedream-4-0-250828\",\"prompt\":\"put the hat on the fox\",\"image\":[FIRST,SECOND],"
                        + "\"size\":\"1024x1024\",\"sequential_image_generation\":\"disabled\",\"response_format\":"
                        + "\"url\",\"watermark\":false}",
                "{\"model\":\"seedream-4-0-250828\",\"prompt\":\"a fox's day\",\"size\":\"1024x1024\","
                        + "\"sequential_image_generation\":\"auto\",\"sequential_image_generation_options\":"
                        + "{\"max_images\":4},\"response_format\":\"url\",\"watermark\":false}"),
        FAL(FalStub::new, "0.03", false,
                "{\"prompt\":\"a red fox\",\"image_size\":{\"width\":2048,\"height\":2048},\"num_images\":1,"
                        + "\"max_images\":1,\"seed\":SEED}",
                "{\"prompt\":\"put the hat on the fox\",\"image_size\":{\"width\":1024,\"height\":1024},"
                        + "\"num_images\":1,\"max_images\":1,\"seed\":SEED,\"image_urls\":[FIRST,SECOND]}",
                "{\"prompt\":\"a fox's day\",\"image_size\":{\"width\":1024,\"height\":1024},\"num_images\":1,"
                        + "\"max_images\":4,\"seed\":SEED}"),
        REPLICATE(ReplicateStub::new, "0.03", true,
                "{\"input\":{\"prompt\":\"a red fox\",\"size\":\"2K\",\"aspect_ratio\":\"1:1\","
                        + "\"sequential_image_generation\":\"disabled\"}}",
                "{\"input\":{\"prompt\":\"put the hat on the fox\",\"image_input\":[FIRST,SECOND],\"size\":\"1K\","
                        + "\"aspect_ratio\":\"1:1\",\"sequential_image_generation\":\"disabled\"}}",
                "{\"input\":{\"prompt\":\"a fox's day\",\"size\":\"1K\",\"aspect_ratio\":\"1:1\","
                        + "\"sequential_image_generation\":\"auto\",\"max_images\":4}}");

        final Supplier<SeedreamApi> stub;
        final String price;
        final boolean takesFiles;
        final String plain;
        final String edit;
        final String set;

        Api(Supplier<SeedreamApi> stub, String price, boolean takesFiles, String plain, String edit, String set) {
            this.stub = stub;
            this.price = price;
            this.takesFiles = takesFiles;
            this.plain = plain;
            this.edit = edit;
            this.set = set;
        }
    }

    private static final Pattern SEED = Pattern.compile(" seed (\\d+)");

    @TempDir
    Path dir;
    private SeedreamApi stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    /** The issue's own command: default size, the key from a file, one real PNG, the exact request. */
    @ParameterizedTest
    @EnumSource(Api.class)
    void generate_aRedFoxWritesARealPngFromTheDocumentedRequest(Api api) throws Exception {
        start(api).answer(1, 2048, 2048);
        Path fox = dir.resolve("fox.png");

        CliRun r = generate("a red fox", "--out", fox.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        BufferedImage image = ImageIO.read(fox.toFile());
        assertThat(image.getWidth()).isEqualTo(2048);
        assertThat(image.getHeight()).isEqualTo(2048);
        assertThat(r.out()).contains("wrote " + fox + "  2048x2048  png  " + Files.size(fox) + " bytes")
                .contains("provider " + stub.provider() + ", model 4.0, cost " + api.price + " USD (estimated), took ");
        LoggedRequest sent = sentOnce();
        assertThat(LoopbackApi.body(sent)).isEqualTo(expected(api.plain, seed(r), List.of()));
        assertThat(sent.getHeader("Authorization")).isEqualTo(stub.authorization());
    }

    /** Reference images, in order: a file as a data URI where the API takes one, a URL as written, never fetched. */
    @ParameterizedTest
    @EnumSource(Api.class)
    void generate_referenceImagesReachTheWireInOrderInTheApisForm(Api api) throws Exception {
        start(api).answer(1, 1024, 1024);
        byte[] cat = LoopbackApi.png(64, 48);
        Path catFile = Files.write(dir.resolve("cat.png"), cat);
        String catUrl = stub.image("cat", 64, 48);
        String hatUrl = stub.image("hat", 32, 32);
        String first = api.takesFiles ? catFile.toString() : catUrl;

        CliRun r = generate("put the hat on the fox", "--image", first, "--image", hatUrl, "--size", "1K", "--out",
                dir.resolve("edited.png").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(ImageIO.read(dir.resolve("edited.png").toFile()).getWidth()).isEqualTo(1024);
        assertThat(r.out()).contains(", 2 reference image(s), ");
        String firstOnWire = api.takesFiles ? LoopbackApi.dataUri(cat) : catUrl;
        assertThat(LoopbackApi.body(sentOnce())).isEqualTo(expected(api.edit, seed(r), List.of(firstOnWire, hatUrl)));
        assertThat(stub.requests("GET", urlPathEqualTo("/img/cat.png"))).as("the client fetches no URL").isEmpty();
        assertThat(stub.requests("GET", urlPathEqualTo("/img/hat.png"))).as("the client fetches no URL").isEmpty();
    }

    /** A set of up to 4 answered with 3: three numbered files, exit 0, every image in the JSON. */
    @ParameterizedTest
    @EnumSource(Api.class)
    void generate_setAnsweredWithFewerImagesWritesEachAndListsThemInJson(Api api) throws Exception {
        start(api).answer(3, 1024, 1024);

        CliRun r = generate("a fox's day", "--max-images", "4", "--size", "1K", "--json", "--out",
                dir.resolve("story/fox.png").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode json = Jsons.MAPPER.readTree(r.out().strip());
        List<String> files = json.get("files").valueStream().map(JsonNode::asString).toList();
        assertThat(files).containsExactly(dir.resolve("story/fox-1.png").toString(),
                dir.resolve("story/fox-2.png").toString(), dir.resolve("story/fox-3.png").toString());
        assertThat(dir.resolve("story/fox-4.png")).doesNotExist();
        for (int i = 0; i < 3; i++) {
            JsonNode image = json.get("images").get(i);
            assertThat(image.get("file").asString()).isEqualTo(files.get(i));
            assertThat(image.get("pixels").asString()).isEqualTo("1024x1024");
            assertThat(ImageIO.read(Path.of(files.get(i)).toFile()).getHeight()).isEqualTo(1024);
        }
        assertThat(json.get("images")).hasSize(3);
        assertThat(json.get("provider").asString()).isEqualTo(stub.provider());
        assertThat(json.get("maxImages").asInt()).isEqualTo(4);
        assertThat(json.get("cost").get("basis").asString()).isEqualTo("estimated");
        assertThat(json.get("cost").get("amount").decimalValue())
                .isEqualByComparingTo(new BigDecimal(api.price).multiply(BigDecimal.valueOf(3)));
        String seed = json.get("seed").isNull() ? null : json.get("seed").asString();
        assertThat(LoopbackApi.body(sentOnce())).isEqualTo(expected(api.set, seed, List.of()));
    }

    /** A refused key: exit 2, one line naming the key's variable, the key itself nowhere, also with --debug. */
    @ParameterizedTest
    @EnumSource(Api.class)
    void generate_refusedKeyExits2NamingTheVariableAndNeverTheKey(Api api) {
        start(api).refuseKey();

        CliRun r = generate("a red fox", "--out", dir.resolve("a.png").toString());
        CliRun debug = generate("a red fox", "--out", dir.resolve("b.png").toString(), "--debug", "--verbose");

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly(keyMessage(api));
        assertThat(r.err()).contains("check " + stub.keyVariable() + " (setting '");
        assertThat(debug.code()).isEqualTo(2);
        assertThat(debug.err()).contains("\tat io.github.seedream4j.");
        for (CliRun run : List.of(r, debug)) {
            assertThat(run.out()).doesNotContain(LoopbackApi.KEY);
            assertThat(run.err()).doesNotContain(LoopbackApi.KEY);
        }
        assertThat(stub.generations()).hasSize(2).allSatisfy(sent -> assertThat(sent.getHeader("Authorization"))
                .as("the key really went out").isEqualTo(stub.authorization()));
        assertThat(dir.resolve("a.png")).doesNotExist();
    }

    /** Refused content: the API's own reason and advice to change the request, not "try again". */
    @ParameterizedTest
    @EnumSource(Api.class)
    void generate_refusedContentSaysWhyAndNotToTryAgain(Api api) {
        start(api).refuseContent();

        CliRun r = generate("a red fox", "--size", "1K", "--out", dir.resolve("a.png").toString());

        assertThat(r.code()).as(r.err()).isEqualTo(contentExitCode(api));
        assertThat(r.errLines()).containsExactly(contentMessage(api));
        assertThat(r.err()).doesNotContain("try again").doesNotContain(LoopbackApi.KEY);
        assertThat(stub.generations()).as("sent once, never again").hasSize(1);
        assertThat(dir.resolve("a.png")).doesNotExist();
    }

    /** {@code estimate} prices the request without a key and without sending anything. */
    @ParameterizedTest
    @EnumSource(Api.class)
    void estimate_needsNoKeyAndSendsNothing(Api api) {
        start(api);

        CliRun r = CliRun.of("estimate", "a red fox", "--provider", stub.provider(), "--set",
                "base-url=" + stub.baseUrl());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().strip()).isEqualTo("estimate: " + api.price + " USD for 1 image(s) of 2048x2048 on provider "
                + stub.provider() + " (priced at " + api.price + " USD per image; nothing was sent)");
        assertThat(stub.all()).isEmpty();
    }

    /** fal takes reference images only as URLs it fetches: a file is refused before anything is sent. */
    @Test
    void generate_falRefusesAFileImageSayingToPassAUrl() throws Exception {
        start(Api.FAL).answer(1, 1024, 1024);
        Path cat = Files.write(dir.resolve("cat.png"), LoopbackApi.png(64, 48));

        CliRun r = generate("put the hat on the fox", "--image", cat.toString(), "--out", dir.resolve("a.png")
                .toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("seedream: reference image 1 (file " + cat + ") is held as bytes, but "
                + "provider fal takes reference images only as https URLs it fetches itself: put the image where the "
                + "provider can fetch it and pass its URL");
        assertThat(stub.all()).isEmpty();
    }

    private SeedreamApi start(Api api) {
        stub = api.stub.get();
        return stub;
    }

    private CliRun generate(String prompt, String... args) {
        List<String> all = new ArrayList<>(List.of("generate", prompt));
        all.addAll(List.of(args));
        all.addAll(stub.options(dir));
        return CliRun.of(all.toArray(String[]::new));
    }

    private LoggedRequest sentOnce() {
        List<LoggedRequest> sent = stub.generations();
        assertThat(sent).as("requests that asked for images").hasSize(1);
        return sent.get(0);
    }

    /** The seed the summary reports, or {@code null} when it reports none. */
    private static String seed(CliRun r) {
        Matcher m = SEED.matcher(r.out());
        return m.find() ? m.group(1) : null;
    }

    private static JsonNode expected(String template, String seed, List<String> images) {
        String body = template.replace("SEED", String.valueOf(seed));
        for (int i = 0; i < images.size(); i++) {
            body = body.replace(i == 0 ? "FIRST" : "SECOND", LoopbackApi.quote(images.get(i)));
        }
        return Jsons.MAPPER.readTree(body);
    }

    private static String keyMessage(Api api) {
        return switch (api) {
            case MODELARK -> "seedream: provider modelark: POST /api/v3/images/generations answered HTTP 401: The API "
                    + "key or AK/SK in the request is missing or invalid. Request ID: 021782982805000 (code "
                    + "AuthenticationError); the API key was refused: check ARK_API_KEY (setting 'api-key'); it must be "
                    + "a key of BytePlus ModelArk, the platform of region ap-southeast";
            case FAL -> "seedream: provider fal: POST /fal-ai/bytedance/seedream/v4/text-to-image answered HTTP 401: "
                    + "Invalid Key; the credential was refused: check FAL_KEY (setting 'api-key')";
            case REPLICATE -> "seedream: provider replicate: POST /v1/models/bytedance/seedream-4/predictions answered "
                    + "HTTP 401: Unauthenticated: You did not pass a valid authentication token; the credential was "
                    + "refused: check REPLICATE_API_TOKEN (setting 'api-token')";
        };
    }

    private static int contentExitCode(Api api) {
        return api == Api.FAL ? 2 : 1;
    }

    private static String contentMessage(Api api) {
        return switch (api) {
            case MODELARK -> "seedream: provider modelark: POST /api/v3/images/generations answered HTTP 200: The "
                    + "request failed because the output image may contain sensitive information. (code "
                    + "OutputImageSensitiveContentDetected); ModelArk's content filter refused it: change the prompt; "
                    + "the same request fails the same way again";
            case FAL -> "seedream: provider fal: GET " + FalStub.REQUEST + " answered HTTP 422: prompt: The content "
                    + "was flagged by a content checker. (categories: sexual) (code content_policy_violation); fal's "
                    + "content checker flagged the request: change the prompt or the reference images, since the same "
                    + "request is refused again";
            // Replicate documents no content-policy answer: the model's reason is passed on as it is
            case REPLICATE -> "seedream: provider replicate: prediction " + ReplicateStub.ID + " failed: The output "
                    + "image was flagged as sensitive content by the safety checker.; change the request if the reason "
                    + "says so, or send it again";
        };
    }
}
