package io.github.seedream4j.provider.fal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.http.Json;
import io.github.seedream4j.tck.HeldSubmission;
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
 * fal passes the compatibility kit against WireMock on 127.0.0.1: fal's queue answers (submission, status, result,
 * cancellation) in the shapes fal documents, on the text-to-image and edit endpoints of every version, and real PNGs
 * of the size that was asked for: one, or as many as a set is to hold.
 */
class FalProviderCompatibilityTest extends ImageProviderCompatibilityKit {

    private static final String T2I = "/fal-ai/bytedance/seedream/v4/text-to-image";
    private static final String REQUESTS = "/fal-ai/bytedance/requests/";
    /** The endpoint ids of every version, without their last segment ({@code /text-to-image} or {@code /edit}). */
    private static final List<String> PREFIXES = List.of("/fal-ai/bytedance/seedream/v4",
            "/fal-ai/bytedance/seedream/v4.5", "/bytedance/seedream/v5/lite");
    /** Where fal's queue keeps the requests of those endpoints: {@code /<owner>/<alias>/requests/}. */
    private static final List<String> QUEUES = List.of(REQUESTS, "/bytedance/seedream/requests/");
    private static final String SLOW = "764cabcf-b745-4b3e-ae38-1200304cf45b";

    private final Answered answered = new Answered();
    private final Held held = new Held();
    private WireMockServer server;
    private boolean slow;

