package io.github.seedream4j.provider.runpod;

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
import io.github.seedream4j.Resolution;
import io.github.seedream4j.http.Json;
import io.github.seedream4j.tck.HeldSubmission;
import io.github.seedream4j.tck.ImageProviderCompatibilityKit;
import io.github.seedream4j.tck.ReceivedRequest;
import io.github.seedream4j.tck.StubServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runpod passes the compatibility kit against WireMock on 127.0.0.1, answering with the payloads Runpod documents
 * and a real PNG of the size that was sent, on the text-to-image endpoint and on the edit endpoint that calls with
 * reference images go to. A held submission is played by the kit's {@link StubServer}, whose handlers may block.
 */
class RunpodProviderCompatibilityTest extends ImageProviderCompatibilityKit {

    private static final String JOB = "eaebd6e7-6a92-4bb8-a911-f996ac5ea99d";

    private static final String RUNS = "/seedream-v4-(t2i|edit)/run";

    private final List<StubServer> held = new CopyOnWriteArrayList<>();
    private WireMockServer server;

    @BeforeEach
    void startServer() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
        held.forEach(StubServer::close);
    }

    @Override
    protected String providerId() {
        return "runpod";
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of(RunpodSettings.BASE_URL.name(), server.baseUrl());
    }

    /**
     * /run answers IN_QUEUE only for the size expected, on both endpoints; /status completes with an image of
     * exactly that size.
     */
    @Override
    protected void expectGeneration(Resolution r) {
        String size = r.width() + "*" + r.height();
        String job = JOB + "-" + r.width() + "x" + r.height();
        String image = "/abc123/" + r.width() + "x" + r.height() + "/output.png";
        for (String endpoint : List.of("/seedream-v4-t2i", "/seedream-v4-edit")) {
            server.stubFor(post(urlPathEqualTo(endpoint + "/run"))
                    .withRequestBody(matchingJsonPath("$.input.size", equalTo(size)))
                    .willReturn(json(200, "{\n  \"id\": \"" + job + "\",\n  \"status\": \"IN_QUEUE\"\n}")));
            server.stubFor(get(urlPathEqualTo(endpoint + "/status/" + job)).willReturn(json(200, "{\n"
                    + "  \"id\": \"" + job + "\",\n  \"status\": \"COMPLETED\",\n  \"delayTime\": 16,\n"
                    + "  \"executionTime\": 5234,\n  \"workerId\": \"oqk7ao1uomckye\",\n  \"output\": {\n"
                    + "    \"image_url\": \"" + server.baseUrl() + image + "\",\n    \"cost\": 0.113246\n  }\n}")));
        }
        server.stubFor(get(urlPathEqualTo(image)).willReturn(aResponse().withHeader("Content-Type", "image/png")
                .withBody(Pngs.png(r.width(), r.height()))));
    }

    /** Every /run on either endpoint: the endpoint names the model, {@code input.images} holds the images. */
    @Override
    protected Optional<List<ReceivedRequest>> receivedRequests() {
        return Optional.of(server.findAll(postRequestedFor(urlPathMatching(RUNS))).stream().map(r -> {
            List<String> images = new ArrayList<>();
            Json.mapper().readTree(r.getBodyAsString()).path("input").path("images")
                    .forEach(i -> images.add(i.asString()));
            return new ReceivedRequest(r.getUrl(), images, null);
        }).toList());
    }

    /** A 500 whose body echoes the key, as a misconfigured gateway might; it must be scrubbed. */
    @Override
    protected boolean provokeFailure(Map<String, String> settings) {
        server.stubFor(post(urlPathEqualTo("/seedream-v4-t2i/run")).willReturn(json(500,
                "{\"error\":\"Internal Server Error while checking key " + canary() + "\"}")));
        return true;
    }

    /** The job is accepted and then stays IN_PROGRESS; cancelling it is answered as documented. */
    @Override
    protected boolean makeSlow(Map<String, String> settings) {
        server.stubFor(post(urlPathEqualTo("/seedream-v4-t2i/run")).willReturn(json(200,
                "{\n  \"id\": \"" + JOB + "\",\n  \"status\": \"IN_QUEUE\"\n}")));
        server.stubFor(get(urlPathEqualTo("/seedream-v4-t2i/status/" + JOB)).willReturn(json(200, "{\n"
                + "  \"delayTime\": 2624,\n  \"id\": \"" + JOB + "\",\n  \"input\": {\n    \"prompt\": \"A cute fluffy "
                + "white dog in the style of a Pixar animation 3D drawing.\"\n  },\n  \"status\": \"IN_PROGRESS\"\n}")));
        server.stubFor(post(urlPathMatching("/seedream-v4-t2i/cancel/.*")).willReturn(json(200,
                "{\n  \"id\": \"" + JOB + "\",\n  \"status\": \"CANCELLED\"\n}")));
        return true;
    }

    /**
     * /run waits for the kit's release and is then answered IN_QUEUE with the kit's job id; the job stays
     * IN_PROGRESS; each cancel is reported to the kit.
     */
    @Override
    protected boolean holdSubmission(Map<String, String> settings, HeldSubmission submission) {
        StubServer stub = StubServer.start();
        held.add(stub);
        stub.on("POST", "/seedream-v4-t2i/run", r -> StubServer.Response.json(200, "{\"id\": \""
                + submission.awaitRelease() + "\", \"status\": \"IN_QUEUE\"}"));
        stub.on("GET", "/seedream-v4-t2i/status/*", r -> StubServer.Response.json(200, "{\"id\": \""
                + r.pathSegment(2) + "\", \"status\": \"IN_PROGRESS\"}"));
        stub.on("POST", "/seedream-v4-t2i/cancel/*", r -> {
            submission.cancelled(r.pathSegment(2));
            return StubServer.Response.json(200, "{\"id\": \"" + r.pathSegment(2) + "\", \"status\": "
                    + "\"CANCELLED\"}");
        });
        settings.put(RunpodSettings.BASE_URL.name(), stub.baseUrl());
        return true;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
