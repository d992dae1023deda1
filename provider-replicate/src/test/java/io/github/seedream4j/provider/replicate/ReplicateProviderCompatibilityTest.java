package io.github.seedream4j.provider.replicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.SizeTable;
import io.github.seedream4j.http.Json;
import io.github.seedream4j.tck.HeldSubmission;
import io.github.seedream4j.tck.ImageProviderCompatibilityKit;
import io.github.seedream4j.tck.ReceivedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * Replicate passes the compatibility kit against WireMock on 127.0.0.1: the create request of every model is
 * answered with a {@code processing} prediction only for the size expected (as {@code custom} pixels, or as the
 * tier and ratio whose entry in the version's table they are), the poll with the prediction succeeded, and its
 * output URLs with real PNGs of that size: one, or as many as a set is to hold.
 */
class ReplicateProviderCompatibilityTest extends ImageProviderCompatibilityKit {

    static final String CREATE = "/v1/models/bytedance/seedream-4/predictions";
    /** Each version's create request. */
    private static final Map<SeedreamModel, String> CREATES = Map.of(SeedreamModel.V4_0, CREATE,
            SeedreamModel.V4_5, "/v1/models/bytedance/seedream-4.5/predictions",
            SeedreamModel.V5_0_LITE, "/v1/models/bytedance/seedream-5-lite/predictions");

    private WireMockServer server;

    @BeforeEach
    void startServer() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
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
        answer(r, 1, false);
    }

    /** The next prediction of that size succeeds with {@code images} output URLs. */
    @Override
    protected boolean expectSet(Resolution r, int images) {
        answer(r, images, true);
        return true;
    }

    /** Predictions of size {@code r} on every model (the newest stub wins) succeed with {@code images} outputs. */
    private void answer(Resolution r, int images, boolean set) {
        String id = "kit" + (set ? "set" + images : "") + r.width() + "x" + r.height();
        String created = "{\"id\":\"" + id + "\",\"model\":\"bytedance/seedream-4\",\"status\":\"processing\","
                + "\"error\":null,\"logs\":\"\",\"urls\":{\"get\":\"" + server.baseUrl() + "/v1/predictions/" + id
                + "\",\"cancel\":\"" + server.baseUrl() + "/v1/predictions/" + id + "/cancel\"}}";
        CREATES.forEach((model, create) -> {
            server.stubFor(post(urlPathEqualTo(create))
                    .withRequestBody(matchingJsonPath("$.input.size", equalTo("custom")))
                    .withRequestBody(matchingJsonPath("$.input.width", equalTo(String.valueOf(r.width()))))
                    .withRequestBody(matchingJsonPath("$.input.height", equalTo(String.valueOf(r.height()))))
                    .willReturn(json(201, created)));
            Optional<ImageSize.Tiered> tier = SizeTable.lookup(model, r);
            tier.ifPresent(t -> server.stubFor(post(urlPathEqualTo(create))
                    .withRequestBody(matchingJsonPath("$.input.size", equalTo(t.tier().label())))
                    .withRequestBody(matchingJsonPath("$.input.aspect_ratio", equalTo(t.ratio().toString())))
                    .willReturn(json(201, created))));
        });
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            String image = "/xezq/" + id + "/out-" + i + ".png";
            server.stubFor(get(urlPathEqualTo(image)).willReturn(aResponse().withHeader("Content-Type", "image/png")
                    .withBody(Images.png(r.width(), r.height()))));
            outputs.add("\"" + server.baseUrl() + image + "\"");
        }
        server.stubFor(get(urlPathEqualTo("/v1/predictions/" + id)).willReturn(json(200, "{\"id\":\"" + id
                + "\",\"status\":\"succeeded\",\"output\":[" + String.join(",", outputs) + "],\"error\":null,"
                + "\"created_at\":\"2025-09-10T10:00:00.000Z\",\"started_at\":\"2025-09-10T10:00:01.500Z\","
                + "\"completed_at\":\"2025-09-10T10:00:09.000Z\",\"metrics\":{\"predict_time\":7.5}}")));
    }

    /** Every create request: its path names the model, {@code input.image_input} and {@code input.max_images}. */
    @Override
    protected Optional<List<ReceivedRequest>> receivedRequests() {
        return Optional.of(server.findAll(postRequestedFor(urlPathMatching("/v1/models/.+/predictions"))).stream()
                .map(r -> {
                    JsonNode input = Json.mapper().readTree(r.getBodyAsString()).path("input");
                    List<String> images = new ArrayList<>();
                    input.path("image_input").forEach(i -> images.add(i.asString()));
                    JsonNode max = input.path("max_images");
                    return new ReceivedRequest(r.getUrl(), images, max.isNumber() ? max.asInt() : null);
                }).toList());
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
