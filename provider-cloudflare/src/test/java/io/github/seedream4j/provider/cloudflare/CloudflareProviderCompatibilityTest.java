package io.github.seedream4j.provider.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.SizeTable;
import io.github.seedream4j.http.Json;
import io.github.seedream4j.tck.ImageProviderCompatibilityKit;
import io.github.seedream4j.tck.ReceivedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Cloudflare passes the compatibility kit against WireMock on 127.0.0.1: the run endpoint answers with the model
 * pages' documented response shapes only for the input expected (Seedream 4.0: custom pixels, or the tier and ratio
 * of the size table, answered with {@code result.image}; 4.5 and 5.0 lite: the tier and ratio of their own table,
 * answered with {@code result.images[]}, as many as a set is to hold), and the image URLs serve a real JPEG of
 * exactly that size.
 */
class CloudflareProviderCompatibilityTest extends ImageProviderCompatibilityKit {

    private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final String RUN = "/accounts/" + ACCOUNT + "/ai/run";
    private static final String MODEL_4_0 = CloudflareSettings.MODEL.defaultValue();
    private static final Map<SeedreamModel, String> SETS = Map.of(SeedreamModel.V4_5, "bytedance/seedream-4.5",
            SeedreamModel.V5_0_LITE, "bytedance/seedream-5-lite");

    private WireMockServer server;

    @BeforeEach
    void startServer() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Override
    protected String providerId() {
        return CloudflareSettings.PROVIDER_ID;
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of(CloudflareSettings.BASE_URL.name(), server.baseUrl(), CloudflareSettings.ACCOUNT_ID.name(), ACCOUNT);
    }

    @Override
    protected void expectGeneration(Resolution r) {
        String image = image(r, 0);
        String completed = "{\"gatewayMetadata\":{\"keySource\":\"Unified\"},\"result\":{\"image\":\""
                + server.baseUrl() + image + "\"},\"state\":\"Completed\"}";
        server.stubFor(post(urlPathEqualTo(RUN))
                .withRequestBody(matchingJsonPath("$.model", equalTo(MODEL_4_0)))
                .withRequestBody(matchingJsonPath("$.input.size", equalTo("custom")))
                .withRequestBody(matchingJsonPath("$.input.width", equalTo(Integer.toString(r.width()))))
                .withRequestBody(matchingJsonPath("$.input.height", equalTo(Integer.toString(r.height()))))
                .willReturn(json(200, completed)));
        SizeTable.lookup(r).ifPresent(tiered -> server.stubFor(post(urlPathEqualTo(RUN))
                .withRequestBody(matchingJsonPath("$.model", equalTo(MODEL_4_0)))
                .withRequestBody(matchingJsonPath("$.input.size", equalTo(tiered.tier().label())))
                .withRequestBody(matchingJsonPath("$.input.aspect_ratio", equalTo(tiered.ratio().toString())))
                .willReturn(json(200, completed))));
        answerImageSets(r, 1, false);
    }

    /** Seedream 4.5 and 5.0 lite answer a set of that size with {@code images} URLs. */
    @Override
    protected boolean expectSet(Resolution r, int images) {
        answerImageSets(r, images, true);
        return true;
    }

    /**
     * The runs of 4.5 and 5.0 lite for the tier and ratio whose table entry is {@code r}: a set, or any run (the
     * newest stub wins, so a set arranged after it is answered as arranged).
     */
    private void answerImageSets(Resolution r, int images, boolean set) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            urls.add("\"" + server.baseUrl() + image(r, i) + "\"");
        }
        String completed = "{\"gatewayMetadata\":{\"keySource\":\"Unified\"},\"result\":{\"images\":["
                + String.join(",", urls) + "]},\"state\":\"Completed\"}";
        SETS.forEach((model, id) -> SizeTable.lookup(model, r).ifPresent(tiered -> {
            var run = post(urlPathEqualTo(RUN)).withRequestBody(matchingJsonPath("$.model", equalTo(id)))
                    .withRequestBody(matchingJsonPath("$.input.size", equalTo(tiered.tier().label())))
                    .withRequestBody(matchingJsonPath("$.input.aspect_ratio", equalTo(tiered.ratio().toString())));
            if (set) {
                run.withRequestBody(matchingJsonPath("$.input.sequential_image_generation", equalTo("auto")));
            }
            server.stubFor(run.willReturn(json(200, completed)));
        }));
    }

    /** Image {@code index} of size {@code r}, a JPEG of exactly that size on the stub. */
    private String image(Resolution r, int index) {
        String image = "/seedream/" + r.width() + "x" + r.height() + "_" + index + ".jpeg";
        server.stubFor(get(urlPathEqualTo(image)).willReturn(aResponse().withHeader("Content-Type", "image/jpeg")
                .withBody(Jpegs.of(r.width(), r.height()))));
        return image;
    }

    /** Every run: the model field, {@code input.image_input} and {@code input.max_images}. */
    @Override
    protected Optional<List<ReceivedRequest>> receivedRequests() {
        return Optional.of(server.findAll(postRequestedFor(urlPathEqualTo(RUN))).stream().map(r -> {
            JsonNode body = Json.mapper().readTree(r.getBodyAsString());
            List<String> images = new ArrayList<>();
            body.path("input").path("image_input").forEach(i -> images.add(i.asString()));
            JsonNode max = body.path("input").path("max_images");
            return new ReceivedRequest(body.path("model").asString(), images, max.isNumber() ? max.asInt() : null);
        }).toList());
    }

    /** A 500 whose body echoes the token, as a misconfigured gateway might; it must be scrubbed. */
    @Override
    protected boolean provokeFailure(Map<String, String> settings) {
        server.stubFor(post(urlPathEqualTo(RUN)).willReturn(json(500, "{\"result\":null,\"success\":false,"
                + "\"errors\":[{\"code\":5000,\"message\":\"internal error checking token " + canary() + "\"}],"
                + "\"messages\":[]}")));
        return true;
    }

    /** Cloudflare answers synchronously; a slow model is a response that takes a minute. */
    @Override
    protected boolean makeSlow(Map<String, String> settings) {
        server.stubFor(post(urlPathEqualTo(RUN)).willReturn(json(200, "{}").withFixedDelay(60_000)));
        return true;
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
