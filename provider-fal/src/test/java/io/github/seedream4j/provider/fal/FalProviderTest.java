package io.github.seedream4j.provider.fal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.Charge;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.Cost;
import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationHandle;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ReferenceImage;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.Seed;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.SizeTier;
import io.github.seedream4j.Warning;
import io.github.seedream4j.provider.fal.internal.Vectors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * provider fal through {@link SeedreamClient} against WireMock on 127.0.0.1: the documented payloads on the wire,
 * the queue followed to the images, errors as the exception family, cancellation (also of a request id that arrives
 * after the caller gave up), resumption, and the rule that the key goes to the base URL's host only.
 */
class FalProviderTest {

    private static final String KEY = "5b7d0f6e-1111-4222-8333-944455556666:0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String V4 = "/fal-ai/bytedance/seedream/v4/text-to-image";
    private static final String ID = "80e732af-660e-45cd-bd63-580e4f2a94cc";
    /** Where fal's clients poll a request of {@code fal-ai/bytedance/...}: the app, without the endpoint's subpath. */
    private static final String AT = "/fal-ai/bytedance/requests/" + ID;
    private static final String PROMPT = "A trendy restaurant with a digital menu board displaying \"Seedream 4.0 is "
            + "available on fal\" in elegant script, with diners enjoying their meals.";

