package io.github.seedream4j.provider.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.ReferenceImage;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.SizeTier;
import io.github.seedream4j.Warning;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seedream 4.5 and 5.0 lite through the client against WireMock: the schema keys they take (image_input,
 * sequential_image_generation, max_images, size tiers with aspect_ratio) and their {@code result.images[]} answers.
 */
class CloudflareModelsTest {

    private static final String TOKEN = "cf-canary-token-7d41e0a9b2";
    private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final String RUN = "/accounts/" + ACCOUNT + "/ai/run";
    private static final String STORAGE = "https://ark-content-generation-v2-ap-southeast-1.tos-ap-southeast-1.volces.com";
    private static final String PROMPT_4_5 = "A character design sheet for a fantasy warrior: front view, side view, "
            + "and back view";

    private static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static String vector(String name) {
        try (InputStream in = CloudflareModelsTest.class.getResourceAsStream("/cloudflare/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SeedreamClient client() {
        return SeedreamClient.builder().provider("cloudflare").setting("api-token", TOKEN)
                .setting("account-id", ACCOUNT).setting("base-url", base()).setting("max-attempts", "1")
                .timeout(Duration.ofSeconds(30)).systemProperties(name -> null).environment(name -> null).build();
    }

    private static void stubRun(String body) {
        server.stubFor(post(urlEqualTo(RUN)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(body.replace(STORAGE, base()))));
    }

    private static void stubImage(String path, Resolution r) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "image/jpeg")
                .withBody(Jpegs.of(r.width(), r.height()))));
    }

    private static void verifySent(String json) {
        server.verify(1, postRequestedFor(urlEqualTo(RUN)).withRequestBody(equalToJson(json, false, false)));
    }

    @Test
    void seedream45_documentedSequentialRequestAndItsOneImageAnswer() {
        stubRun(vector("seedream-4.5-response.json"));
        Resolution r = Resolution.of(2848, 1600);
        stubImage("/seedream-4-5/0217764052291261386b9a8ed856c57501cfa946ce34c98481db1_0.jpeg", r);

        GenerationResult result;
        try (SeedreamClient client = client()) {
            result = client.generate(GenerationRequest.builder(PROMPT_4_5).model(SeedreamModel.V4_5)
                    .size(SizeTier.TWO_K, AspectRatio.RATIO_16_9).maxImages(3).build());
        }

        // the documented request plus "size": the client always names the tier it resolved the pixels for,
        // since Cloudflare documents no default size for 4.5
        verifySent(vector("seedream-4.5-request.json").replace("\"input\":{", "\"input\":{\"size\":\"2K\","));
        assertThat(result.images()).hasSize(1);
        assertThat(result.images().get(0).resolution()).isEqualTo(r);
    }

    @Test
    void seedream45_severalUrlsAreEachDownloaded() {
        stubRun("{\"gatewayMetadata\":{\"keySource\":\"Unified\"},\"result\":{\"images\":[\"" + STORAGE
                + "/seedream-4-5/a_0.jpeg\",\"" + STORAGE + "/seedream-4-5/a_1.jpeg\",\"" + STORAGE
                + "/seedream-4-5/a_2.jpeg\"]},\"state\":\"Completed\"}");
        Resolution r = Resolution.of(2048, 2048);
        for (int i = 0; i < 3; i++) {
            stubImage("/seedream-4-5/a_" + i + ".jpeg", r);
        }

        GenerationResult result;
        try (SeedreamClient client = client()) {
            result = client.generate(GenerationRequest.builder("three views").model(SeedreamModel.V4_5)
                    .size(2048, 2048).maxImages(3).build());
        }

        verifySent("{\"model\":\"bytedance/seedream-4.5\",\"input\":{\"prompt\":\"three views\",\"size\":\"2K\","
                + "\"aspect_ratio\":\"1:1\",\"sequential_image_generation\":\"auto\",\"max_images\":3}}");
        assertThat(result.images()).hasSize(3);
        server.verify(3, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/seedream-4-5/a_\\d\\.jpeg")));
    }

    @Test
    void seedream5Lite_referenceImagesGoAsImageInputInOrder() {
        stubRun(vector("seedream-4.5-response.json"));
        Resolution r = Resolution.of(3072, 3072);
        stubImage("/seedream-4-5/0217764052291261386b9a8ed856c57501cfa946ce34c98481db1_0.jpeg", r);

        try (SeedreamClient client = client()) {
            client.generate(GenerationRequest.builder("put the hat on the cat").model(SeedreamModel.V5_0_LITE)
                    .size(SizeTier.THREE_K, AspectRatio.RATIO_1_1)
                    .image(ReferenceImage.url("https://example.com/cat.png"))
                    .image(ReferenceImage.url("https://example.com/hat.png")).build());
        }

        verifySent("{\"model\":\"bytedance/seedream-5-lite\",\"input\":{\"prompt\":\"put the hat on the cat\","
                + "\"image_input\":[\"https://example.com/cat.png\",\"https://example.com/hat.png\"],"
                + "\"size\":\"3K\",\"aspect_ratio\":\"1:1\"}}");
    }

    @Test
    void seedream45_promptEnhancementIsNotSentAndSaysSo() {
        stubRun(vector("seedream-4.5-response.json"));
        stubImage("/seedream-4-5/0217764052291261386b9a8ed856c57501cfa946ce34c98481db1_0.jpeg",
                Resolution.of(2048, 2048));

        GenerationResult result;
        try (SeedreamClient client = client()) {
            result = client.generate(GenerationRequest.builder("a lake").model(SeedreamModel.V4_5)
                    .size(SizeTier.TWO_K, AspectRatio.RATIO_1_1).enhancePrompt(true).build());
        }

        verifySent("{\"model\":\"bytedance/seedream-4.5\",\"input\":{\"prompt\":\"a lake\",\"size\":\"2K\","
                + "\"aspect_ratio\":\"1:1\"}}");
        assertThat(result.warnings()).contains(Warning.of(Warning.UNSUPPORTED_OPTION, "prompt enhancement was not "
                + "sent: Cloudflare's schema for Seedream 4.5 has no enhance_prompt"));
    }

    @Test
    void seedream45_exactPixelsOffItsTableAreRefusedBeforeSending() {
        try (SeedreamClient client = client()) {
            assertThatThrownBy(() -> client.generate(GenerationRequest.builder("a lake").model(SeedreamModel.V4_5)
                    .size(2000, 2000).build())).isInstanceOf(InvalidRequestException.class).hasMessage(
                    "provider cloudflare sends Seedream 4.5 a tier and an aspect ratio, not "
                    + "pixels, and 2000x2000 is not one of its tier sizes: ask for a tier (2K or 4K) with an aspect "
                    + "ratio instead");
        }
        server.verify(0, postRequestedFor(urlEqualTo(RUN)));
    }

    @Test
    void seedream45_imageBytesAreRefusedBeforeSending() {
        try (SeedreamClient client = client()) {
            assertThatThrownBy(() -> client.generate(GenerationRequest.builder("a lake").model(SeedreamModel.V4_5)
                    .image(ReferenceImage.bytes(Jpegs.of(64, 64))).build()))
                    .isInstanceOf(InvalidRequestException.class).hasMessage(
                    "reference image 1 (the given bytes) is held as bytes, but provider "
                    + "cloudflare takes reference images only as https URLs it fetches itself: put the image where the "
                    + "provider can fetch it and pass its URL");
        }
        server.verify(0, postRequestedFor(urlEqualTo(RUN)));
    }

    @Test
    void seedream40_takesNoReferenceImages() {
        try (SeedreamClient client = client()) {
            assertThatThrownBy(() -> client.generate(GenerationRequest.builder("a lake")
                    .image(ReferenceImage.url("https://example.com/cat.png")).build()))
                    .isInstanceOf(InvalidRequestException.class).hasMessage(
                    "provider cloudflare takes no reference images with Seedream 4.0; ask "
                    + "for model 4.5 or 5.0-lite, which it serves with image inputs");
        }
        server.verify(0, postRequestedFor(urlEqualTo(RUN)));
    }
}
