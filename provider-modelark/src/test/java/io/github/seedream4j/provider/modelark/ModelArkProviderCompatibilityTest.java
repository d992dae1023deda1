package io.github.seedream4j.provider.modelark;

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
 * ModelArk passes the compatibility kit against WireMock on 127.0.0.1, answering in the shape ByteDance documents
 * with the URLs of real JPEGs of exactly the size that was sent: one, or as many as a set is to hold.
 */
class ModelArkProviderCompatibilityTest extends ImageProviderCompatibilityKit {

    private static final String GENERATIONS = "/api/v3/images/generations";

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
        return ModelArkSettings.PROVIDER_ID;
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of(ModelArkSettings.BASE_URL.name(), server.baseUrl() + "/api/v3");
    }

    /** The generation answers only for the size expected, with the URL of a JPEG of that size. */
    @Override
    protected void expectGeneration(Resolution r) {
        answer(r, 1, false);
    }

    /** A set of that size answers with {@code images} URLs, and counts them in its usage. */
    @Override
    protected boolean expectSet(Resolution r, int images) {
        answer(r, images, true);
        return true;
    }

    /** Answers a generation of size {@code r} (a set, or any) with {@code images} JPEGs; the newest stub wins. */
    private void answer(Resolution r, int images, boolean set) {
        String size = r.width() + "x" + r.height();
        List<String> data = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            String image = "/seedream-4-0/021-" + size + "_" + i + ".jpeg";
            server.stubFor(get(urlPathEqualTo(image)).willReturn(aResponse().withHeader("Content-Type", "image/jpeg")
                    .withBody(Images.jpeg(r.width(), r.height()))));
            data.add("{\"url\":\"" + server.baseUrl() + image + "?X-Tos-Expires=86400&X-Tos-Signature=kit\","
                    + "\"size\":\"" + size + "\"}");
        }
        long tokens = images * r.pixels() / 256;
        var generation = post(urlPathEqualTo(GENERATIONS)).withRequestBody(matchingJsonPath("$.size", equalTo(size)));
        if (set) {
            generation.withRequestBody(matchingJsonPath("$.sequential_image_generation", equalTo("auto")));
        }
        server.stubFor(generation.willReturn(json(200, "{\"model\":\"seedream-4-0-250828\",\"created\":1757321139,"
                + "\"data\":[" + String.join(",", data) + "],\"usage\":{\"generated_images\":" + images
                + ",\"output_tokens\":" + tokens + ",\"total_tokens\":" + tokens + "}}")));
    }

    /** Every generation: its {@code model}, {@code image} and the set's {@code max_images}. */
    @Override
    protected Optional<List<ReceivedRequest>> receivedRequests() {
        return Optional.of(server.findAll(postRequestedFor(urlPathEqualTo(GENERATIONS))).stream().map(r -> {
            JsonNode body = Json.mapper().readTree(r.getBodyAsString());
            List<String> images = new ArrayList<>();
            body.path("image").forEach(i -> images.add(i.asString()));
            JsonNode max = body.path("sequential_image_generation_options").path("max_images");
            return new ReceivedRequest(body.path("model").asString(), images, max.isNumber() ? max.asInt() : null);
        }).toList());
    }

    /** A 500 whose message echoes the key, as a misconfigured gateway might; it must be scrubbed. */
    @Override
    protected boolean provokeFailure(Map<String, String> settings) {
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(500, "{\"error\":{\"code\":"
                + "\"InternalServiceError\",\"message\":\"The service encountered an unexpected internal error "
                + "checking key " + canary() + "\",\"param\":\"\",\"type\":\"InternalServerError\"}}")));
        return true;
    }

    /** ModelArk answers synchronously; a slow model is an answer that takes a minute. */
    @Override
    protected boolean makeSlow(Map<String, String> settings) {
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(200, "{\"data\":[]}").withFixedDelay(60_000)));
        return true;
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
