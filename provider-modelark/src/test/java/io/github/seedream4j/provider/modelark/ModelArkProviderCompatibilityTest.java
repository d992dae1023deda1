package io.github.seedream4j.provider.modelark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.tck.ImageProviderCompatibilityKit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * ModelArk passes the compatibility kit against WireMock on 127.0.0.1, answering in the shape ByteDance documents
 * with the URL of a real JPEG of exactly the size that was sent.
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
        String size = r.width() + "x" + r.height();
        String image = "/seedream-4-0/021-" + size + "_0.jpeg";
        server.stubFor(get(urlPathEqualTo(image)).willReturn(aResponse().withHeader("Content-Type", "image/jpeg")
                .withBody(Images.jpeg(r.width(), r.height()))));
        server.stubFor(post(urlPathEqualTo(GENERATIONS))
                .withRequestBody(matchingJsonPath("$.size", equalTo(size)))
                .willReturn(json(200, "{\"model\":\"seedream-4-0-250828\",\"created\":1757321139,\"data\":[{\"url\":\""
                        + server.baseUrl() + image + "?X-Tos-Expires=86400&X-Tos-Signature=kit\",\"size\":\"" + size
                        + "\"}],\"usage\":{\"generated_images\":1,\"output_tokens\":" + r.pixels() / 256
                        + ",\"total_tokens\":" + r.pixels() / 256 + "}}")));
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
