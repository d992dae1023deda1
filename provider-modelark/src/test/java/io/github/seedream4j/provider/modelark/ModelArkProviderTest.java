package io.github.seedream4j.provider.modelark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.Charge;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.Cost;
import io.github.seedream4j.GeneratedImage;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageDownloadException;
import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.InsufficientCreditException;
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
import io.github.seedream4j.UnsupportedOptionPolicy;
import io.github.seedream4j.Warning;
import io.github.seedream4j.http.Json;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ModelOffer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ModelArk wire protocol against WireMock on 127.0.0.1, driven through {@link SeedreamClient} as applications
 * drive it: the verbatim requests and answers of ByteDance's tutorial and of observed traffic
 * ({@code reference/modelark.md} §2.3 and §3), every documented error code, per-image failures, and the rule that
 * a request that may have been accepted is never sent twice.
 */
class ModelArkProviderTest {

    private static final String KEY = "ark-test-key-5b1c0e";
    private static final String GENERATIONS = "/api/v3/images/generations";

    /** §2.3, first example: two reference images, no set (VE-tutorial, verbatim). */
    private static final String TUTORIAL_TWO_IMAGES = """
            {"model":"doubao-seedream-4-5-251128","prompt":"将图1的服装换为图2的服装","image":["https://ark-project.tos-cn-beijing.volces.com/doc_image/seedream4_imagesToimage_1.png","https://ark-project.tos-cn-beijing.volces.com/doc_image/seedream4_5_imagesToimage_2.png"],"sequential_image_generation":"disabled","size":"2K","watermark":false}""";

    /** §2.3, second example: one reference image, a set of up to four, streamed (VE-tutorial, verbatim). */
    private static final String TUTORIAL_SET_OF_FOUR = """
            {"model":"doubao-seedream-4-5-251128","prompt":"参考图1，生成四图片，图中人物分别带着墨镜，骑着摩托，带着帽子，拿着棒棒糖","image":"https://ark-project.tos-cn-beijing.volces.com/doc_image/seedream4_imageToimages_1.png","sequential_image_generation":"auto","sequential_image_generation_options":{"max_images":4},"size":"2K","stream":true,"watermark":false}""";

    /** §3, an observed answer (third-party capture, verbatim). */
    private static final String OBSERVED_ANSWER = """
            {"model":"doubao-seedream-4-0-250828","created":1782982805,"data":[{"size":"2048x2048","url":"https://ark-content-generation-v2-cn-beijing.tos-cn-beijing.volces.com/generated.jpeg?X-Tos-Signature=test"}],"usage":{"generated_images":1,"output_tokens":16384,"total_tokens":16384}}""";

    /** §4, the error of a reseller's copy of a partial_failed event (verbatim), as a failed slot of {@code data}. */
    private static final String OUTPUT_REFUSED = """
            {"code":"OutputImageSensitiveContentDetected","message":"The request failed because the output image may contain sensitive information."}""";

