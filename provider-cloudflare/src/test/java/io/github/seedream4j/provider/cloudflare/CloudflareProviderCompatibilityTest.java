package io.github.seedream4j.provider.cloudflare;

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
import io.github.seedream4j.SizeTable;
import io.github.seedream4j.tck.ImageProviderCompatibilityKit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Cloudflare passes the compatibility kit against WireMock on 127.0.0.1: the run endpoint answers with the model
 * page's documented response shape only for the input expected (custom pixels, or the tier and ratio of the size
 * table), and the image URL serves a real JPEG of exactly that size.
 */
class CloudflareProviderCompatibilityTest extends ImageProviderCompatibilityKit {

    private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final String RUN = "/accounts/" + ACCOUNT + "/ai/run";

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
        String image = "/seedream-4-0/" + r.width() + "x" + r.height() + "_0.jpeg";
        server.stubFor(get(urlPathEqualTo(image)).willReturn(aResponse().withHeader("Content-Type", "image/jpeg")
                .withBody(Jpegs.of(r.width(), r.height()))));
        String completed = "{\"gatewayMetadata\":{\"keySource\":\"Unified\"},\"result\":{\"image\":\""
                + server.baseUrl() + image + "\"},\"state\":\"Completed\"}";
        server.stubFor(post(urlPathEqualTo(RUN))
                .withRequestBody(matchingJsonPath("$.input.size", equalTo("custom")))
                .withRequestBody(matchingJsonPath("$.input.width", equalTo(Integer.toString(r.width()))))
                .withRequestBody(matchingJsonPath("$.input.height", equalTo(Integer.toString(r.height()))))
                .willReturn(json(200, completed)));
        SizeTable.lookup(r).ifPresent(tiered -> server.stubFor(post(urlPathEqualTo(RUN))
                .withRequestBody(matchingJsonPath("$.input.size", equalTo(tiered.tier().label())))
                .withRequestBody(matchingJsonPath("$.input.aspect_ratio", equalTo(tiered.ratio().toString())))
                .willReturn(json(200, completed))));
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