    private final Hold hold = new Hold();
    private final Answered answered = new Answered();
    private final List<GenerationEvent> events = new CopyOnWriteArrayList<>();
    private final List<SeedreamClient> clients = new ArrayList<>();
    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .http2PlainDisabled(true).extensions(hold, answered));
        server.start();
    }

    @AfterEach
    void stop() {
        hold.release();
        clients.forEach(SeedreamClient::close);
        server.stop();
    }

    // ------------------------------------------------------------------------------------------------ queue

    @Test
    void generate_sendsTheDocumentedInput_andFollowsTheQueueToTheImage() {
        server.stubFor(post(urlPathEqualTo(V4)).withHeader("Authorization", equalTo("Key " + KEY))
                .withRequestBody(equalToJson(Vectors.text("v4-t2i-input-full.json").replace("\"max_images\": 1,",
                        "\"max_images\": 1, \"seed\": 746406749,")))
                .willReturn(json(200, Vectors.text("queue-submit.json"))));
        server.stubFor(get(urlPathEqualTo(AT + "/status")).inScenario("queue").whenScenarioStateIs(STARTED)
                .willSetStateTo("running").willReturn(json(202, Vectors.text("queue-status-in-queue.json"))));
        server.stubFor(get(urlPathEqualTo(AT + "/status")).inScenario("queue").whenScenarioStateIs("running")
                .willSetStateTo("done").willReturn(json(202, "{\"status\": \"IN_PROGRESS\", \"request_id\": \"" + ID
                        + "\", \"logs\": null}")));
        server.stubFor(get(urlPathEqualTo(AT + "/status")).inScenario("queue").whenScenarioStateIs("done")
                .willReturn(json(200, completed(ID))));
        result(AT, 4096, 4096, 1);
        GenerationRequest r = GenerationRequest.builder(PROMPT).size(4096, 4096).safetyChecker(true)
                .seed(746_406_749L).build();

        GenerationResult result = client(b -> b).generate(r);

        assertThat(result.image().resolution()).isEqualTo(Resolution.of(4096, 4096));
        assertThat(result.image().seed()).contains(Seed.of(746_406_749L));
        assertThat(result.jobIds()).containsExactly(ID);
        assertThat(result.timings().execution()).contains(Duration.ofMillis(4200));
        assertThat(result.charge()).isEqualTo(Charge.estimated(Cost.usd("0.03")));
        assertThat(result.warnings()).isEmpty();
        assertThat(polled()).containsExactly("IN_QUEUE (queue position 0)", "IN_PROGRESS", "COMPLETED");
        server.verify(1, postRequestedFor(urlPathEqualTo(V4)));
        server.verify(3, getRequestedFor(urlPathEqualTo(AT + "/status")).withHeader("Authorization",
                equalTo("Key " + KEY)));
        server.verify(1, getRequestedFor(urlPathEqualTo(AT)).withHeader("Authorization", equalTo("Key " + KEY)));
    }

    @Test
    void theUrlsFalAnswers_areFollowed_whenTheyAreOnTheBaseUrl() {
        String at = V4 + "/requests/" + ID;
        server.stubFor(post(urlPathEqualTo(V4)).willReturn(json(200, "{\"status\": \"IN_QUEUE\", \"request_id\": \""
                + ID + "\", \"response_url\": \"" + server.baseUrl() + at + "\", \"status_url\": \"" + server.baseUrl()
                + at + "/status\", \"cancel_url\": \"" + server.baseUrl() + at + "/cancel\", \"queue_position\": 2}")));
        server.stubFor(get(urlPathEqualTo(at + "/status")).willReturn(json(200, completed(ID))));
        result(at, 1024, 1024, 1);

        GenerationResult result = client(b -> b).generate(GenerationRequest.builder("a red fox").size(1024, 1024)
                .build());

        assertThat(result.images()).hasSize(1);
        server.verify(0, getRequestedFor(urlPathEqualTo(AT + "/status")));
    }

    @Test
    void theKey_isNeverSentToAnotherHost_thatFalsAnswerNames() {
        WireMockServer elsewhere = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .http2PlainDisabled(true));
        elsewhere.start();
        try {
            elsewhere.stubFor(get(anyUrl()).willReturn(json(200, completed(ID))));
            String at = elsewhere.baseUrl() + AT;
            server.stubFor(post(urlPathEqualTo(V4)).willReturn(json(200, "{\"request_id\": \"" + ID + "\", "
                    + "\"response_url\": \"" + at + "\", \"status_url\": \"" + at + "/status\", \"cancel_url\": \"" + at
                    + "/cancel\"}")));
            server.stubFor(get(urlPathEqualTo(AT + "/status")).willReturn(json(200, completed(ID))));
            result(AT, 1024, 1024, 1);

            GenerationResult result = client(b -> b).generate(GenerationRequest.builder("a red fox")
                    .size(1024, 1024).build());

            assertThat(result.images()).hasSize(1);
            assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).as("requests to the other host").isEmpty();
        } finally {
            elsewhere.stop();
        }
    }

    @Test
    void generate_ofTwoImages_submitsOneRequestPerImage_eachWithItsOwnSeed() {
        server.stubFor(post(urlPathEqualTo(V4)).willReturn(json(200, Vectors.text("queue-submit.json"))));
        server.stubFor(get(urlPathEqualTo(AT + "/status")).willReturn(json(200, completed(ID))));
        result(AT, 1024, 1024, 1);

        GenerationResult result = client(b -> b).generate(GenerationRequest.builder("a red fox").size(1024, 1024)
                .seed(7).count(2).build());

        assertThat(result.images()).extracting(GeneratedImage::seed).containsExactly(java.util.Optional.of(Seed.of(7)),
                java.util.Optional.of(Seed.of(8)));
        for (long seed : new long[] {7, 8}) {
            server.verify(1, postRequestedFor(urlPathEqualTo(V4)).withRequestBody(equalToJson("{\"prompt\": "
                    + "\"a red fox\", \"image_size\": {\"width\": 1024, \"height\": 1024}, \"num_images\": 1, "
                    + "\"max_images\": 1, \"seed\": " + seed + "}")));
        }
    }

    @Test
    void imagesReturnedInline_asDataUris_areStored() {
        server.stubFor(post(urlPathEqualTo(V4)).willReturn(json(200, Vectors.text("queue-submit.json"))));
        server.stubFor(get(urlPathEqualTo(AT + "/status")).willReturn(json(200, completed(ID))));
        server.stubFor(get(urlPathEqualTo(AT)).willReturn(json(200, "{\"images\": [{\"url\": \"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(Pngs.png(1024, 1024)) + "\", \"content_type\": \"image/png\"}], "
                + "\"seed\": 1}")));

        GenerationResult result = client(b -> b).generate(GenerationRequest.builder("a red fox").size(1024, 1024)
                .build());

        assertThat(result.image().resolution()).isEqualTo(Resolution.of(1024, 1024));
        assertThat(result.image().sourceUri()).isEmpty();
    }

    // ----------------------------------------------------------------------------------- models and inputs

    @Test
    void editing_goesToTheEditEndpoint_withTheImagesAsUrls() {
        server.stubFor(post(urlPathEqualTo("/fal-ai/bytedance/seedream/v4/edit")).withRequestBody(equalToJson(
                "{\"prompt\": \"put the hat on the cat\", \"image_size\": {\"width\": 2048, \"height\": 2048}, "
                        + "\"num_images\": 1, \"max_images\": 1, \"seed\": 3, \"image_urls\": "
                        + "[\"https://example.com/cat.png\", \"https://example.com/hat.png\"]}"))
                .willReturn(json(200, Vectors.text("queue-submit.json"))));
        server.stubFor(get(urlPathEqualTo(AT + "/status")).willReturn(json(200, completed(ID))));
        result(AT, 2048, 2048, 1);

        GenerationResult result = client(b -> b).generate(GenerationRequest.builder("put the hat on the cat")
                .size(2048, 2048).seed(3).image(ReferenceImage.url("https://example.com/cat.png"))
                .image(ReferenceImage.url("https://example.com/hat.png")).build());

        assertThat(result.images()).hasSize(1);
    }

    @Test
    void referenceImagesHeldAsBytes_areRefused_sinceFalTakesUrlsOnly() {
        GenerationRequest r = GenerationRequest.builder("put the hat on the cat").size(2048, 2048)
                .image(ReferenceImage.bytes(Pngs.png(64, 64))).build();

        assertThatThrownBy(() -> client(b -> b).generate(r)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is held as bytes, but provider fal takes reference images only as https URLs");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void moreThanTenReferenceImages_areRefusedBeforeSending_sinceFalWouldDropTheFirst() {
        GenerationRequest.Builder b = GenerationRequest.builder("a collage").model(SeedreamModel.V4_5)
                .size(SizeTier.TWO_K, AspectRatio.RATIO_1_1);
        for (int i = 1; i <= 11; i++) {
            b.image(ReferenceImage.url("https://example.com/" + i + ".png"));
        }
        GenerationRequest r = b.build();

        String refused = "11 reference images are more than provider fal sends with Seedream 4.5 (10); use fewer";
        assertThatThrownBy(() -> client(c -> c).generate(r)).isInstanceOf(InvalidRequestException.class)
                .hasMessage(refused);
        // the limit is declared, so an estimate refuses the request too
        assertThatThrownBy(() -> SeedreamClient.builder().provider("fal").buildEstimator().estimate(r))
                .isInstanceOf(InvalidRequestException.class).hasMessage(refused);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void sequentialSet_sendsMaxImages_andKeepsTheImagesTheModelMade() {
        String v45 = "/fal-ai/bytedance/seedream/v4.5/text-to-image";
        server.stubFor(post(urlPathEqualTo(v45)).withRequestBody(equalToJson("{\"prompt\": \"a storyboard of a fox\", "
                + "\"image_size\": {\"width\": 2048, \"height\": 2048}, \"num_images\": 1, \"max_images\": 4, "
                + "\"seed\": 11}")).willReturn(json(200, Vectors.text("queue-submit.json"))));
        server.stubFor(get(urlPathEqualTo(AT + "/status")).willReturn(json(200, completed(ID))));
        result(AT, 2048, 2048, 3);

        GenerationResult result = client(b -> b).generate(GenerationRequest.builder("a storyboard of a fox")
                .model(SeedreamModel.V4_5).size(SizeTier.TWO_K, AspectRatio.RATIO_1_1).seed(11).maxImages(4).build());

        assertThat(result.images()).hasSize(3);
        assertThat(result.charge()).isEqualTo(Charge.estimated(Cost.usd("0.09")));
        assertThat(result.warnings()).containsExactly(Warning.of("price-for-another-model", "the charge is "
                + "estimated with the default of the setting 'price', 0.03 USD per image, fal's price for Seedream "
                + "4.0; fal's price for Seedream 4.5 is 0.04/image (from a third-party catalogue, unconfirmed): set "
                + "'price' to 0.04/image for estimates of it"));
    }

    @Test
    void sequentialSetOfMoreThanSix_isRefusedBeforeSending() {
        GenerationRequest r = GenerationRequest.builder("a storyboard of a fox").size(2048, 2048).maxImages(7).build();

        String refused = "a sequential set of up to 7 images is more than provider fal makes with Seedream 4.0 (at "
                + "most 6): ask for 6 or fewer";
        assertThatThrownBy(() -> client(b -> b).generate(r)).isInstanceOf(InvalidRequestException.class)
                .hasMessage(refused);
        assertThatThrownBy(() -> SeedreamClient.builder().provider("fal").buildEstimator().estimate(r))
                .isInstanceOf(InvalidRequestException.class).hasMessage(refused);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void seedream50Lite_hasItsOwnEndpointAndQueuePath_andTakesNoSeed() {
        String at = "/bytedance/seedream/requests/" + ID;
        server.stubFor(post(urlPathEqualTo("/bytedance/seedream/v5/lite/text-to-image")).withRequestBody(equalToJson(
                "{\"prompt\": \"a red fox\", \"image_size\": {\"width\": 2560, \"height\": 1440}, \"num_images\": 1, "
                        + "\"max_images\": 1}")).willReturn(json(200, "{\"request_id\": \"" + ID + "\"}")));
        server.stubFor(get(urlPathEqualTo(at + "/status")).willReturn(json(200, completed(ID))));
        result(at, 2560, 1440, 1);

        GenerationResult result = client(b -> b.setting("price", "0.035/image")).generate(GenerationRequest
                .builder("a red fox").model(SeedreamModel.V5_0_LITE).size(2560, 1440).seed(5).build());

        assertThat(result.images()).hasSize(1);
        assertThat(result.charge()).isEqualTo(Charge.estimated(Cost.usd("0.035")));
        assertThat(result.warnings()).containsExactly(Warning.of(Warning.UNSUPPORTED_OPTION, "seed 5 was not sent: "
                + "fal's Seedream 5.0-lite takes no seed, so the seed reported with the image does not reproduce it"));
    }

    @Test
    void aStatusFalDoesNotDocument_isPolledOn_andTheResultFetchedOnceCompleted() {
        server.stubFor(post(urlPathEqualTo(V4)).willReturn(json(200, Vectors.text("queue-submit.json"))));
        server.stubFor(get(urlPathEqualTo(AT + "/status")).inScenario("queue").whenScenarioStateIs(STARTED)
                .willSetStateTo("done").willReturn(json(200, "{\"status\": \"HIBERNATING\", \"request_id\": \"" + ID
                        + "\"}")));
        server.stubFor(get(urlPathEqualTo(AT + "/status")).inScenario("queue").whenScenarioStateIs("done")
                .willReturn(json(200, completed(ID))));
        result(AT, 1024, 1024, 1);

        GenerationResult result = client(b -> b).generate(GenerationRequest.builder("a red fox").size(1024, 1024)
                .build());

        assertThat(result.images()).hasSize(1);
        assertThat(polled()).containsExactly("HIBERNATING", "COMPLETED");
        server.verify(1, getRequestedFor(urlPathEqualTo(AT)));
    }

    @Test
    void aStatusFalDoesNotDocument_isWaitedOut_untilCancelled_withoutFetchingTheResult() throws InterruptedException {
        slowRequest();
        server.stubFor(get(urlPathEqualTo(AT + "/status")).willReturn(json(200, "{\"status\": \"HIBERNATING\", "
                + "\"request_id\": \"" + ID + "\"}")));
        GenerationHandle handle = client(b -> b).submit(GenerationRequest.builder("a red fox").size(1024, 1024)
                .build());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.countRequestsMatching(getRequestedFor(urlPathEqualTo(AT + "/status")).build()).getCount() < 3
                && !handle.isDone() && System.nanoTime() - end < 0) {
            Thread.sleep(20);
        }

        assertThat(handle.isDone()).as("the generation ended at an unknown status").isFalse();
        server.verify(0, getRequestedFor(urlPathEqualTo(AT)));
        assertThat(handle.cancel()).isTrue();
        awaitCancel();
    }

    // ----------------------------------------------------------------------------------------------- errors

    @Test
    void aRequestThatFailed_surfacesAtItsResult_withTheRequestId_andIsNotCancelled() throws InterruptedException {
        server.stubFor(post(urlPathEqualTo(V4)).willReturn(json(200, Vectors.text("queue-submit.json"))));
        server.stubFor(get(urlPathEqualTo(AT + "/status")).willReturn(json(200, completed(ID))));
        server.stubFor(get(urlPathEqualTo(AT)).willReturn(json(422, Vectors.text("error-content-policy.json"))));

        Throwable t = catchThrowable(() -> client(b -> b).generate(GenerationRequest.builder("a red fox")
                .size(1024, 1024).build()));

        assertThat(t).isInstanceOf(InvalidRequestException.class).hasMessage("provider fal: GET " + AT + " answered "
                + "HTTP 422: prompt: The content was flagged by a content checker. (categories: sexual) (code "
                + "content_policy_violation); fal's content checker flagged the request: change the prompt or the "
                + "reference images, since the same request is refused again");
        assertThat(((SeedreamException) t).jobId()).contains(ID);
        Thread.sleep(200);
        server.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void anUnknownRequest_failsWithoutWaitingForTheDeadline() {
        server.stubFor(post(urlPathEqualTo(V4)).willReturn(json(200, Vectors.text("queue-submit.json"))));
        server.stubFor(get(urlPathEqualTo(AT + "/status")).willReturn(json(404, "{\"detail\": \"Request not found\"}")));

        assertThatThrownBy(() -> client(b -> b).generate(GenerationRequest.builder("a red fox").size(1024, 1024)
                .build())).isInstanceOf(GenerationFailedException.class).hasMessage("provider fal: GET " + AT
                        + "/status answered HTTP 404: Request not found; fal knows no request " + ID + " there: it "
                        + "expired, or was made with another key or base URL; send the request again");
    }

    @Test
    void aResultWithoutImages_failsWithTheRequestId() {
        server.stubFor(post(urlPathEqualTo(V4)).willReturn(json(200, Vectors.text("queue-submit.json"))));
        server.stubFor(get(urlPathEqualTo(AT + "/status")).willReturn(json(200, completed(ID))));
        server.stubFor(get(urlPathEqualTo(AT)).willReturn(json(200, "{\"images\": [], \"seed\": 1}")));

        assertThatThrownBy(() -> client(b -> b).generate(GenerationRequest.builder("a red fox").size(1024, 1024)
                .build())).isInstanceOf(GenerationFailedException.class).hasMessage("provider fal: GET " + AT
                        + " answered HTTP 200: {\"images\": [], \"seed\": 1}; the result of request " + ID + " names no "
                        + "image, so nothing can be fetched; send the request again");
    }

    @Test
    void aSubmissionAnsweredWithoutARequestId_mayHaveBeenAccepted_andIsNotSentAgain() {
        server.stubFor(post(urlPathEqualTo(V4)).willReturn(json(200, "{\"status\": \"IN_QUEUE\"}")));

        assertThatThrownBy(() -> client(b -> b).generate(GenerationRequest.builder("a red fox").size(1024, 1024)
                .build())).isInstanceOf(OutcomeUnknownException.class).hasMessage("provider fal: POST " + V4
                        + " answered HTTP 200: {\"status\": \"IN_QUEUE\"}; the answer names no usable request id, and "
                        + "fal may have accepted, and charged, the request. It was not sent again; check the requests "
                        + "page of the fal dashboard before sending the request again");
        server.verify(1, postRequestedFor(urlPathEqualTo(V4)));
    }

    @Test
    void aGatewayTimeoutOfTheSubmission_isNotSentAgain() {
        server.stubFor(post(urlPathEqualTo(V4)).willReturn(json(504, Vectors.text("error-request-timeout.json"))));

        assertThatThrownBy(() -> client(b -> b).generate(GenerationRequest.builder("a red fox").size(1024, 1024)
                .build())).isInstanceOf(OutcomeUnknownException.class);
        server.verify(1, postRequestedFor(urlPathEqualTo(V4)));
    }

    @Test
    void aUsedUpBalance_isInsufficientCredit() {
        server.stubFor(post(urlPathEqualTo(V4)).willReturn(json(403, Vectors.text("error-exhausted-balance.json"))));

        assertThatThrownBy(() -> client(b -> b).generate(GenerationRequest.builder("a red fox").size(1024, 1024)
                .build())).isInstanceOf(io.github.seedream4j.InsufficientCreditException.class)
                .hasMessageEndingWith("the fal account's balance is used up: top it up in the fal dashboard's "
                        + "billing page, then try again");
    }

    // ------------------------------------------------------------------------------------- cancel and resume

    @Test
    void cancel_cancelsTheRequestAtFal() throws InterruptedException {
        slowRequest();
        GenerationHandle handle = client(b -> b).submit(GenerationRequest.builder("a red fox").size(1024, 1024)
                .build());
        awaitJobId(handle);

        assertThat(handle.cancel()).isTrue();

        awaitCancel();
        server.verify(putRequestedFor(urlPathEqualTo(AT + "/cancel")).withHeader("Authorization",
                equalTo("Key " + KEY)));
    }

    @Test
    void aRequestIdThatArrivesAfterCancel_isReported_andCancelledOnArrival() throws InterruptedException {
        slowRequest();
        server.stubFor(post(urlPathEqualTo(V4)).willReturn(json(200, Vectors.text("queue-submit.json"))
                .withTransformers(Hold.NAME)));
        GenerationHandle handle = client(b -> b).submit(GenerationRequest.builder("a red fox").size(1024, 1024)
                .build());
        assertThat(hold.arrived.await(10, TimeUnit.SECONDS)).as("the submission reached the stub").isTrue();

        assertThat(handle.cancel()).isTrue();
        assertThatThrownBy(handle::await).isInstanceOf(GenerationCancelledException.class);
        hold.release();

        awaitCancel();
        awaitJobId(handle);
        server.verify(1, postRequestedFor(urlPathEqualTo(V4)));
    }

    @Test
    void aRequestIdThatArrivesAfterTheDeadline_isReported_andCancelledOnArrival() throws InterruptedException {
        slowRequest();
        server.stubFor(post(urlPathEqualTo(V4)).willReturn(json(200, Vectors.text("queue-submit.json"))
                .withTransformers(Hold.NAME)));
        GenerationHandle handle = client(b -> b.timeout(Duration.ofSeconds(1))).submit(GenerationRequest
                .builder("a red fox").size(1024, 1024).build());
        assertThat(hold.arrived.await(10, TimeUnit.SECONDS)).as("the submission reached the stub").isTrue();

        Throwable t = catchThrowable(handle::await);
        hold.release();

        assertThat(t).isInstanceOf(GenerationTimeoutException.class);
        assertThat(((GenerationTimeoutException) t).requestMayHaveBeenAccepted()).isTrue();
        awaitCancel();
        awaitJobId(handle);
    }

    @Test
    void resume_waitsForTheRequestById_withoutSubmittingAgain() {
        server.stubFor(get(urlPathEqualTo(AT + "/status")).willReturn(json(200, completed(ID))));
        result(AT, 1024, 1024, 1);

        GenerationResult result = client(b -> b).resume(GenerationRequest.builder("a red fox").size(1024, 1024)
                .build(), ID, ImageDestination.memory());

        assertThat(result.images()).hasSize(1);
        assertThat(result.jobIds()).containsExactly(ID);
        server.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void resume_refusesWhatIsNotARequestId() {
        assertThatThrownBy(() -> client(b -> b).resume(GenerationRequest.builder("a red fox").size(1024, 1024)
                .build(), "../admin", ImageDestination.memory())).isInstanceOf(InvalidRequestException.class)
                .hasMessage("provider fal: '../admin' is not a fal request id (letters, digits, '-' and '_'); resume "
                        + "with the request id fal reported");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------- settings

    @Test
    void estimate_needsNoKey() {
        Charge charge = SeedreamClient.builder().provider("fal").systemProperties(k -> null).environment(k -> null)
                .buildEstimator().estimate(GenerationRequest.builder("a red fox").size(2048, 2048).count(3).build());

        assertThat(charge).isEqualTo(Charge.estimated(Cost.usd("0.09")));
    }

    @Test
    void aMissingKey_namesFalKey() {
        assertThatThrownBy(() -> SeedreamClient.builder().provider("fal").systemProperties(k -> null)
                .environment(k -> null).build()).isInstanceOf(ConfigurationException.class).hasMessage("provider fal "
                        + "needs setting 'api-key' (fal API key, sent as 'Authorization: Key ...'): set the "
                        + "environment variable FAL_KEY or SEEDREAM_FAL_API_KEY, or the system property "
                        + "seedream.fal.api-key");
    }

    @Test
    void plainHttpToAnotherHost_isRefused_becauseTheKeyWouldTravelUnencrypted() {
        assertThatThrownBy(() -> SeedreamClient.builder().provider("fal").setting("api-key", KEY)
                .setting("base-url", "http://queue.example.com").systemProperties(k -> null).environment(k -> null)
                .build()).isInstanceOf(ConfigurationException.class).hasMessageContaining("plain http would send the "
                        + "credential unencrypted to queue.example.com").hasMessageNotContaining(KEY);
    }

    // -------------------------------------------------------------------------------------------- internals

    private SeedreamClient client(UnaryOperator<SeedreamClient.Builder> adjust) {
        SeedreamClient client = adjust.apply(SeedreamClient.builder().provider("fal").setting("api-key", KEY)
                .setting("base-url", server.baseUrl()).systemProperties(k -> null).environment(k -> null)
                .timeout(Duration.ofSeconds(30)).listener(events::add)).build();
        clients.add(client);
        return client;
    }

    private static String completed(String id) {
        return "{\"status\": \"COMPLETED\", \"request_id\": \"" + id + "\", \"logs\": null, \"metrics\": "
                + "{\"inference_time\": 4.2}}";
    }

    /** The result at {@code at}: {@code count} images of that size, on this server's "CDN". */
    private void result(String at, int width, int height, int count) {
        StringBuilder images = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            String file = "/files/kangaroo/" + i + "-" + width + "x" + height + ".png";
            images.append(i == 1 ? "" : ", ").append("{\"url\": \"").append(server.baseUrl()).append(file)
                    .append("\", \"content_type\": \"image/png\", \"width\": ").append(width).append(", \"height\": ")
                    .append(height).append('}');
            server.stubFor(get(urlPathEqualTo(file)).willReturn(aResponse().withHeader("Content-Type", "image/png")
                    .withBody(Pngs.png(width, height))));
        }
        server.stubFor(get(urlPathEqualTo(at)).willReturn(json(200, "{\"images\": [" + images + "], \"seed\": "
                + "746406749}")));
    }

    /** A request that is accepted and stays IN_PROGRESS; its cancellation answered as the v4 OpenAPI documents. */
    private void slowRequest() {
        server.stubFor(post(urlPathEqualTo(V4)).willReturn(json(200, Vectors.text("queue-submit.json"))));
        server.stubFor(get(urlPathEqualTo(AT + "/status")).willReturn(json(202, "{\"status\": \"IN_PROGRESS\", "
                + "\"request_id\": \"" + ID + "\", \"logs\": null}")));
        server.stubFor(put(urlPathEqualTo(AT + "/cancel")).willReturn(json(200, "{\"success\": true}")));
    }

    private void awaitCancel() throws InterruptedException {
        assertThat(answered.await("PUT", AT + "/cancel")).as("cancellations of request %s at fal", ID).isEqualTo(1);
    }

    private static void awaitJobId(GenerationHandle handle) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!handle.jobIds().contains(ID) && System.nanoTime() - end < 0) {
            Thread.sleep(10);
        }
        assertThat(handle.jobIds()).as("job ids reported").containsExactly(ID);
    }

    private List<String> polled() {
        return events.stream().filter(e -> e instanceof GenerationEvent.Polled)
                .map(e -> ((GenerationEvent.Polled) e).status()).toList();
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Holds the answer of a stub that names it until released, so a test can give up on a submission first. */
    static final class Hold implements ResponseDefinitionTransformerV2 {
        static final String NAME = "hold";
        final CountDownLatch arrived = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            arrived.countDown();
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return event.getResponseDefinition();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }

        void release() {
            released.countDown();
        }
    }
}