    private WireMockServer server;
    private final List<SeedreamClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
        server.start();
    }

    @AfterEach
    void stop() {
        clients.forEach(SeedreamClient::close);
        server.stop();
    }

    // ------------------------------------------------------------------------------------------- requests

    @Test
    void generate_textToImage_sendsExactlyTheDocumentedFieldsAndFetchesTheObservedAnswersImage() {
        String storage = "https://ark-content-generation-v2-cn-beijing.tos-cn-beijing.volces.com";
        String answer = OBSERVED_ANSWER.replace(storage, server.baseUrl());
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(200, answer)));
        server.stubFor(get(urlPathEqualTo("/generated.jpeg")).willReturn(jpeg(2048, 2048)));
        SeedreamClient client = client(b -> b.unsupportedOptions(UnsupportedOptionPolicy.WARN),
                "region", "cn-beijing");

        GenerationResult result = client.generate(GenerationRequest.builder("a red fox in the snow").seed(7).build());

        server.verify(1, postRequestedFor(urlEqualTo(GENERATIONS))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"model\":\"doubao-seedream-4-0-250828\",\"prompt\":\"a red fox in the "
                        + "snow\",\"size\":\"2048x2048\",\"sequential_image_generation\":\"disabled\","
                        + "\"response_format\":\"url\",\"watermark\":false}")));
        server.verify(1, getRequestedFor(urlEqualTo("/generated.jpeg?X-Tos-Signature=test")));
        assertThat(result.images()).extracting(GeneratedImage::resolution).containsExactly(Resolution.of(2048, 2048));
        assertThat(result.image().format()).isEqualTo(ImageFormat.JPEG);
        assertThat(result.jobIds()).isEmpty();
        assertThat(result.charge()).isEqualTo(Charge.estimated(new Cost(new BigDecimal("0.2"),
                Currency.getInstance("CNY"))));
        assertThat(result.warnings()).containsExactly(Warning.of(Warning.UNSUPPORTED_OPTION, "seed 7 was not sent: "
                + "provider modelark takes no seed, so its images cannot be reproduced"));
    }

    @Test
    void generate_tutorialsTwoReferenceImages_sendsItsBodyWithExactPixelsAndAnExplicitResponseFormat() {
        stubImages(2048, 2048, 1);
        SeedreamClient client = client(b -> b, "region", "cn-beijing");

        client.generate(GenerationRequest.builder("将图1的服装换为图2的服装")
                .image(ReferenceImage.url("https://ark-project.tos-cn-beijing.volces.com/doc_image/"
                        + "seedream4_imagesToimage_1.png"))
                .image(ReferenceImage.url("https://ark-project.tos-cn-beijing.volces.com/doc_image/"
                        + "seedream4_5_imagesToimage_2.png"))
                .model(SeedreamModel.V4_5).size(SizeTier.TWO_K, AspectRatio.RATIO_1_1).build());

        // the two deliberate differences: exact pixels instead of a tier whose ratio the prompt would decide, and
        // the response format said rather than left to a default
        ObjectNode expected = object(TUTORIAL_TWO_IMAGES);
        expected.put("size", "2048x2048");
        expected.put("response_format", "url");
        server.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)).withRequestBody(equalToJson(expected.toString())));
    }

    @Test
    void generate_tutorialsSetOfFour_sendsItsBodyAsAListWithoutStreamingAndKeepsTheThreeImagesMade() {
        stubImages(2048, 2048, 3);
        SeedreamClient client = client(b -> b, "region", "cn-beijing");

        GenerationResult result = client.generate(GenerationRequest
                .builder("参考图1，生成四图片，图中人物分别带着墨镜，骑着摩托，带着帽子，拿着棒棒糖")
                .image(ReferenceImage.url("https://ark-project.tos-cn-beijing.volces.com/doc_image/"
                        + "seedream4_imageToimages_1.png"))
                .model(SeedreamModel.V4_5).size(SizeTier.TWO_K, AspectRatio.RATIO_1_1).maxImages(4).build());

        ObjectNode expected = object(TUTORIAL_SET_OF_FOUR);
        ArrayNode images = Json.mapper().createArrayNode().add(expected.get("image").asString());
        expected.set("image", images);
        expected.remove("stream");
        expected.put("size", "2048x2048");
        expected.put("response_format", "url");
        server.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)).withRequestBody(equalToJson(expected.toString())));
        assertThat(result.images()).as("a set smaller than its maximum is a success").hasSize(3);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void generate_imageHeldAsBytes_travelsAsALowerCaseDataUri() {
        stubImages(2048, 2048, 1);
        byte[] png = Images.png(64, 48);

        client(b -> b).generate(GenerationRequest.builder("make it blue").image(ReferenceImage.bytes(png)).build());

        server.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)).withRequestBody(equalToJson("{\"model\":"
                + "\"seedream-4-0-250828\",\"prompt\":\"make it blue\",\"image\":[\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\"],\"size\":\"2048x2048\","
                + "\"sequential_image_generation\":\"disabled\",\"response_format\":\"url\",\"watermark\":false}")));
    }

    @Test
    void generate_watermarkOption_isSentAsAskedAndFalseOtherwise() {
        stubImages(2048, 2048, 1);
        SeedreamClient client = client(b -> b);

        client.generate(GenerationRequest.builder("a fox").extra(ModelArkSettings.WATERMARK, true).build());
        client.generate(GenerationRequest.builder("a hare").extra(ModelArkSettings.WATERMARK, "TRUE").build());
        client.generate(GenerationRequest.builder("a lynx").extra(ModelArkSettings.WATERMARK, "false").build());

        server.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)).withRequestBody(equalToJson(
                "{\"prompt\":\"a fox\",\"watermark\":true}", false, true)));
        server.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)).withRequestBody(equalToJson(
                "{\"prompt\":\"a hare\",\"watermark\":true}", false, true)));
        server.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)).withRequestBody(equalToJson(
                "{\"prompt\":\"a lynx\",\"watermark\":false}", false, true)));
    }

    @Test
    void generate_watermarkOptionThatIsNotABoolean_isRefusedBeforeAnythingIsSent() {
        SeedreamClient client = client(b -> b);

        Throwable e = catchThrowable(() -> client.generate(GenerationRequest.builder("a fox")
                .extra(ModelArkSettings.WATERMARK, "sometimes").build()));

        assertThat(e).isInstanceOf(InvalidRequestException.class).hasMessage("provider modelark: extra option "
                + "'watermark' is 'sometimes'; expected true or false");
        server.verify(0, postRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void generate_modelSetToAnEndpointId_sendsThatId() {
        stubImages(2048, 2048, 1);
        SeedreamClient client = client(b -> b, "model-4-5", "ep-20250101123456-abcde");

        client.generate(GenerationRequest.builder("a fox").model(SeedreamModel.V4_5).build());

        server.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)).withRequestBody(equalToJson(
                "{\"model\":\"ep-20250101123456-abcde\"}", false, true)));
    }

    @Test
    void euWest_servesOnly5LiteUnderItsBytePlusIdAndRefusesOtherVersionsOffline() {
        stubImages(2048, 2048, 1);
        SeedreamClient client = client(b -> b, "region", "eu-west");

        GenerationResult result = client.generate(GenerationRequest.of("a fox"));
        Throwable refused = catchThrowable(() -> client.generate(GenerationRequest.builder("a fox")
                .model(SeedreamModel.V4_0).build()));

        server.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)).withRequestBody(equalToJson(
                "{\"model\":\"seedream-5-0-260128\",\"size\":\"2048x2048\"}", false, true)));
        assertThat(result.charge()).isEqualTo(Charge.estimated(Cost.usd("0.035")));
        assertThat(refused).isInstanceOf(InvalidRequestException.class).hasMessage("provider modelark does not "
                + "serve Seedream 4.0; it serves [5.0-lite]. Ask for one of those, or choose a provider that serves "
                + "4.0");
    }

    // -------------------------------------------------------------------------------------------- answers

    @Test
    void generate_setWithAFailedImage_keepsTheOthersAndSaysWhichFailed() {
        server.stubFor(get(urlPathMatching("/img/.*")).willReturn(jpeg(2048, 2048)));
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(200, "{\"model\":\"seedream-4-0-250828\","
                + "\"created\":1757321139,\"data\":[" + slot(1) + ",{\"error\":" + OUTPUT_REFUSED + "}," + slot(3)
                + "],\"usage\":{\"generated_images\":2,\"output_tokens\":32768,\"total_tokens\":32768}}")));

        GenerationResult result = client(b -> b).generate(GenerationRequest.builder("a fox, three seasons")
                .maxImages(3).build());

        assertThat(result.images()).hasSize(2);
        server.verify(1, getRequestedFor(urlPathEqualTo("/img/1.jpeg")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/img/3.jpeg")));
        assertThat(result.warnings()).containsExactly(Warning.of(Warning.PARTIAL_RESULT, "ModelArk made 2 of 3 images "
                + "of the set and reported the others failed: image 2: The request failed because the output image "
                + "may contain sensitive information. (code OutputImageSensitiveContentDetected). The result holds the "
                + "2 it made"));
        assertThat(result.charge()).as("charged per image returned")
                .isEqualTo(Charge.estimated(Cost.usd("0.08")));
    }

    @Test
    void generate_setWhoseImagesAllFailed_failsWithTheProvidersReasonNotTryAgain() {
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(200, "{\"model\":\"seedream-4-0-250828\","
                + "\"created\":1757321139,\"data\":[{\"error\":" + OUTPUT_REFUSED + "}],\"usage\":{"
                + "\"generated_images\":0,\"output_tokens\":0,\"total_tokens\":0}}")));

        Throwable e = catchThrowable(() -> client(b -> b).generate(GenerationRequest.builder("a fox").maxImages(2)
                .build()));

        assertThat(e).isInstanceOf(GenerationFailedException.class).hasMessage("provider modelark: POST "
                + GENERATIONS + " answered HTTP 200: The request failed because the output image may contain "
                + "sensitive information. (code OutputImageSensitiveContentDetected); ModelArk's content filter "
                + "refused it: change the prompt; the same request fails the same way again");
        assertThat(((SeedreamException) e).isRetryable()).isFalse();
    }

    @Test
    void generate_setWithAnImageThatCannotBeFetched_keepsTheOthersAndSaysWhy() {
        server.stubFor(get(urlPathEqualTo("/img/1.jpeg")).willReturn(jpeg(2048, 2048)));
        server.stubFor(get(urlPathEqualTo("/img/2.jpeg")).willReturn(aResponse().withStatus(404)));
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(200, "{\"data\":[" + slot(1) + ","
                + slot(2) + "],\"usage\":{\"generated_images\":2}}")));

        GenerationResult result = client(b -> b).generate(GenerationRequest.builder("a fox").maxImages(2).build());

        assertThat(result.images()).hasSize(1);
        assertThat(result.warnings()).containsExactly(Warning.of(Warning.PARTIAL_RESULT, "image 2 of the set was "
                + "made, and charged, but not stored: provider modelark: the image URL " + server.baseUrl()
                + "/img/2.jpeg?... answered HTTP 404: it has expired or never existed (provider image URLs are "
                + "short-lived); generate the image again"));
    }

    @Test
    void generate_b64Json_takesTheImageFromTheAnswerWithoutASecondRequest() {
        String b64 = Base64.getEncoder().encodeToString(Images.jpeg(2048, 2048));
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(200, "{\"model\":\"seedream-4-0-250828\","
                + "\"created\":1757321139,\"data\":[{\"b64_json\":\"" + b64 + "\",\"size\":\"2048x2048\"}],"
                + "\"usage\":{\"generated_images\":1,\"output_tokens\":16384,\"total_tokens\":16384}}")));

        GenerationResult result = client(b -> b, "response-format", "b64_json").generate(GenerationRequest.of("a fox"));

        server.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)).withRequestBody(equalToJson(
                "{\"response_format\":\"b64_json\"}", false, true)));
        assertThat(server.getAllServeEvents()).hasSize(1);
        assertThat(result.image().bytes()).isEqualTo(Images.jpeg(2048, 2048));
    }

    @Test
    void generate_b64JsonSetWithAValueThatDoesNotDecode_keepsTheOthersAndSaysWhich() {
        byte[] first = Images.jpeg(2048, 2048);
        byte[] third = Images.png(2048, 2048);
        // the third as a JSON encoder may write MIME base64: escaped slashes and escaped line breaks
        String escaped = Base64.getMimeEncoder().encodeToString(third).replace("/", "\\/").replace("\r\n", "\\n");
        assertThat(escaped).contains("\\/", "\\n");
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(200, "{\"data\":[{\"b64_json\":\""
                + Base64.getEncoder().encodeToString(first) + "\"},{\"b64_json\":\"abcde\"},{\"b64_json\":\""
                + escaped + "\"}],\"usage\":{\"generated_images\":3}}")));

        GenerationResult result = client(b -> b, "response-format", "b64_json").generate(
                GenerationRequest.builder("a fox, three seasons").maxImages(3).build());

        assertThat(result.images()).extracting(GeneratedImage::bytes).containsExactly(first, third);
        assertThat(result.warnings()).containsExactly(Warning.of(Warning.PARTIAL_RESULT, "image 2 of the set was "
                + "made, and charged, but not stored: provider modelark: image 2 came back as b64_json that is not "
                + "base64"));
    }

    @Test
    void generate_b64JsonThatDoesNotDecode_failsNamingTheImage() {
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(200, "{\"data\":[{\"b64_json\":"
                + "\"abcde\"}],\"usage\":{\"generated_images\":1}}")));

        Throwable e = catchThrowable(() -> client(b -> b, "response-format", "b64_json")
                .generate(GenerationRequest.of("a fox")));

        assertThat(e).isInstanceOf(ImageDownloadException.class)
                .hasMessage("provider modelark: image 1 came back as b64_json that is not base64");
    }

    @Test
    void generate_usageThatDisagreesWithTheImages_isAWarning() {
        server.stubFor(get(urlPathMatching("/img/.*")).willReturn(jpeg(2048, 2048)));
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(200, "{\"data\":[" + slot(1)
                + "],\"usage\":{\"generated_images\":2}}")));

        GenerationResult result = client(b -> b).generate(GenerationRequest.of("a fox"));

        assertThat(result.warnings()).containsExactly(Warning.of("usage-mismatch", "ModelArk counts 2 generated "
                + "images (usage.generated_images) but returned 1; the estimated charge counts the images stored"));
    }

    @Test
    void generate_moreImagesThanAskedFor_keepsWhatWasAskedAndSaysSo() {
        stubImages(2048, 2048, 2);

        GenerationResult result = client(b -> b).generate(GenerationRequest.of("a fox"));

        assertThat(result.images()).hasSize(1);
        server.verify(0, getRequestedFor(urlPathEqualTo("/img/2.jpeg")));
        assertThat(result.warnings()).containsExactly(Warning.of("extra-images", "ModelArk returned 2 images for a "
                + "call that asked for 1; only the first 1 were fetched"));
    }

    @Test
    void generate_answerWithoutImagesOrErrors_failsSayingSo() {
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(200, "{\"data\":[],\"usage\":{"
                + "\"generated_images\":0}}")));

        Throwable e = catchThrowable(() -> client(b -> b).generate(GenerationRequest.of("a fox")));

        assertThat(e).isInstanceOf(GenerationFailedException.class).hasMessage("provider modelark: POST "
                + GENERATIONS + " answered HTTP 200: an answer without any image (usage.generated_images 0); try "
                + "again later");
    }

    @Test
    void generate_topLevelErrorInASuccessfulAnswer_isMapped() {
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(200, "{\"data\":[],\"error\":{\"code\":"
                + "\"InputTextSensitiveContentDetected\",\"message\":\"The request failed because the input text may "
                + "contain sensitive information.\"}}")));

        Throwable e = catchThrowable(() -> client(b -> b).generate(GenerationRequest.of("a fox")));

        assertThat(e).isInstanceOf(GenerationFailedException.class).hasMessage("provider modelark: POST "
                + GENERATIONS + " answered HTTP 200: The request failed because the input text may contain "
                + "sensitive information. (code InputTextSensitiveContentDetected); ModelArk's content filter "
                + "refused it: change the prompt; the same request fails the same way again");
    }

    @Test
    void generate_successfulAnswerThatCannotBeRead_isOutcomeUnknownAndNotSentAgain() {
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(200, "<html>upstream reset</html>")));

        Throwable e = catchThrowable(() -> client(b -> b).generate(GenerationRequest.of("a fox")));

        assertThat(e).isInstanceOf(OutcomeUnknownException.class).hasMessage("provider modelark: POST " + GENERATIONS
                + " answered HTTP 200: an answer of 27 bytes that is not ModelArk's JSON image answer; the images "
                + "were probably made and charged, but the answer naming them cannot be read. It was not sent again; "
                + "check the BytePlus ModelArk console before sending the request again");
        server.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)));
    }

    @Test
    void generate_connectionResetAfterSending_isOutcomeUnknownAndSentExactlyOnce() {
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Throwable e = catchThrowable(() -> client(b -> b).generate(GenerationRequest.of("a fox")));

        assertThat(e).isInstanceOf(OutcomeUnknownException.class).hasMessage("provider modelark: POST " + GENERATIONS
                + " may have reached the provider and started a paid job, but the connection to localhost:"
                + server.port() + " was closed before a complete answer came back. It was not sent again; check the "
                + "BytePlus ModelArk console before sending the request again");
        server.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)));
    }

    // --------------------------------------------------------------------------------------------- errors

    static Stream<Arguments> errors() {
        String head = "provider modelark: POST " + GENERATIONS + " answered HTTP ";
        return Stream.of(
                Arguments.of(403, "AccountOverdueError", "Forbidden", "Your account has an overdue balance.",
                        InsufficientCreditException.class, head + "403: Your account has an overdue balance. (code "
                                + "AccountOverdueError); the account is overdue: settle the bill or top up in the "
                                + "BytePlus ModelArk console, then try again"),
                Arguments.of(400, "SensitiveContentDetected", "BadRequest", "The request failed because the input "
                        + "or output may contain sensitive information.", GenerationFailedException.class, head
                        + "400: The request failed because the input or output may contain sensitive information. "
                        + "(code SensitiveContentDetected); ModelArk's content filter refused it: change the prompt "
                        + "or the reference images; the same request fails the same way again"),
                Arguments.of(400, "SensitiveContentDetected.SevereViolation", "BadRequest", "Severe violation.",
                        GenerationFailedException.class, head + "400: Severe violation. (code "
                                + "SensitiveContentDetected.SevereViolation); ModelArk's content filter refused it: "
                                + "change the prompt or the reference images; the same request fails the same way "
                                + "again"),
                Arguments.of(400, "InputTextSensitiveContentDetected", "BadRequest", "The input text may contain "
                        + "sensitive information.", GenerationFailedException.class, head + "400: The input text "
                        + "may contain sensitive information. (code InputTextSensitiveContentDetected); ModelArk's "
                        + "content filter refused it: change the prompt; the same request fails the same way again"),
                Arguments.of(400, "InputImageSensitiveContentDetected.PrivacyInformation", "BadRequest", "The input "
                        + "image may contain real person.", GenerationFailedException.class, head + "400: The input "
                        + "image may contain real person. (code InputImageSensitiveContentDetected."
                        + "PrivacyInformation); ModelArk's content filter refused it: change or remove the reference "
                        + "images; the same request fails the same way again"),
                Arguments.of(400, "OutputImageSensitiveContentDetected", "BadRequest", "The request failed because "
                        + "the output image may contain sensitive information.", GenerationFailedException.class,
                        head + "400: The request failed because the output image may contain sensitive information. "
                                + "(code OutputImageSensitiveContentDetected); ModelArk's content filter refused it: "
                                + "change the prompt; the same request fails the same way again"),
                Arguments.of(401, "AuthenticationError", "Unauthorized", "The API key or AK/SK in the request is "
                        + "missing or invalid. Request ID: 02174e9f", AuthenticationException.class, head + "401: "
                        + "The API key or AK/SK in the request is missing or invalid. Request ID: 02174e9f (code "
                        + "AuthenticationError); the API key was refused: check ARK_API_KEY (setting 'api-key'); it "
                        + "must be a key of BytePlus ModelArk, the platform of region ap-southeast"),
                Arguments.of(403, "AccessDenied", "Forbidden", "You do not have access to the model.",
                        AuthenticationException.class, head + "403: You do not have access to the model. (code "
                                + "AccessDenied); the API key may not use Seedream 4.0 ('seedream-4-0-250828'): grant "
                                + "it access in the BytePlus ModelArk console, or check ARK_API_KEY"),
                Arguments.of(404, "InvalidEndpoint.NotFound", "NotFound", "The model or endpoint "
                        + "seedream-4-0-250828 does not exist or you do not have access to it.",
                        ConfigurationException.class, head + "404: The model or endpoint seedream-4-0-250828 does "
                                + "not exist or you do not have access to it. (code InvalidEndpoint.NotFound); "
                                + "Seedream 4.0 is not available to this account under that id in region "
                                + "ap-southeast: check the setting 'model-4-0' (now 'seedream-4-0-250828'), and that "
                                + "the model is activated in the BytePlus ModelArk console"),
                Arguments.of(404, "InvalidEndpointOrModel.ModelIDAccessDisabled", "NotFound", "Model ID access is "
                        + "disabled.", ConfigurationException.class, head + "404: Model ID access is disabled. (code "
                        + "InvalidEndpointOrModel.ModelIDAccessDisabled); this account calls Seedream 4.0 only "
                        + "through an inference endpoint: create one in the BytePlus ModelArk console and set the "
                        + "setting 'model-4-0' (now 'seedream-4-0-250828') to its ep-... id"),
                Arguments.of(400, "InvalidEndpoint.ClosedEndpoint", "BadRequest", "The endpoint is closed.",
                        ConfigurationException.class, head + "400: The endpoint is closed. (code "
                                + "InvalidEndpoint.ClosedEndpoint); the endpoint is closed: start it in the BytePlus "
                                + "ModelArk console, or change the setting 'model-4-0' (now 'seedream-4-0-250828')"),
                Arguments.of(400, "InvalidParameter", "BadRequest", "The parameter `size` specified in the request "
                        + "is not valid.", InvalidRequestException.class, head + "400: The parameter `size` "
                        + "specified in the request is not valid. (code InvalidParameter); change the request and "
                        + "send it again"),
                Arguments.of(500, "InternalServiceError", "InternalServerError", "The service encountered an "
                        + "unexpected internal error.", ProviderUnavailableException.class, head + "500: The "
                        + "service encountered an unexpected internal error. (code InternalServiceError); the "
                        + "provider has a problem: try again later"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("errors")
    void generate_errorCode_becomesItsExceptionWithTheProvidersMessage(int status, String code, String type,
            String message, Class<? extends SeedreamException> expected, String text) {
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(status, "{\"error\":{\"code\":\"" + code
                + "\",\"message\":\"" + message + "\",\"param\":\"\",\"type\":\"" + type + "\"}}")));

        Throwable e = catchThrowable(() -> client(b -> b).generate(GenerationRequest.of("a fox")));

        assertThat(e).isInstanceOf(expected).hasMessage(text);
        server.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)));
    }

    @Test
    void generate_rateLimited_isRateLimitedWithTheWaitAsked() {
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(429, "{\"error\":{\"code\":"
                + "\"RateLimitExceeded.EndpointRPMExceeded\",\"message\":\"Your account has exceeded the images per "
                + "minute limit.\",\"param\":\"\",\"type\":\"TooManyRequests\"}}").withHeader("Retry-After", "7")));

        Throwable e = catchThrowable(() -> client(b -> b, "max-attempts", "1").generate(GenerationRequest.of("a fox")));

        assertThat(e).isInstanceOf(RateLimitedException.class).hasMessage("provider modelark: POST " + GENERATIONS
                + " answered HTTP 429: Your account has exceeded the images per minute limit. (code "
                + "RateLimitExceeded.EndpointRPMExceeded); the account reached ModelArk's rate limit for the model: "
                + "wait at least 7s and try again");
        assertThat(((RateLimitedException) e).retryAfter()).hasValueSatisfying(d ->
                assertThat(d).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(7)));
        server.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)));
    }

    @Test
    void generate_errorEchoingTheKey_neverShowsIt() {
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(401, "{\"error\":{\"code\":"
                + "\"AuthenticationError\",\"message\":\"key " + KEY + " is invalid\"}}")));

        Throwable e = catchThrowable(() -> client(b -> b).generate(GenerationRequest.of("a fox")));

        assertThat(e).isInstanceOf(AuthenticationException.class);
        assertThat(e.getMessage()).contains("key **** is invalid").doesNotContain(KEY);
    }

    // ------------------------------------------------------------------------------ settings and estimates

    @Test
    void estimate_needsNoKeyAndUsesTheHighestListPriceOfTheRegionUnlessAPriceIsSet() {
        GenerationRequest two = GenerationRequest.of("a fox").withCount(2);

        assertThat(estimator(Map.of()).estimate(two)).isEqualTo(Charge.estimated(Cost.usd("0.08")));
        assertThat(estimator(Map.of("price", "0.03/image")).estimate(two))
                .isEqualTo(Charge.estimated(Cost.usd("0.06")));
        assertThat(estimator(Map.of("region", "eu-west")).estimate(two))
                .isEqualTo(Charge.estimated(Cost.usd("0.07")));
        assertThat(estimator(Map.of("region", "cn-beijing")).estimate(two))
                .isEqualTo(Charge.estimated(new Cost(new BigDecimal("0.4"), Currency.getInstance("CNY"))));
    }

    @Test
    void capabilities_offerEachVersionUnderTheRegionsIdWithBothImageTransportsAndSets() {
        Capabilities ap = capabilities(Map.of());
        Capabilities cn = capabilities(Map.of("base-url", "https://ark.cn-beijing.volces.com/api/v3"));
        Capabilities eu = capabilities(Map.of("region", "eu-west-1", "model-4-0", "ep-20250101123456-abcde"));

        assertThat(new io.github.seedream4j.provider.modelark.internal.ModelArkProviderFactory().capabilities())
                .as("the capabilities without settings").isEqualTo(ap);
        assertThat(ap.models()).extracting(ModelOffer::providerModelId).containsExactly("seedream-4-0-250828",
                "seedream-4-5-251128", "seedream-5-0-260128");
        assertThat(ap.models()).allMatch(o -> o.sequential() && o.imageInputs().size() == 2);
        assertThat(ap.seed()).isFalse();
        assertThat(ap.maxImagesPerCall()).isEqualTo(1);
        assertThat(ap.extras()).containsExactly("watermark");
        assertThat(ap.tiers()).as("tiers travel as the model's exact pixels").isEmpty();
        assertThat(cn.models()).as("a region's own URL selects the region").extracting(ModelOffer::providerModelId)
                .containsExactly("doubao-seedream-4-0-250828", "doubao-seedream-4-5-251128",
                        "doubao-seedream-5-0-260128");
        assertThat(eu.models()).as("a version the region does not list is served when its id is set")
                .extracting(o -> o.model() + "=" + o.providerModelId())
                .containsExactly("4.0=ep-20250101123456-abcde", "5.0-lite=seedream-5-0-260128");
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(Map.of("region", "us-east"), "provider modelark setting 'region' from explicit setting "
                        + "'region' is 'us-east'; expected ap-southeast (BytePlus), eu-west (BytePlus) or cn-beijing "
                        + "(Volcengine Ark)"),
                Arguments.of(Map.of("region", "eu-west", "base-url", "https://ark.cn-beijing.volces.com/api/v3"),
                        "provider modelark setting 'region' is eu-west but setting 'base-url' is the URL of cn-beijing "
                                + "(https://ark.cn-beijing.volces.com/api/v3); set only one of them"),
                Arguments.of(Map.of("model-4-5", "seedream 4.5"), "provider modelark setting 'model-4-5' from "
                        + "explicit setting 'model-4-5' is 'seedream 4.5'; expected a model id such as "
                        + "seedream-4-5-251128 or an inference endpoint id such as ep-20250101123456-abcde"),
                Arguments.of(Map.of("response-format", "xml"), "provider modelark setting 'response-format' from "
                        + "explicit setting 'response-format' is 'xml'; expected url or b64_json"),
                Arguments.of(Map.of("max-attempts", "0"), "provider modelark setting 'max-attempts' from explicit "
                        + "setting 'max-attempts' is '0'; expected 1 (no retries) to 10"),
                Arguments.of(Map.of("base-url", "http://ark.example.com/api/v3"), "provider modelark setting "
                        + "'base-url' from explicit setting 'base-url' is http://ark.example.com/api/v3: plain http "
                        + "would send the credential unencrypted to ark.example.com; use https, or set "
                        + "'allow-insecure-http' to true (system property seedream.modelark.allow-insecure-http) if "
                        + "the network is trusted"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void build_badSetting_isAConfigurationErrorNamingIt(Map<String, String> settings, String message) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("api-key", KEY);

        assertThatThrownBy(() -> SeedreamClient.builder().provider("modelark").settings(all)
                .systemProperties(k -> null).environment(k -> null).build())
                .isInstanceOf(ConfigurationException.class).hasMessage(message);
    }

    @Test
    void build_withoutAKey_namesTheVariableToSet() {
        assertThatThrownBy(() -> SeedreamClient.builder().provider("modelark").systemProperties(k -> null)
                .environment(k -> null).build()).isInstanceOf(ConfigurationException.class)
                .hasMessage("provider modelark needs setting 'api-key' (Ark API key of the BytePlus ModelArk or "
                        + "Volcengine Ark account): set the environment variable ARK_API_KEY or "
                        + "SEEDREAM_MODELARK_API_KEY, or the system property seedream.modelark.api-key");
    }

    @Test
    void build_keyFromArkApiKey_isUsed() {
        stubImages(2048, 2048, 1);
        SeedreamClient client = SeedreamClient.builder().provider("modelark")
                .setting("base-url", server.baseUrl() + "/api/v3").systemProperties(k -> null)
                .environment(k -> k.equals("ARK_API_KEY") ? KEY : null).build();
        clients.add(client);

        client.generate(GenerationRequest.of("a fox"));

        server.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)).withHeader("Authorization",
                equalTo("Bearer " + KEY)));
        assertThat(client.toString()).doesNotContain(KEY);
    }

    @Test
    void refusePolicy_refusesASeedBeforeSending() {
        SeedreamClient client = client(b -> b.unsupportedOptions(UnsupportedOptionPolicy.REFUSE));

        assertThatThrownBy(() -> client.generate(GenerationRequest.builder("a fox").seed(7).build()))
                .isInstanceOf(UnsupportedOptionException.class);
        server.verify(0, postRequestedFor(urlPathMatching(".*")));
    }

    // ------------------------------------------------------------------------------------------- helpers

    private SeedreamClient client(java.util.function.UnaryOperator<SeedreamClient.Builder> adjust, String... kv) {
        SeedreamClient.Builder b = SeedreamClient.builder().provider("modelark").setting("api-key", KEY)
                .setting("base-url", server.baseUrl() + "/api/v3").systemProperties(k -> null).environment(k -> null)
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < kv.length; i += 2) {
            b.setting(kv[i], kv[i + 1]);
        }
        SeedreamClient client = adjust.apply(b).build();
        clients.add(client);
        return client;
    }

    private static io.github.seedream4j.CostEstimator estimator(Map<String, String> settings) {
        return SeedreamClient.builder().provider("modelark").settings(settings).systemProperties(k -> null)
                .environment(k -> null).buildEstimator();
    }

    private static Capabilities capabilities(Map<String, String> settings) {
        return new io.github.seedream4j.provider.modelark.internal.ModelArkProviderFactory().capabilities(
                io.github.seedream4j.spi.ProviderSettings.of("modelark", settings, k -> null, k -> null));
    }

    /** Any generation succeeds with {@code count} JPEGs of the given size. */
    private void stubImages(int width, int height, int count) {
        server.stubFor(get(urlPathMatching("/img/.*")).willReturn(jpeg(width, height)));
        StringBuilder data = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            data.append(i == 1 ? "" : ",").append(slot(i));
        }
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(200, "{\"model\":\"seedream-4-5-251128\","
                + "\"created\":1757321139,\"data\":[" + data + "],\"usage\":{\"generated_images\":" + count + "}}")));
    }

    private String slot(int i) {
        return "{\"url\":\"" + server.baseUrl() + "/img/" + i + ".jpeg?X-Tos-Expires=86400&X-Tos-Signature=s" + i
                + "\",\"size\":\"2048x2048\"}";
    }

    private static ObjectNode object(String json) {
        return (ObjectNode) Json.mapper().readTree(json);
    }

    private static ResponseDefinitionBuilder jpeg(int width, int height) {
        return aResponse().withHeader("Content-Type", "image/jpeg").withBody(Images.jpeg(width, height));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
