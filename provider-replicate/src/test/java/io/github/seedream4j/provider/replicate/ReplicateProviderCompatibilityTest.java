package io.github.seedream4j.provider.replicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.SizeTable;
import io.github.seedream4j.tck.HeldSubmission;
import io.github.seedream4j.tck.ImageProviderCompatibilityKit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Replicate passes the compatibility kit against WireMock on 127.0.0.1: the create request is answered with a
 * {@code processing} prediction only for the size expected (as {@code custom} pixels, or as the tier and ratio
 * whose table entry they are), the poll with the prediction succeeded, and its output URL with a real PNG of that
 * size.
 */
class ReplicateProviderCompatibilityTest extends ImageProviderCompatibilityKit {

    static final String CREATE = "/v1/models/bytedance/seedream-4/predictions";

    private WireMockServer server;

    @BeforeEach
    void startServer() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
        held.forEach(HeldReplicate::close);
    }

    private final List<HeldReplicate> held = new CopyOnWriteArrayList<>();

    /** The create waits for the kit's release, then answers with the kit's id; cancels are reported to the kit. */
    @Override
    protected boolean holdSubmission(Map<String, String> settings, HeldSubmission submission) {
        HeldReplicate stub = new HeldReplicate(submission::awaitRelease, submission::cancelled);
        held.add(stub);
        settings.put(ReplicateSettings.BASE_URL.name(), stub.baseUrl());
        return true;
    }

    @Override
    protected String providerId() {
        return "replicate";
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of(ReplicateSettings.BASE_URL.name(), server.baseUrl() + "/v1");
    }

    @Override
    protected void expectGeneration(Resolution r) {
        String id = "kit" + r.width() + "x" + r.height();
        String image = "/xezq/" + id + "/out-0.png";
        String created = "{\"id\":\"" + id + "\",\"model\":\"bytedance/seedream-4\",\"status\":\"processing\","
                + "\"error\":null,\"logs\":\"\",\"urls\":{\"get\":\"" + server.baseUrl() + "/v1/predictions/" + id
                + "\",\"cancel\":\"" + server.baseUrl() + "/v1/predictions/" + id + "/cancel\"}}";
        server.stubFor(post(urlPathEqualTo(CREATE))
                .withRequestBody(matchingJsonPath("$.input.size", equalTo("custom")))
                .withRequestBody(matchingJsonPath("$.input.width", equalTo(String.valueOf(r.width()))))
                .withRequestBody(matchingJsonPath("$.input.height", equalTo(String.valueOf(r.height()))))
                .willReturn(json(201, created)));
        Optional<ImageSize.Tiered> tier = SizeTable.lookup(SeedreamModel.V4_0, r);
        tier.ifPresent(t -> server.stubFor(post(urlPathEqualTo(CREATE))
                .withRequestBody(matchingJsonPath("$.input.size", equalTo(t.tier().label())))
                .withRequestBody(matchingJsonPath("$.input.aspect_ratio", equalTo(t.ratio().toString())))
                .willReturn(json(201, created))));
        server.stubFor(get(urlPathEqualTo("/v1/predictions/" + id)).willReturn(json(200, "{\"id\":\"" + id
                + "\",\"status\":\"succeeded\",\"output\":[\"" + server.baseUrl() + image + "\"],\"error\":null,"
                + "\"created_at\":\"2025-09-10T10:00:00.000Z\",\"started_at\":\"2025-09-10T10:00:01.500Z\","
                + "\"completed_at\":\"2025-09-10T10:00:09.000Z\",\"metrics\":{\"predict_time\":7.5}}")));
        server.stubFor(get(urlPathEqualTo(image)).willReturn(aResponse().withHeader("Content-Type", "image/png")
                .withBody(Images.png(r.width(), r.height()))));
    }

    /** A 500 whose problem detail echoes the token, as a misconfigured gateway might; it must be scrubbed. */
    @Override
    protected boolean provokeFailure(Map<String, String> settings) {
        server.stubFor(post(urlPathEqualTo(CREATE)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Internal Server Error\",\"detail\":\"while checking token " + canary()
                        + "\",\"status\":500}")));
        return true;
    }

    /** The prediction is created and then stays processing; cancelling it is answered as Replicate does. */
    @Override
    protected boolean makeSlow(Map<String, String> settings) {
        String id = "slowprediction";
        server.stubFor(post(urlPathEqualTo(CREATE)).willReturn(json(201, "{\"id\":\"" + id + "\",\"status\":"
                + "\"starting\",\"error\":null,\"logs\":\"\",\"urls\":{\"get\":\"" + server.baseUrl()
                + "/v1/predictions/" + id + "\",\"cancel\":\"" + server.baseUrl() + "/v1/predictions/" + id
                + "/cancel\"}}")));
        server.stubFor(get(urlPathEqualTo("/v1/predictions/" + id)).willReturn(json(200, "{\"id\":\"" + id
                + "\",\"status\":\"processing\",\"error\":null}")));
        server.stubFor(post(urlPathMatching("/v1/predictions/.*/cancel")).willReturn(json(200, "{\"id\":\"" + id
                + "\",\"status\":\"canceled\"}")));
        return true;
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
