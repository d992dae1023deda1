package io.github.seedream4j.provider.replicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationHandle;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.ReferenceImage;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.SizeTier;
import io.github.seedream4j.UnsupportedOptionException;
import io.github.seedream4j.Warning;
import io.github.seedream4j.http.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The provider through the client: discovery through ServiceLoader, then create, poll, fetch and cancel. */
class ReplicateProviderTest {

    static final String TOKEN = "r8_CANARY_4b1f0c9e7d";
    static final String CREATE_4 = "/v1/models/bytedance/seedream-4/predictions";
    static final String ID = "kr2d2jhqbsrj60cjb2vtmekgh4";

    private WireMockServer server;
    private SeedreamClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .http2PlainDisabled(true).http2PlainDisabled(true));
        server.start();
        client = client(Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    SeedreamClient client(Duration timeout) {
        return builder(base()).timeout(timeout).build();
    }

    static SeedreamClient.Builder builder(String baseUrl) {
        return SeedreamClient.builder().provider("replicate").setting("api-token", TOKEN).setting("base-url", baseUrl)
                .systemProperties(k -> null).environment(k -> null);
    }

    String base() {
        return server.baseUrl() + "/v1";
    }

    static GenerationRequest request() {
        return GenerationRequest.builder("a red fox in the snow").size(2048, 2048).build();
    }

    void stubCreate(int status, String body) {
        server.stubFor(post(CREATE_4).willReturn(json(status, body)));
    }

    void stubPoll(String id, String... bodies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < bodies.length; i++) {
            String next = i + 1 < bodies.length ? "poll-" + (i + 1) : state;
            server.stubFor(get("/v1/predictions/" + id).inScenario("poll-" + id).whenScenarioStateIs(state)
                    .willReturn(json(200, bodies[i])).willSetStateTo(next));
            state = next;
        }
    }

    /** Serves a JPEG of the given size at the path of each {@code https://replicate.delivery} URL. */
    void stubOutputs(List<String> urls, int width, int height) {
        for (String url : urls) {
            server.stubFor(get(url.substring("https://replicate.delivery".length())).willReturn(aResponse()
                    .withHeader("Content-Type", "image/jpeg").withBody(Images.jpeg(width, height))));
        }
    }

    /** The output URLs on replicate.delivery, moved to the stub: the downloader fetches only loopback over http. */
    String onStub(String output) {
        return output.replace("https://replicate.delivery", server.baseUrl());
    }

    static String starting(String id, String urlBase) {
        return "{\"id\":\"" + id + "\",\"logs\":\"\",\"error\":null,\"status\":\"starting\",\"created_at\":"
                + "\"2023-11-27T13:35:45.99397566Z\",\"urls\":{\"cancel\":\"" + urlBase + "/predictions/" + id
                + "/cancel\",\"get\":\"" + urlBase + "/predictions/" + id + "\"}}";
    }

    static String ended(String id, String status, String output, String error) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"output\":" + output + ",\"error\":" + error
                + ",\"data_removed\":false,\"created_at\":\"2025-09-10T10:00:00.000Z\",\"started_at\":"
                + "\"2025-09-10T10:00:02.000Z\",\"completed_at\":\"2025-09-10T10:00:11.000Z\","
                + "\"metrics\":{\"predict_time\":8.75}}";
    }

    /** The verbatim input with the keys removed that the model page's form echoes with no effect on this request. */
    static String inputWithout(String vector, String... keys) {
        ObjectNode input = (ObjectNode) Json.mapper().readTree(Vectors.read(vector));
        for (String key : keys) {
            input.remove(key);
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("input", input);
        return body.toString();
    }

    static String text(String vector, String field) {
        return Json.mapper().readTree(Vectors.read(vector)).get(field).asString();
    }

    // ------------------------------------------------------------------------------------ verbatim vectors

    /**
     * The model page's sequential example (§2.1): the same request is sent, exact to the schema; the recorded create
     * answer (§1.2, still processing) is polled at the API, and the three images of the set (of at most four) are
     * fetched. The page's input also holds {@code width} and {@code height} at their defaults, which the schema uses
     * only with {@code size: custom}, so they are not sent.
     */
    @Test
    void generate_sequentialSetOfTheModelPage() {
        String output = Vectors.read("seedream-4-set-output.json");
        List<String> urls = strings(output);
        stubCreate(201, Vectors.read("create-processing.json"));
        stubPoll(ID, ended(ID, "processing", "null", "null"), ended(ID, "succeeded", onStub(output), "null"));
        stubOutputs(urls, 2304, 1728);
        GenerationRequest r = GenerationRequest.builder(text("seedream-4-set-input.json", "prompt"))
                .size(SizeTier.TWO_K, AspectRatio.RATIO_4_3)
                .image(ReferenceImage.url("https://replicate.delivery/pbxt/NgNa2k87ua7v4G2Z51JpiWFcjXoTV1wPVQ86YjmLPfREnWfD/0_1.webp"))
                .maxImages(4).build();

        GenerationResult result = client.generate(r);

        assertThat(result.images()).hasSize(3).allSatisfy(image -> {
            assertThat(image.resolution()).isEqualTo(Resolution.of(2304, 1728));
            assertThat(image.format()).isEqualTo(ImageFormat.JPEG);
        });
        assertThat(result.jobIds()).containsExactly(ID);
        assertThat(result.charge().isEstimated()).isTrue();
        assertThat(result.charge().cost().amount()).isEqualByComparingTo("0.09");
        assertThat(result.timings().queue()).contains(Duration.ofSeconds(2));
        assertThat(result.timings().execution()).contains(Duration.ofMillis(8750));
        assertThat(result.warnings()).isEmpty();
        server.verify(1, postRequestedFor(urlEqualTo(CREATE_4))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Prefer", equalTo("wait=60"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(inputWithout("seedream-4-set-input.json", "width", "height"), false,
                        false)));
        // urls.get of the recorded answer is on api.replicate.com, not the configured API: the documented URL is used
        server.verify(2, getRequestedFor(urlEqualTo("/v1/predictions/" + ID))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    /**
     * The model page's single-image example (§2.1), finished within the wait: one round trip, no poll. The page's
     * input echoes {@code width}, {@code height}, {@code max_images: 1} and {@code image_input: []} at their
     * defaults, none of which has an effect on a 2K, non-sequential request without reference images, so none is
     * sent; {@code sequential_image_generation} is always sent.
     */
    @Test
    void generate_singleImageOfTheModelPageWithinTheWait() {
        String output = Vectors.read("seedream-4-single-output.json");
        stubCreate(201, ended("9ebj5m296nrme0cs6dhrr9zf9m", "succeeded", onStub(output), "null"));
        stubOutputs(strings(output), 2304, 1728);
        GenerationRequest r = GenerationRequest.builder(text("seedream-4-single-input.json", "prompt"))
                .size(SizeTier.TWO_K, AspectRatio.RATIO_4_3).build();

        GenerationResult result = client.generate(r);

        assertThat(result.image().resolution()).isEqualTo(Resolution.of(2304, 1728));
        assertThat(result.jobIds()).containsExactly("9ebj5m296nrme0cs6dhrr9zf9m");
        assertThat(result.charge().cost().amount()).isEqualByComparingTo("0.03");
        server.verify(1, postRequestedFor(urlEqualTo(CREATE_4)).withRequestBody(equalToJson(inputWithout(
                "seedream-4-single-input.json", "width", "height", "max_images", "image_input"), false, false)));
        server.verify(0, getRequestedFor(urlPathEqualTo("/v1/predictions/9ebj5m296nrme0cs6dhrr9zf9m")));
    }

    @Test
    void errors_verbatimProblemDetails() {
        stubCreate(401, Vectors.read("error-401.json"));
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(AuthenticationException.class)
                .hasMessage("provider replicate: POST /v1/models/bytedance/seedream-4/predictions answered HTTP 401: "
                        + "Unauthenticated: You did not pass a valid authentication token; the credential was "
                        + "refused: check REPLICATE_API_TOKEN (setting 'api-token')");

        stubCreate(404, Vectors.read("error-404.json"));
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(ConfigurationException.class)
                .hasMessage("provider replicate: POST /v1/models/bytedance/seedream-4/predictions answered HTTP 404: "
                        + "The specified training destination does not exist; Replicate has no model "
                        + "bytedance/seedream-4 at " + base() + ": check the setting 'base-url'");
        server.verify(2, postRequestedFor(urlEqualTo(CREATE_4)));
    }

    /** Without Retry-After, the wait comes from the detail; the create is retried (a 429 was not accepted). */
    @Test
    void errors_verbatimThrottledCreateIsRetriedThenRateLimited() {
        server.stubFor(post(CREATE_4).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/problem+json").withBody(Vectors.read("error-429.json"))));

        RateLimitedException e = (RateLimitedException) catchThrowable(() -> client.generate(request()));

        assertThat(e).hasMessage("provider replicate: POST /v1/models/bytedance/seedream-4/predictions answered "
                + "HTTP 429: Request was throttled. Your rate limit resets in ~30s.; the account is rate limited "
                + "(Replicate allows 600 predictions a minute, fewer while credit runs low): wait at least 30s and "
                + "try again");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        server.verify(4, postRequestedFor(urlEqualTo(CREATE_4)));
    }

    @Test
    void errors_retryAfterHeaderWinsOverTheDetail() {
        server.stubFor(post(CREATE_4).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withBody(Vectors.read("error-429.json"))));

        RateLimitedException e = (RateLimitedException) catchThrowable(() -> client.generate(request()));

        assertThat(e.retryAfter()).contains(Duration.ZERO);
    }

    @Test
    void errors_otherStatuses() {
        stubCreate(422, "{\"title\":\"Input validation failed\",\"detail\":\"- input.size: size must be one of the "
                + "following: \\\"1K\\\", \\\"2K\\\", \\\"4K\\\", \\\"custom\\\"\",\"status\":422}");
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(InvalidRequestException.class)
                .hasMessage("provider replicate: POST /v1/models/bytedance/seedream-4/predictions answered HTTP 422: "
                        + "Input validation failed: - input.size: size must be one of the following: \"1K\", \"2K\", "
                        + "\"4K\", \"custom\"; change the request and send it again");

        stubCreate(402, "{\"title\":\"Insufficient credit\",\"detail\":\"You have insufficient credit to run this "
                + "model.\",\"status\":402}");
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(
                io.github.seedream4j.InsufficientCreditException.class).hasMessage("provider replicate: POST "
                        + "/v1/models/bytedance/seedream-4/predictions answered HTTP 402: Insufficient credit: You have "
                        + "insufficient credit to run this model.; the Replicate account cannot pay for predictions: "
                        + "add credit or a payment method, then try again");

        stubCreate(500, "<!DOCTYPE html><html><title>Oops</title></html>");
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider replicate: POST /v1/models/bytedance/seedream-4/predictions answered HTTP 500: "
                        + "an HTML page titled 'Oops' (47 characters); the provider has a problem: try again later");
    }

    @Test
    void errors_neverShowTheToken() {
        stubCreate(401, "{\"title\":\"Unauthenticated\",\"detail\":\"token " + TOKEN + " is not valid\"}");

        Throwable e = catchThrowable(() -> client.generate(request()));

        assertThat(e).isInstanceOf(AuthenticationException.class);
        assertThat(e.getMessage()).contains("token **** is not valid");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t)).doesNotContain(TOKEN);
        }
        assertThat(client.toString()).doesNotContain(TOKEN);
    }

    // ----------------------------------------------------------------------------------------- lifecycle

    /** A {@code urls.get} on the configured API is followed as given. */
    @Test
    void generate_followsUrlsGetOnTheApi() {
        String id = "heat2o3bzn3ahtr6bjfftvbaci";
        server.stubFor(post(CREATE_4).willReturn(json(201, "{\"id\":\"" + id + "\",\"status\":\"starting\","
                + "\"urls\":{\"get\":\"" + base() + "/predictions/" + id + "/mirror\"}}")));
        server.stubFor(get("/v1/predictions/" + id + "/mirror").willReturn(json(200, ended(id, "succeeded",
                "[\"" + server.baseUrl() + "/out/a.png\"]", "null"))));
        server.stubFor(get("/out/a.png").willReturn(aResponse().withBody(Images.png(2048, 2048))));

        client.generate(request());

        server.verify(1, getRequestedFor(urlEqualTo("/v1/predictions/" + id + "/mirror")));
        server.verify(0, getRequestedFor(urlEqualTo("/v1/predictions/" + id)));
    }

    /** {@code urls} pointing off the configured API never receive the token: the documented URLs are used. */
    @Test
    void generate_urlsOffTheApiNeverReceiveTheToken() throws Exception {
        WireMockServer elsewhere = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .http2PlainDisabled(true));
        elsewhere.start();
        try {
            String id = "heat2o3bzn3ahtr6bjfftvbaci";
            server.stubFor(post(CREATE_4).willReturn(json(201, starting(id, elsewhere.baseUrl() + "/v1"))));
            stubPoll(id, "{\"id\":\"" + id + "\",\"status\":\"processing\"}");
            server.stubFor(post("/v1/predictions/" + id + "/cancel").willReturn(json(200, ended(id, "canceled",
                    "null", "null"))));
            GenerationHandle handle = client.submit(request());
            awaitRequests(getRequestedFor(urlEqualTo("/v1/predictions/" + id)));

            handle.cancel();

            awaitRequests(postRequestedFor(urlEqualTo("/v1/predictions/" + id + "/cancel")));
            server.verify(getRequestedFor(urlEqualTo("/v1/predictions/" + id))
                    .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
            server.verify(1, postRequestedFor(urlEqualTo("/v1/predictions/" + id + "/cancel"))
                    .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
            assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        } finally {
            elsewhere.stop();
        }
    }

    @Test
    void generate_failedPrediction() {
        stubCreate(201, starting(ID, base()));
        stubPoll(ID, ended(ID, "failed", "null", "\"The input or output was flagged as sensitive. Please try again "
                + "with different inputs. (E005)\""));

        SeedreamException e = (SeedreamException) catchThrowable(() -> client.generate(request()));

        assertThat(e).isInstanceOf(GenerationFailedException.class).hasMessage("provider replicate: prediction " + ID
                + " failed: The input or output was flagged as sensitive. Please try again with different inputs. "
                + "(E005); change the request if the reason says so, or send it again");
        assertThat(e.jobId()).contains(ID);

        stubCreate(201, ended(ID, "failed", "null", "null"));
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(GenerationFailedException.class)
                .hasMessage("provider replicate: prediction " + ID + " failed: Replicate gave no reason; change the "
                        + "request if the reason says so, or send it again");
    }

    @Test
    void generate_canceledAndAbortedPredictions() {
        stubCreate(201, starting(ID, base()));
        stubPoll(ID, ended(ID, "canceled", "null", "null"));
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(GenerationCancelledException.class)
                .hasMessage("provider replicate: prediction " + ID + " was canceled at Replicate");

        server.resetAll();
        stubCreate(201, ended(ID, "aborted", "null", "null"));
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(GenerationTimeoutException.class)
                .hasMessage("provider replicate: prediction " + ID + " was aborted: its deadline passed before it "
                        + "started. Replicate does not charge aborted predictions; send the request again");
    }

    @Test
    void generate_succeededWithoutImages() {
        stubCreate(201, ended(ID, "succeeded", "[]", "null"));
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(GenerationFailedException.class)
                .hasMessage("provider replicate: prediction " + ID + " succeeded, but its output names no image; send "
                        + "the request again");

        stubCreate(201, ended(ID, "succeeded", "null", "null").replace("\"data_removed\":false",
                "\"data_removed\":true"));
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(GenerationFailedException.class)
                .hasMessage("provider replicate: prediction " + ID + " succeeded, but Replicate has removed its output "
                        + "(it keeps the output of API predictions an hour); send the request again");
    }

    /** A set whose last image cannot be fetched keeps the images it has: they are paid for. */
    @Test
    void generate_setWithAnImageThatCannotBeFetchedKeepsTheOthers() {
        stubCreate(201, ended(ID, "succeeded", "[\"" + server.baseUrl() + "/out/1.png\",\"" + server.baseUrl()
                + "/out/2.png\",\"" + server.baseUrl() + "/out/3.png\"]", "null"));
        server.stubFor(get(urlPathEqualTo("/out/1.png")).willReturn(aResponse().withBody(Images.png(2048, 2048))));
        server.stubFor(get(urlPathEqualTo("/out/2.png")).willReturn(aResponse().withBody(Images.png(2048, 2048))));
        server.stubFor(get(urlPathEqualTo("/out/3.png")).willReturn(aResponse().withStatus(404)));

        GenerationResult result = client.generate(request().toBuilder().maxImages(3).build());

        assertThat(result.images()).hasSize(2);
        assertThat(result.charge().cost().amount()).isEqualByComparingTo("0.06");
        assertThat(result.warnings()).containsExactly(Warning.of(Warning.PARTIAL_RESULT, "image 3 of 3 of Replicate "
                + "prediction " + ID + " could not be fetched, nor those after it: provider replicate: the image URL "
                + server.baseUrl() + "/out/3.png answered HTTP 404: it has expired or never existed (provider image "
                + "URLs are short-lived); generate the image again; the set holds the first 2"));
    }

    @Test
    void generate_moreImagesThanAskedKeepsThoseAsked() {
        stubCreate(201, ended(ID, "succeeded", "[\"" + server.baseUrl() + "/out/1.png\",\"" + server.baseUrl()
                + "/out/2.png\"]", "null"));
        server.stubFor(get(urlPathEqualTo("/out/1.png")).willReturn(aResponse().withBody(Images.png(2048, 2048))));

        GenerationResult result = client.generate(request());

        assertThat(result.images()).hasSize(1);
        assertThat(result.warnings()).containsExactly(Warning.of("extra-images", "Replicate prediction " + ID
                + " returned 2 images for a call that asked for 1; only the first 1 were kept, and the estimated charge "
                + "counts only those"));
        server.verify(0, getRequestedFor(urlPathEqualTo("/out/2.png")));
    }

    @Test
    void cancel_ofARunningGenerationCancelsThePrediction() throws Exception {
        stubCreate(201, starting(ID, base()));
        stubPoll(ID, "{\"id\":\"" + ID + "\",\"status\":\"processing\"}");
        server.stubFor(post("/v1/predictions/" + ID + "/cancel").willReturn(json(200, ended(ID, "canceled", "null",
                "null"))));

        GenerationHandle handle = client.submit(request());
        awaitRequests(getRequestedFor(urlEqualTo("/v1/predictions/" + ID)));
        assertThat(handle.jobIds()).containsExactly(ID);
        assertThat(handle.cancel()).isTrue();

        awaitRequests(postRequestedFor(urlEqualTo("/v1/predictions/" + ID + "/cancel")));
        server.verify(1, postRequestedFor(urlEqualTo("/v1/predictions/" + ID + "/cancel"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThatThrownBy(handle::await).isInstanceOf(GenerationCancelledException.class);
    }

    @Test
    void deadline_cancelsThePrediction() throws Exception {
        stubCreate(201, starting(ID, base()));
        stubPoll(ID, "{\"id\":\"" + ID + "\",\"status\":\"processing\"}");
        server.stubFor(post("/v1/predictions/" + ID + "/cancel").willReturn(json(200, "{}")));
        try (SeedreamClient quick = client(Duration.ofMillis(1500))) {
            SeedreamException e = (SeedreamException) catchThrowable(() -> quick.generate(request()));

            assertThat(e).isInstanceOf(GenerationTimeoutException.class);
            assertThat(e.jobId()).contains(ID);
            awaitRequests(postRequestedFor(urlEqualTo("/v1/predictions/" + ID + "/cancel")));
            server.verify(1, postRequestedFor(urlEqualTo("/v1/predictions/" + ID + "/cancel")));
            server.verify(1, postRequestedFor(urlEqualTo(CREATE_4)));
        }
    }

    /** The prediction id arrives after the caller cancelled: it is reported, and the prediction cancelled. */
    @Test
    void lateId_afterCancel_isReportedAndCancelledOnArrival() throws Exception {
        try (HeldReplicate held = new HeldReplicate("latepredictionid");
                SeedreamClient c = builder(held.baseUrl()).timeout(Duration.ofSeconds(30)).build()) {
            GenerationHandle handle = c.submit(request());
            assertThat(held.arrived.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            assertThat(handle.cancel()).isTrue();
            assertThatThrownBy(handle::await).isInstanceOf(GenerationCancelledException.class);
            held.release();

            assertThat(held.cancelArrived.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(held.cancelled).containsExactly("latepredictionid");
            awaitJobId(handle, "latepredictionid");
        }
    }

    @Test
    void lateId_afterTheDeadline_isReportedAndCancelledOnArrival() throws Exception {
        try (HeldReplicate held = new HeldReplicate("latepredictionid");
                SeedreamClient c = builder(held.baseUrl()).timeout(Duration.ofSeconds(1)).build()) {
            GenerationHandle handle = c.submit(request());

            Throwable t = catchThrowable(handle::await);
            held.release();

            assertThat(t).isInstanceOf(GenerationTimeoutException.class);
            assertThat(((GenerationTimeoutException) t).requestMayHaveBeenAccepted()).isTrue();
            assertThat(held.cancelArrived.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(held.cancelled).containsExactly("latepredictionid");
            awaitJobId(handle, "latepredictionid");
        }
    }

    @Test
    void resume_pollsAnExistingPredictionWithoutCreating() {
        stubPoll(ID, "{\"id\":\"" + ID + "\",\"status\":\"processing\"}", ended(ID, "succeeded", "[\""
                + server.baseUrl() + "/out/a.png\"]", "null"));
        server.stubFor(get("/out/a.png").willReturn(aResponse().withBody(Images.png(2048, 2048))));

        GenerationResult result = client.resume(request(), ID, ImageDestination.memory());

        assertThat(result.jobIds()).containsExactly(ID);
        assertThat(result.images()).extracting(GeneratedImage::resolution).containsExactly(Resolution.of(2048, 2048));
        server.verify(0, postRequestedFor(urlEqualTo(CREATE_4)));
        server.verify(2, getRequestedFor(urlEqualTo("/v1/predictions/" + ID)));
    }

    @Test
    void resume_unknownPredictionOrBadId() {
        server.stubFor(get("/v1/predictions/" + ID).willReturn(json(404, "{\"detail\":\"Not found.\",\"status\":"
                + "404}")));
        assertThatThrownBy(() -> client.resume(request(), ID, ImageDestination.memory()))
                .isInstanceOf(GenerationFailedException.class)
                .hasMessage("provider replicate: GET /v1/predictions/" + ID + " answered HTTP 404: Not found.; "
                        + "prediction " + ID + " is unknown to Replicate at " + base() + "; send the request again");

        assertThatThrownBy(() -> client.resume(request(), "../account", ImageDestination.memory()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("provider replicate cannot resume '../account': a Replicate prediction id has only "
                        + "letters, digits, '-' and '_'; give the id the generation reported");
        server.verify(1, anyRequestedFor(anyUrl()));
    }

    // ----------------------------------------------------------------------------------- never pay twice

    @Test
    void create_connectionResetAfterSendingIsNeverResent() {
        server.stubFor(post(CREATE_4).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(OutcomeUnknownException.class)
                .hasMessage("provider replicate: POST /v1/models/bytedance/seedream-4/predictions may have reached "
                        + "the provider and started a paid job, but the connection to localhost:" + server.port()
                        + " was closed before a complete answer came back. It was not sent again; check the "
                        + "predictions in the Replicate dashboard before sending the request again");
        server.verify(1, postRequestedFor(urlEqualTo(CREATE_4)));
    }

    @Test
    void create_gatewayTimeoutOrAnswerWithoutPredictionIsNeverResent() {
        stubCreate(504, "<html><head><title>504 Gateway Time-out</title></head><body>nginx</body></html>");
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(OutcomeUnknownException.class)
                .hasMessage("provider replicate: POST /v1/models/bytedance/seedream-4/predictions answered HTTP 504: "
                        + "an HTML page titled '504 Gateway Time-out' (79 characters); a gateway gave up waiting, and "
                        + "the provider may have accepted, and charged, the request anyway. It was not sent again; "
                        + "check the predictions in the Replicate dashboard before sending the request again");

        stubCreate(201, "{\"status\":\"starting\"}");
        assertThatThrownBy(() -> client.generate(request())).isInstanceOf(OutcomeUnknownException.class)
                .hasMessage("provider replicate: POST /v1/models/bytedance/seedream-4/predictions answered HTTP 201: "
                        + "{\"status\":\"starting\"}; the prediction it created has no id, so it cannot be followed or cancelled. It was not sent "
                        + "again; check the predictions in the Replicate dashboard before sending the request again");
        server.verify(2, postRequestedFor(urlEqualTo(CREATE_4)));
    }

    @Test
    void create_503IsRetriedThenSucceeds() {
        server.stubFor(post(CREATE_4).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")).willSetStateTo("ok"));
        server.stubFor(post(CREATE_4).inScenario("busy").whenScenarioStateIs("ok").willReturn(json(201,
                ended(ID, "succeeded", "[\"" + server.baseUrl() + "/out/a.png\"]", "null"))));
        server.stubFor(get("/out/a.png").willReturn(aResponse().withBody(Images.png(2048, 2048))));

        client.generate(request());

        server.verify(2, postRequestedFor(urlEqualTo(CREATE_4)));
    }

    @Test
    void generate_onAnInterruptedThreadSendsNothing() {
        stubCreate(201, starting(ID, base()));

        Thread.currentThread().interrupt();
        Throwable e;
        try {
            e = catchThrowable(() -> client.generate(request()));
        } finally {
            Thread.interrupted();
        }

        assertThat(e).isInstanceOf(GenerationCancelledException.class);
        server.verify(0, postRequestedFor(urlEqualTo(CREATE_4)));
    }

    // ------------------------------------------------------------------------------- inputs per model

    void stubAnyCreateSucceeding(String path, int width, int height) {
        server.stubFor(post(path).willReturn(json(201, ended(ID, "succeeded", "[\"" + server.baseUrl()
                + "/out/m.png\"]", "null"))));
        server.stubFor(get("/out/m.png").willReturn(aResponse().withBody(Images.png(width, height))));
    }

    @Test
    void input_exactPixelsAndOptionsOnSeedream4() {
        stubAnyCreateSucceeding(CREATE_4, 1280, 3072);

        client.generate(GenerationRequest.builder("a tall lighthouse").size(1280, 3072).enhancePrompt(false).build());

        server.verify(postRequestedFor(urlEqualTo(CREATE_4)).withRequestBody(equalToJson("{\"input\":{\"prompt\":"
                + "\"a tall lighthouse\",\"size\":\"custom\",\"width\":1280,\"height\":3072,"
                + "\"sequential_image_generation\":\"disabled\",\"enhance_prompt\":false}}", false, false)));
    }

    @Test
    void input_referenceImageHeldAsBytesTravelsAsADataUri() {
        byte[] png = Images.png(64, 48);
        stubAnyCreateSucceeding(CREATE_4, 2048, 2048);

        client.generate(request().toBuilder().image(ReferenceImage.bytes(png)).build());

        String dataUri = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png);
        server.verify(postRequestedFor(urlEqualTo(CREATE_4)).withRequestBody(equalToJson("{\"input\":{\"prompt\":"
                + "\"a red fox in the snow\",\"size\":\"custom\",\"width\":2048,\"height\":2048,\"image_input\":[\""
                + dataUri + "\"],\"sequential_image_generation\":\"disabled\"}}", false, false)));
    }

    /** Seedream 4.5's schema lists no aspect_ratio: a tier goes as the exact pixels of 4.5's own table. */
    @Test
    void input_seedream45TakesCustomPixels() {
        String create = "/v1/models/bytedance/seedream-4.5/predictions";
        stubAnyCreateSucceeding(create, 2848, 1600);

        GenerationResult result = client.generate(GenerationRequest.builder("a harbour at dusk")
                .model(SeedreamModel.V4_5).size(SizeTier.TWO_K, AspectRatio.RATIO_16_9).maxImages(2).build());

        assertThat(result.image().resolution()).isEqualTo(Resolution.of(2848, 1600));
        server.verify(postRequestedFor(urlEqualTo(create)).withRequestBody(equalToJson("{\"input\":{\"prompt\":"
                + "\"a harbour at dusk\",\"size\":\"custom\",\"width\":2848,\"height\":1600,"
                + "\"sequential_image_generation\":\"auto\",\"max_images\":2}}", false, false)));
    }

    @Test
    void input_seedream45RefusesWhatItsSchemaCannotSayBeforeSending() {
        GenerationRequest r = GenerationRequest.builder("a harbour at dusk").model(SeedreamModel.V4_5)
                .size(SizeTier.FOUR_K, AspectRatio.RATIO_16_9).build();
        assertThatThrownBy(() -> client.generate(r)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("provider replicate: tier 4K at 16:9 (5504x3040) cannot be made on bytedance/seedream-4.5, "
                        + "which takes width and height from 1024 to 4096 pixels: ask for exact pixels within that "
                        + "range, such as 4096x2304");

        assertThatThrownBy(() -> client.generate(r.withSize(io.github.seedream4j.ImageSize.exact(2048, 2048))
                .withEnhancePrompt(true))).isInstanceOf(UnsupportedOptionException.class)
                .hasMessage("provider replicate cannot honour prompt enhancement on with Seedream 4.5: "
                        + "bytedance/seedream-4.5 has no enhance_prompt input. Remove the option, or ask for model 4.0");

        GenerationRequest longPrompt = GenerationRequest.builder("a".repeat(4001)).model(SeedreamModel.V4_5)
                .size(2048, 2048).build();
        assertThatThrownBy(() -> client.generate(longPrompt)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("provider replicate: the prompt is 4001 characters long; bytedance/seedream-4.5 takes at "
                        + "most 4000: shorten it");
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    /** Seedream 5.0 lite's schema has tiers and ratios only: exact pixels go as the tier whose table entry they are. */
    @Test
    void input_seedream5LiteTakesTiers() {
        String create = "/v1/models/bytedance/seedream-5-lite/predictions";
        stubAnyCreateSucceeding(create, 4704, 2016);

        client.generate(GenerationRequest.builder("a city at night").model(SeedreamModel.V5_0_LITE)
                .size(SizeTier.THREE_K, AspectRatio.RATIO_21_9).build());

        server.verify(postRequestedFor(urlEqualTo(create)).withRequestBody(equalToJson("{\"input\":{\"prompt\":"
                + "\"a city at night\",\"size\":\"3K\",\"aspect_ratio\":\"21:9\","
                + "\"sequential_image_generation\":\"disabled\"}}", false, false)));

        server.resetRequests();
        stubAnyCreateSucceeding(create, 2048, 2048);
        client.generate(GenerationRequest.builder("a city at night").model(SeedreamModel.V5_0_LITE).size(2048, 2048)
                .build());
        server.verify(postRequestedFor(urlEqualTo(create)).withRequestBody(equalToJson("{\"input\":{\"prompt\":"
                + "\"a city at night\",\"size\":\"2K\",\"aspect_ratio\":\"1:1\","
                + "\"sequential_image_generation\":\"disabled\"}}", false, false)));

        server.resetRequests();
        assertThatThrownBy(() -> client.generate(GenerationRequest.builder("a city at night")
                .model(SeedreamModel.V5_0_LITE).size(2560, 1440).build())).isInstanceOf(InvalidRequestException.class)
                .hasMessage("provider replicate: size 2560x1440 cannot be made on bytedance/seedream-5-lite, which "
                        + "takes only tiers [2K, 3K] with an aspect ratio: ask for a tier, such as 2K at 16:9");
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    // ------------------------------------------------------------------------------- settings and cost

    @Test
    void settings_waitIsSentAndChecked() {
        stubAnyCreateSucceeding(CREATE_4, 2048, 2048);
        try (SeedreamClient c = builder(base()).setting("wait", "5s").build()) {
            c.generate(request());
        }
        server.verify(postRequestedFor(urlEqualTo(CREATE_4)).withHeader("Prefer", equalTo("wait=5")));

        for (String bad : new String[] {"61s", "0s", "1500ms"}) {
            assertThatThrownBy(() -> builder(base()).setting("wait", bad).build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("provider replicate setting 'wait' from explicit setting 'wait' is '" + bad
                            + "'; Replicate holds a create request 1 to 60 whole seconds (Prefer: wait=1 to wait=60): "
                            + "use for example 60s or 10s");
        }
    }

    @Test
    void settings_tokenIsRequiredAndChecked() {
        assertThatThrownBy(() -> SeedreamClient.builder().provider("replicate").systemProperties(k -> null)
                .environment(k -> null).build()).isInstanceOf(ConfigurationException.class)
                .hasMessage("provider replicate needs setting 'api-token' (Replicate API token): set the environment "
                        + "variable REPLICATE_API_TOKEN or SEEDREAM_REPLICATE_API_TOKEN, or the system property "
                        + "seedream.replicate.api-token");

        Throwable e = catchThrowable(() -> SeedreamClient.builder().provider("replicate").systemProperties(k -> null)
                .environment(Map.of("REPLICATE_API_TOKEN", TOKEN + "\n")::get).build());
        assertThat(e).isInstanceOf(ConfigurationException.class).hasMessage("provider replicate setting 'api-token' "
                + "from environment variable REPLICATE_API_TOKEN ends with a line break (the value is not shown); set it "
                + "again without it, for example without the newline a file or 'echo' adds").hasNoCause();

        assertThatThrownBy(() -> builder("http://192.0.2.7:8080/v1").build()).isInstanceOf(
                ConfigurationException.class).hasMessage("provider replicate setting 'base-url' from explicit setting "
                        + "'base-url' is http://192.0.2.7:8080/v1: plain http would send the credential unencrypted to "
                        + "192.0.2.7; use https, or set 'allow-insecure-http' to true (system property "
                        + "seedream.replicate.allow-insecure-http) if the network is trusted");
    }

    @Test
    void estimate_needsNoTokenAndUsesThePrice() {
        var estimator = SeedreamClient.builder().provider("replicate").systemProperties(k -> null)
                .environment(k -> null).buildEstimator();
        GenerationRequest set = request().toBuilder().maxImages(4).build();

        assertThat(estimator.estimate(request().withCount(2)).cost().amount()).isEqualByComparingTo("0.06");
        assertThat(estimator.estimate(set).cost().amount()).isEqualByComparingTo("0.12");
        assertThat(estimator.estimateLeast(set).cost().amount()).isEqualByComparingTo("0.03");

        var priced = SeedreamClient.builder().provider("replicate").setting("price", "0.045/image")
                .systemProperties(k -> null).environment(k -> null).buildEstimator();
        assertThat(priced.estimate(request().withModel(SeedreamModel.V4_5)).cost().amount())
                .isEqualByComparingTo("0.045");
    }

    @Test
    void capabilities_offerEachModelUnderItsReplicateName() {
        assertThat(client.capabilities().models()).extracting(o -> o.model().label() + "=" + o.providerModelId()
                + " " + o.imageInputs() + (o.sequential() ? " sets" : "")).containsExactly(
                        "4.0=bytedance/seedream-4 [URL, DATA_URI] sets",
                        "4.5=bytedance/seedream-4.5 [URL, DATA_URI] sets",
                        "5.0-lite=bytedance/seedream-5-lite [URL, DATA_URI] sets");
        assertThat(client.capabilities().defaultModel().model()).isEqualTo(SeedreamModel.V4_0);
    }

    // ------------------------------------------------------------------------------------------ helpers

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    void awaitRequests(RequestPatternBuilder pattern) throws InterruptedException {
        for (int i = 0; i < 400 && server.findAll(pattern).isEmpty(); i++) {
            Thread.sleep(25);
        }
    }

    static void awaitJobId(GenerationHandle handle, String id) throws InterruptedException {
        for (int i = 0; i < 400 && !handle.jobIds().contains(id); i++) {
            Thread.sleep(25);
        }
        assertThat(handle.jobIds()).contains(id);
    }

    static List<String> strings(String jsonArray) {
        List<String> out = new java.util.ArrayList<>();
        Json.mapper().readTree(jsonArray).forEach(n -> out.add(n.asString()));
        return out;
    }
}