    @BeforeEach
    void startServer() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .http2PlainDisabled(true).extensions(answered, held,
                held.cancels));
        server.start();
    }

    /**
     * A slow request that fal accepted is cancelled at fal when its generation ends; waits for that cancellation
     * before the server stops, so that it is not refused by a stopped server. (A generation cancelled before its
     * submission was sent has nothing to cancel.)
     */
    @AfterEach
    void stopServer() throws InterruptedException {
        try {
            if (slow && !server.findAll(postRequestedFor(urlPathEqualTo(T2I))).isEmpty()) {
                assertThat(answered.await("PUT", REQUESTS + SLOW + "/cancel")).as("cancellations of the slow "
                        + "request at fal").isPositive();
            }
        } finally {
            server.stop();
        }
    }

    @Override
    protected String providerId() {
        return "fal";
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of(FalSettings.BASE_URL.name(), server.baseUrl());
    }

    /** The submission of that size is accepted; its status is COMPLETED and its result an image of that size. */
    @Override
    protected void expectGeneration(Resolution r) {
        answer(r, 1, false);
    }

    /** The next submission of that size is accepted; its result holds {@code images} images of that size. */
    @Override
    protected boolean expectSet(Resolution r, int images) {
        answer(r, images, true);
        return true;
    }

    /**
     * Submissions of size {@code r} to any endpoint (the newest stub wins) are accepted with a request id of their
     * own (one for a set of each size), COMPLETED in either queue, with a result of {@code images} images.
     */
    private void answer(Resolution r, int images, boolean set) {
        String id = "80e732af-660e-45cd-" + (set ? "5e7" + images : "bd63") + String.format("-%06d%06d", r.width(),
                r.height());
        List<String> results = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            String image = "/files/penguin/" + r.width() + "x" + r.height() + "-" + i + ".png";
            server.stubFor(get(urlPathEqualTo(image)).willReturn(aResponse().withHeader("Content-Type", "image/png")
                    .withBody(Pngs.png(r.width(), r.height()))));
            results.add("{\"url\": \"" + server.baseUrl() + image + "\", \"content_type\": \"image/png\", "
                    + "\"width\": " + r.width() + ", \"height\": " + r.height() + "}");
        }
        for (String prefix : PREFIXES) {
            for (String endpoint : List.of(prefix + "/text-to-image", prefix + "/edit")) {
                server.stubFor(post(urlPathEqualTo(endpoint))
                        .withRequestBody(matchingJsonPath("$.image_size.width", equalTo(String.valueOf(r.width()))))
                        .withRequestBody(matchingJsonPath("$.image_size.height", equalTo(String.valueOf(r.height()))))
                        .willReturn(json(200, accepted(id))));
            }
        }
        for (String queue : QUEUES) {
            server.stubFor(get(urlPathEqualTo(queue + id + "/status")).willReturn(json(200, "{\"status\": "
                    + "\"COMPLETED\", \"request_id\": \"" + id + "\", \"response_url\": \"" + server.baseUrl()
                    + queue + id + "\", \"logs\": null, \"metrics\": {\"inference_time\": 4.2}}")));
            server.stubFor(get(urlPathEqualTo(queue + id)).willReturn(json(200, "{\"images\": ["
                    + String.join(", ", results) + "], \"seed\": 746406749}")));
        }
    }

    /**
     * Every submission: its endpoint names the version, {@code image_urls} holds the images, {@code max_images} the
     * set's maximum (1 for one image).
     */
    @Override
    protected Optional<List<ReceivedRequest>> receivedRequests() {
        return Optional.of(server.findAll(postRequestedFor(urlPathMatching(".*/(text-to-image|edit)"))).stream()
                .map(r -> {
                    JsonNode body = Json.mapper().readTree(r.getBodyAsString());
                    List<String> images = new ArrayList<>();
                    body.path("image_urls").forEach(i -> images.add(i.asString()));
                    JsonNode max = body.path("max_images");
                    return new ReceivedRequest(r.getUrl(), images, max.isNumber() ? max.asInt() : null);
                }).toList());
    }

    /** A 500 whose body echoes the key, as a misconfigured gateway might; it must be scrubbed. */
    @Override
    protected boolean provokeFailure(Map<String, String> settings) {
        server.stubFor(post(urlPathEqualTo(T2I)).willReturn(json(500, "{\"detail\": \"Internal Server Error while "
                + "checking Key " + canary() + "\"}")));
        return true;
    }

    /** The request is accepted and then stays IN_PROGRESS; its cancellation is answered. */
    @Override
    protected boolean makeSlow(Map<String, String> settings) {
        slow = true;
        server.stubFor(post(urlPathEqualTo(T2I)).willReturn(json(200, accepted(SLOW))));
        server.stubFor(get(urlPathEqualTo(REQUESTS + SLOW + "/status")).willReturn(json(202, "{\"status\": "
                + "\"IN_PROGRESS\", \"request_id\": \"" + SLOW + "\", \"logs\": null}")));
        server.stubFor(put(urlPathEqualTo(REQUESTS + SLOW + "/cancel")).willReturn(json(202,
                "{\"status\": \"CANCELLATION_REQUESTED\"}")));
        return true;
    }

    /**
     * The submission waits for the kit's release and is then accepted with the kit's request id; the request stays
     * IN_PROGRESS; each cancellation is reported to the kit once it was answered.
     */
    @Override
    protected boolean holdSubmission(Map<String, String> settings, HeldSubmission submission) {
        held.submission = submission;
        server.stubFor(post(urlPathEqualTo(T2I)).willReturn(json(200, "{}").withTransformers(Held.NAME)));
        server.stubFor(get(urlPathMatching(REQUESTS + "[^/]+/status")).willReturn(json(202,
                "{\"status\": \"IN_PROGRESS\"}")));
        server.stubFor(put(urlPathMatching(REQUESTS + "[^/]+/cancel")).willReturn(json(202,
                "{\"status\": \"CANCELLATION_REQUESTED\"}")));
        return true;
    }

    /** Holds a submission for the kit, and tells it which requests were cancelled. */
    final class Held implements ResponseDefinitionTransformerV2 {
        static final String NAME = "held";
        volatile HeldSubmission submission;
        final ServeEventListener cancels = new ServeEventListener() {
            @Override
            public void afterComplete(ServeEvent event, Parameters parameters) {
                String path = event.getRequest().getUrl().replaceAll("\\?.*", "");
                if (submission != null && event.getRequest().getMethod().getName().equals("PUT")
                        && path.endsWith("/cancel")) {
                    String[] parts = path.split("/");
                    submission.cancelled(parts[parts.length - 2]);
                }
            }

            @Override
            public String getName() {
                return "held-cancels";
            }
        };

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            try {
                return json(200, accepted(submission.awaitRelease())).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return event.getResponseDefinition();
            }
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    private String accepted(String id) {
        String at = server.baseUrl() + REQUESTS + id;
        return "{\"status\": \"IN_QUEUE\", \"request_id\": \"" + id + "\", \"response_url\": \"" + at + "\", "
                + "\"status_url\": \"" + at + "/status\", \"cancel_url\": \"" + at + "/cancel\", \"queue_position\": 0}";
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
