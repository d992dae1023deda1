package io.github.seedream4j.provider.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.Charge;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.Cost;
import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageDownloadException;
import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.InsufficientCreditException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ProviderCatalog;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.SizeTier;
import io.github.seedream4j.UnsupportedOptionException;
import io.github.seedream4j.UnsupportedOptionPolicy;
import io.github.seedream4j.Warning;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.provider.cloudflare.internal.CloudflareProviderFactory;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider end to end through {@link SeedreamClient} (so ServiceLoader discovery is exercised), against
 * WireMock on 127.0.0.1 with the verbatim payloads of reference/cloudflare.md. Image URLs in the documented
 * responses are rewritten from ByteDance's storage host to WireMock, which serves real JPEGs.
 */
class CloudflareProviderTest {

    private static final String TOKEN = "cf-canary-token-7d41e0a9b2";
    private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final String RUN = "/accounts/" + ACCOUNT + "/ai/run";
    private static final String HEAD = "provider cloudflare: POST " + RUN + " answered HTTP ";
    private static final String STORAGE = "https://ark-content-generation-v2-ap-southeast-1.tos-ap-southeast-1.volces.com";

    private static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                // no h2c: the JDK client's cleartext HTTP/2 upgrade intermittently misreads a pooled connection
                .http2PlainDisabled(true));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static String vector(String name) {
        try (InputStream in = CloudflareProviderTest.class.getResourceAsStream("/cloudflare/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A documented response with its image URL moved to WireMock. */
    private static String served(String name) {
        return vector(name).replace(STORAGE, base());
    }

    private static SeedreamClient.Builder builder(Map<String, String> extra) {
        SeedreamClient.Builder b = SeedreamClient.builder().provider("cloudflare")
                .setting("api-token", TOKEN)
                .setting("account-id", ACCOUNT)
                .setting("base-url", base())
                .setting("max-attempts", "1")
                .timeout(Duration.ofSeconds(30)) // a safety net against hangs, not a timing assertion
                .systemProperties(name -> null)
                .environment(name -> null);
        extra.forEach(b::setting);
        return b;
    }

    private static SeedreamClient client() {
        return builder(Map.of()).build();
    }

    private static void stubRun(int status, String body) {
        server.stubFor(post(urlEqualTo(RUN)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static void stubImage(String path, int width, int height) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/jpeg").withBody(Jpegs.of(width, height))));
    }

    private static String imagePath(String responseVector) {
        String v = vector(responseVector);
        int start = v.indexOf(STORAGE) + STORAGE.length();
        return v.substring(start, v.indexOf('"', start));
    }

    private static int posts() {
        return server.findAll(postRequestedFor(urlEqualTo(RUN))).size();
    }

    private static SeedreamException failure(GenerationRequest request) {
        try (SeedreamClient client = client()) {
            return catchThrowableOfType(SeedreamException.class, () -> client.generate(request));
        }
    }

    private GenerationResult runVector(String letter, GenerationRequest request, String expectedBody,
            Resolution served) {
        String response = "vector-" + letter + "-response.json";
        stubRun(200, served(response));
        stubImage(imagePath(response), served.width(), served.height());
        GenerationResult result;
        try (SeedreamClient client = client()) {
            result = client.generate(request);
        }
        server.verify(1, postRequestedFor(urlEqualTo(RUN))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("cf-aig-gateway-id", absent())
                .withRequestBody(equalToJson(expectedBody, false, false)));
        server.verify(1, getRequestedFor(urlEqualTo(imagePath(response))));
        assertThat(result.providerId()).isEqualTo("cloudflare");
        assertThat(result.images()).hasSize(1);
        assertThat(result.image().format()).isEqualTo(ImageFormat.JPEG);
        assertThat(result.image().resolution()).isEqualTo(served);
        assertThat(result.image().seed()).isEmpty();
        assertThat(result.charge()).isEqualTo(Charge.estimated(Cost.usd("0.03")));
        assertThat(result.jobIds()).isEmpty();
        return result;
    }

    // --- the five documented request/response pairs

    @Test
    void generate_vectorA_defaultSizeIsSentAs2kSquare() {
        // Vector A sends only the prompt; a request always has a size (2K 1:1 by default), so it goes out too.
        String expected = "{\"model\":\"bytedance/seedream-4.0\",\"input\":{\"prompt\":\"A serene mountain lake "
                + "surrounded by pine trees at dawn\",\"size\":\"2K\",\"aspect_ratio\":\"1:1\"}}";

        GenerationResult result = runVector("a", GenerationRequest.of(
                "A serene mountain lake surrounded by pine trees at dawn"), expected, Resolution.of(2048, 2048));

        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void generate_vectorB_4kSquare() {
        GenerationResult result = runVector("b", GenerationRequest.builder("A detailed steampunk mechanical owl with "
                + "brass gears and copper feathers, intricate clockwork visible").size(SizeTier.FOUR_K,
                AspectRatio.RATIO_1_1).build(), vector("vector-b-request.json"), Resolution.of(4096, 4096));

        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void generate_vectorC_2kAt21by9() {
        GenerationResult result = runVector("c", GenerationRequest.builder("A vast alien desert landscape with two "
                + "suns setting on the horizon, ancient ruins in the foreground").size(SizeTier.TWO_K,
                AspectRatio.RATIO_21_9).build(), vector("vector-c-request.json"), Resolution.of(3024, 1296));

        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void generate_vectorD_portraitWithPromptEnhancement() {
        // Vector D gives no tier; the request's tier (2K) is sent along with the documented keys.
        String expected = "{\"model\":\"bytedance/seedream-4.0\",\"input\":{\"prompt\":\"An elegant Art Deco poster "
                + "featuring a jazz singer under a spotlight\",\"aspect_ratio\":\"9:16\",\"enhance_prompt\":true,"
                + "\"size\":\"2K\"}}";

        GenerationResult result = runVector("d", GenerationRequest.builder("An elegant Art Deco poster featuring a "
                + "jazz singer under a spotlight").size(SizeTier.TWO_K, AspectRatio.RATIO_9_16).enhancePrompt(true)
                .build(), expected, Resolution.of(1440, 2560));

        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void generate_vectorE_4kPortrait() {
        GenerationResult result = runVector("e", GenerationRequest.builder("A detailed botanical illustration of "
                + "exotic tropical flowers").size(SizeTier.FOUR_K, AspectRatio.RATIO_3_4).build(),
                vector("vector-e-request.json"), Resolution.of(3072, 4096));

        assertThat(result.warnings()).isEmpty();
    }

    // --- other request shapes

    @Test
    void generate_exactPixels_sendsCustomWidthAndHeight() {
        stubRun(200, served("vector-a-response.json"));
        stubImage(imagePath("vector-a-response.json"), 1536, 1024);

        try (SeedreamClient client = client()) {
            GenerationResult result = client.generate(GenerationRequest.builder("a lake").size(1536, 1024).build());
            assertThat(result.image().resolution()).isEqualTo(Resolution.of(1536, 1024));
            assertThat(result.warnings()).isEmpty();
        }
        server.verify(1, postRequestedFor(urlEqualTo(RUN)).withRequestBody(equalToJson("{\"model\":"
                + "\"bytedance/seedream-4.0\",\"input\":{\"prompt\":\"a lake\",\"size\":\"custom\",\"width\":1536,"
                + "\"height\":1024}}", false, false)));
    }

    @Test
    void generate_exactPixelsOutsideCloudflareSides_isRefusedBeforeSending() {
        SeedreamException e = failure(GenerationRequest.builder("a lake").size(1280, 720).build());

        assertThat(e).isInstanceOf(InvalidRequestException.class).hasMessage("size 1280x720 is outside what "
                + "provider cloudflare accepts: each side must be from 1024 to 4096 pixels");
        assertThat(posts()).isZero();
    }

    @Test
    void generate_optionsCloudflareLacks_areNotSentAndWarned() {
        stubRun(200, served("vector-a-response.json"));
        stubImage(imagePath("vector-a-response.json"), 2048, 2048);
        GenerationRequest request = GenerationRequest.builder("a lake").seed(42).negativePrompt("people")
                .safetyChecker(false).extra("max_images", 3).build();

        GenerationResult result;
        try (SeedreamClient client = client()) {
            result = client.generate(request);
        }

        server.verify(1, postRequestedFor(urlEqualTo(RUN)).withRequestBody(equalToJson("{\"model\":"
                + "\"bytedance/seedream-4.0\",\"input\":{\"prompt\":\"a lake\",\"size\":\"2K\",\"aspect_ratio\":"
                + "\"1:1\"}}", false, false)));
        assertThat(result.warnings()).extracting(Warning::code).containsOnly(Warning.UNSUPPORTED_OPTION);
        assertThat(result.warnings()).extracting(Warning::message).containsExactlyInAnyOrder(
                "a negative prompt was not sent: provider cloudflare takes no negative prompt",
                "seed 42 was not sent: provider cloudflare takes no seed, so its images cannot be reproduced",
                "safety checker off was not sent: provider cloudflare cannot switch its safety checker",
                "extra option 'max_images' was not sent: provider cloudflare takes no extra options");
        assertThat(result.seed()).isEmpty();
    }

    @Test
    void generate_seedUnderRefusePolicy_isRefusedBeforeSending() {
        try (SeedreamClient client = builder(Map.of()).unsupportedOptions(UnsupportedOptionPolicy.REFUSE).build()) {
            assertThatThrownBy(() -> client.generate(GenerationRequest.builder("a lake").seed(42).build()))
                    .isInstanceOf(UnsupportedOptionException.class);
        }
        assertThat(posts()).isZero();
    }

    @Test
    void generate_gatewayId_isSentAsHeader() {
        stubRun(200, served("vector-a-response.json"));
        stubImage(imagePath("vector-a-response.json"), 2048, 2048);

        try (SeedreamClient client = builder(Map.of("gateway-id", "my-gateway")).build()) {
            client.generate(GenerationRequest.of("a lake"));
        }

        server.verify(1, postRequestedFor(urlEqualTo(RUN)).withHeader("cf-aig-gateway-id", equalTo("my-gateway")));
    }

    @Test
    void generate_twoImages_fansOutToTwoCalls() {
        stubRun(200, served("vector-a-response.json"));
        stubImage(imagePath("vector-a-response.json"), 2048, 2048);

        try (SeedreamClient client = client()) {
            GenerationResult result = client.generate(GenerationRequest.builder("a lake").count(2).build());
            assertThat(result.images()).hasSize(2);
            assertThat(result.charge()).isEqualTo(Charge.estimated(Cost.usd("0.06")));
        }
        assertThat(posts()).isEqualTo(2);
    }

    @Test
    void generate_configuredPrice_isUsedForTheEstimate() {
        stubRun(200, served("vector-a-response.json"));
        stubImage(imagePath("vector-a-response.json"), 2048, 2048);

        try (SeedreamClient client = builder(Map.of("price", "0.05/image")).build()) {
            assertThat(client.generate(GenerationRequest.of("a lake")).charge())
                    .isEqualTo(Charge.estimated(Cost.usd("0.05")));
        }
    }

    @Test
    void generate_imageOfOtherSize_isKeptWithAWarning() {
        stubRun(200, served("vector-a-response.json"));
        stubImage(imagePath("vector-a-response.json"), 1024, 1024);

        try (SeedreamClient client = client()) {
            GenerationResult result = client.generate(GenerationRequest.of("a lake"));
            assertThat(result.image().resolution()).isEqualTo(Resolution.of(1024, 1024));
            assertThat(result.warnings()).containsExactly(Warning.of(Warning.SIZE_MISMATCH, "image 1 from cloudflare "
                    + "is 1024x1024, not the 2048x2048 that was asked for"));
        }
    }

    // --- response shapes

    @Test
    void generate_seedream45ArrayShape_isAccepted() {
        stubRun(200, served("seedream-4.5-response.json"));
        stubImage(imagePath("seedream-4.5-response.json"), 2048, 2048);

        try (SeedreamClient client = client()) {
            assertThat(client.generate(GenerationRequest.of("a lake")).images()).hasSize(1);
        }
    }

    @Test
    void generate_v4EnvelopeWrappingTheRun_isUnwrapped() {
        stubRun(200, "{\"result\":" + served("vector-b-response.json").strip()
                + ",\"success\":true,\"errors\":[],\"messages\":[]}");
        stubImage(imagePath("vector-b-response.json"), 2048, 2048);

        try (SeedreamClient client = client()) {
            assertThat(client.generate(GenerationRequest.of("a lake")).image().resolution())
                    .isEqualTo(Resolution.of(2048, 2048));
        }
    }

    // --- errors

    private static String envelope(int code, String message) {
        return "{\"result\":null,\"success\":false,\"errors\":[{\"code\":" + code + ",\"message\":\"" + message
                + "\"}],\"messages\":[]}";
    }

    @Test
    void generate_401With10000_namesTheTokenVariable() {
        stubRun(401, envelope(10000, "Authentication error"));

        assertThat(failure(GenerationRequest.of("a lake"))).isInstanceOf(AuthenticationException.class)
                .hasMessage(HEAD + "401: Authentication error (code 10000); Cloudflare rejected the API token: check "
                        + "CLOUDFLARE_API_TOKEN (setting 'api-token'); the token must be valid and carry the Workers AI "
                        + "Read or Edit permission (an AI Gateway permission alone is not enough)");
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void generate_402With2021_isInsufficientCredit() {
        stubRun(402, envelope(2021, "Insufficient Unified Billing credits"));

        SeedreamException e = failure(GenerationRequest.of("a lake"));

        assertThat(e).isInstanceOf(InsufficientCreditException.class);
        assertThat(e.getMessage()).startsWith(HEAD + "402: Insufficient Unified Billing credits (code 2021); "
                + "Cloudflare refused to bill the request");
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void generate_429WithRetryAfter_isRateLimitedCarryingTheWait() {
        server.stubFor(post(urlEqualTo(RUN)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withHeader("Content-Type", "application/json").withBody(envelope(3040, "Capacity temporarily exceeded"))));

        SeedreamException e = failure(GenerationRequest.of("a lake"));

        assertThat(e).isInstanceOfSatisfying(RateLimitedException.class,
                r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(e).hasMessage(HEAD + "429: Capacity temporarily exceeded (code 3040); Cloudflare is rate "
                + "limiting this account or is out of capacity for model 'bytedance/seedream-4.0'; nothing was "
                + "generated; wait at least 7s and try again");
        assertThat(e.isRetryable()).isTrue();
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void generate_429ThenSuccess_isRetriedHonouringRetryAfter() {
        server.stubFor(post(urlEqualTo(RUN)).inScenario("busy").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withBody(envelope(3040, "Capacity temporarily exceeded")))
                .willSetStateTo("free"));
        server.stubFor(post(urlEqualTo(RUN)).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200).withBody(served("vector-a-response.json"))));
        stubImage(imagePath("vector-a-response.json"), 2048, 2048);
        List<GenerationEvent> events = Collections.synchronizedList(new ArrayList<>());

        try (SeedreamClient client = builder(Map.of("max-attempts", "3")).listener(events::add).build()) {
            assertThat(client.generate(GenerationRequest.of("a lake")).images()).hasSize(1);
        }

        assertThat(posts()).isEqualTo(2);
        assertThat(events).filteredOn(GenerationEvent.Retried.class::isInstance).singleElement()
                .satisfies(r -> {
                    GenerationEvent.Retried retried = (GenerationEvent.Retried) r;
                    assertThat(retried.attempt()).isEqualTo(2);
                    assertThat(retried.delay()).isEqualTo(Duration.ZERO);
                    assertThat(retried.reason()).isEqualTo("HTTP 429");
                });
    }

    @Test
    void generate_connectionResetAfterSending_isOutcomeUnknownAndSentOnce() {
        server.stubFor(post(urlEqualTo(RUN)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        SeedreamException e;
        try (SeedreamClient client = builder(Map.of("max-attempts", "4")).build()) {
            e = catchThrowableOfType(SeedreamException.class, () -> client.generate(GenerationRequest.of("a lake")));
        }

        assertThat(e).isInstanceOf(OutcomeUnknownException.class);
        assertThat(e.getMessage()).startsWith("provider cloudflare: POST /accounts/" + ACCOUNT + "/ai/run may have "
                + "reached the provider and started a paid job");
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void generate_emptyResponseAfterSending_isOutcomeUnknownAndSentOnce() {
        server.stubFor(post(urlEqualTo(RUN)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        SeedreamException e;
        try (SeedreamClient client = builder(Map.of("max-attempts", "4")).build()) {
            e = catchThrowableOfType(SeedreamException.class, () -> client.generate(GenerationRequest.of("a lake")));
        }

        assertThat(e).isInstanceOf(OutcomeUnknownException.class);
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void generate_noAnswerWithinTheRequestTimeout_isOutcomeUnknownAndSentOnce() {
        server.stubFor(post(urlEqualTo(RUN)).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)
                .withBody(served("vector-a-response.json"))));

        SeedreamException e;
        try (SeedreamClient client = builder(Map.of("max-attempts", "4", "timeout", "1s")).build()) {
            e = catchThrowableOfType(SeedreamException.class, () -> client.generate(GenerationRequest.of("a lake")));
        }

        assertThat(e).isInstanceOf(OutcomeUnknownException.class);
        assertThat(e.getMessage()).contains("no complete answer came back from 127.0.0.1:" + server.port()
                + " within 1s. It was not sent again; check the Cloudflare dashboard");
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void generate_error7001_pointsAtTheBaseUrl() {
        stubRun(405, vector("error-7001.json"));

        assertThat(failure(GenerationRequest.of("a lake"))).isInstanceOf(ConfigurationException.class)
                .hasMessage(HEAD + "405: GET not supported for requested URI. (code 7001); Cloudflare does not "
                        + "accept this request at " + base() + "; check the setting 'base-url', whose default is "
                        + "https://api.cloudflare.com/client/v4");
    }

    @Test
    void generate_error7003_namesTheAccountId() {
        stubRun(404, vector("error-7003.json"));

        SeedreamException e = failure(GenerationRequest.of("a lake"));

        assertThat(e).isInstanceOf(ConfigurationException.class);
        assertThat(e.getMessage()).startsWith(HEAD + "404: Could not route to ").contains("(code 7003); Cloudflare "
                + "could not route the request for account id '" + ACCOUNT + "'; check the setting 'account-id' "
                + "(environment variable CLOUDFLARE_ACCOUNT_ID)");
    }

    @Test
    void generate_error7003And7000_namesTheAccountId() {
        stubRun(400, vector("error-7003-7000.json"));

        SeedreamException e = failure(GenerationRequest.of("a lake"));

        assertThat(e).isInstanceOf(ConfigurationException.class).hasMessage(HEAD + "400: Could not route to "
                + "/accounts/xxx/ai/v1, perhaps your object identifier is invalid? (code 7003); No route for that URI "
                + "(code 7000); Cloudflare could not route the request for account id '" + ACCOUNT + "'; check the "
                + "setting 'account-id' (environment variable CLOUDFLARE_ACCOUNT_ID): it is the 32-character id shown "
                + "on the dashboard's overview page; also check the setting 'base-url' (now " + base() + ")");
    }

    @Test
    void generate_runApiFailedEnvelope_isProviderUnavailable() {
        stubRun(200, vector("error-run-api-failed.json"));

        assertThat(failure(GenerationRequest.of("a lake"))).isInstanceOf(ProviderUnavailableException.class)
                .hasMessage(HEAD + "200: All providers for this model are currently unavailable. (code "
                        + "provider_unavailable); Cloudflare has no provider available for model "
                        + "'bytedance/seedream-4.0'; nothing was generated; try again later");
    }

    @Test
    void generate_htmlErrorPage_isProviderUnavailable() {
        server.stubFor(post(urlEqualTo(RUN)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><head><title>502 Bad Gateway</title></head>"
                        + "<body>cloudflare</body></html>")));

        assertThat(failure(GenerationRequest.of("a lake"))).isInstanceOf(ProviderUnavailableException.class)
                .hasMessage(HEAD + "502: an HTML page titled '502 Bad Gateway' (79 characters); Cloudflare could not "
                        + "run the request; this is a problem on Cloudflare's side; try again later");
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void generate_empty200_isOutcomeUnknownAndNotSentAgain() {
        stubRun(200, "");

        assertThat(failure(GenerationRequest.of("a lake"))).isInstanceOf(OutcomeUnknownException.class)
                .hasMessage(HEAD + "200: the body is empty; the image was probably generated and billed, but its URL "
                        + "is lost. It was not sent again; check the Cloudflare dashboard before sending the request "
                        + "again");
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void generate_504_isOutcomeUnknownAndNotSentAgain() {
        stubRun(504, "");

        assertThat(failure(GenerationRequest.of("a lake"))).isInstanceOf(OutcomeUnknownException.class)
                .hasMessage(HEAD + "504; a gateway timed out waiting for the model, which may still have generated "
                        + "and billed the image. It was not sent again; check the Cloudflare dashboard before sending "
                        + "the request again");
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void generate_empty500_isProviderUnavailable() {
        stubRun(500, "");

        assertThat(failure(GenerationRequest.of("a lake"))).isInstanceOf(ProviderUnavailableException.class)
                .hasMessage(HEAD + "500; Cloudflare could not run the request; this is a problem on Cloudflare's "
                        + "side; try again later");
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void generate_expiredImageUrl_isImageDownloadFailure() {
        stubRun(200, served("vector-a-response.json"));
        server.stubFor(get(urlPathMatching("/seedream-4-0/.*")).willReturn(aResponse().withStatus(404)));

        SeedreamException e = failure(GenerationRequest.of("a lake"));

        assertThat(e).isInstanceOf(ImageDownloadException.class);
        assertThat(e.getMessage()).contains("HTTP 404").contains("expired");
    }

    @Test
    void generate_imageUrlServingHtml_isRefusedBySink() {
        stubRun(200, served("vector-a-response.json"));
        server.stubFor(get(urlPathMatching("/seedream-4-0/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>AccessDenied</html>")));

        assertThat(failure(GenerationRequest.of("a lake"))).isInstanceOf(ImageDownloadException.class);
    }

    // --- settings and secrets

    @Test
    void build_withoutToken_namesTheVariables() {
        assertThatThrownBy(() -> SeedreamClient.builder().provider("cloudflare").setting("account-id", ACCOUNT)
                .systemProperties(n -> null).environment(n -> null).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("provider cloudflare needs setting 'api-token' (Cloudflare API token with the Workers AI "
                        + "Read or Edit permission): set the environment variable CLOUDFLARE_API_TOKEN or "
                        + "SEEDREAM_CLOUDFLARE_API_TOKEN, or the system property seedream.cloudflare.api-token");
    }

    @Test
    void build_withoutAccountId_namesTheVariables() {
        assertThatThrownBy(() -> SeedreamClient.builder().provider("cloudflare").setting("api-token", TOKEN)
                .systemProperties(n -> null).environment(n -> null).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("provider cloudflare needs setting 'account-id' (Cloudflare account id, as shown on the "
                        + "dashboard's overview page): set the environment variable CLOUDFLARE_ACCOUNT_ID or "
                        + "SEEDREAM_CLOUDFLARE_ACCOUNT_ID, or the system property seedream.cloudflare.account-id");
    }

    @Test
    void build_fromEnvironment_readsCloudflareVariables() {
        stubRun(200, served("vector-a-response.json"));
        stubImage(imagePath("vector-a-response.json"), 2048, 2048);
        Map<String, String> env = Map.of("CLOUDFLARE_API_TOKEN", TOKEN, "CLOUDFLARE_ACCOUNT_ID", ACCOUNT);

        try (SeedreamClient client = SeedreamClient.builder().provider("cloudflare").setting("base-url", base())
                .systemProperties(n -> null).environment(env::get).build()) {
            client.generate(GenerationRequest.of("a lake"));
        }

        server.verify(1, postRequestedFor(urlEqualTo(RUN)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void build_unexpandedAccountId_isRefused() {
        assertThatThrownBy(() -> builder(Map.of("account-id", "${CLOUDFLARE_ACCOUNT_ID}")).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("provider cloudflare setting 'account-id' from explicit setting 'account-id' is "
                        + "'${CLOUDFLARE_ACCOUNT_ID}'; expected the 32-character hexadecimal account id shown on the "
                        + "Cloudflare dashboard's overview page");
    }

    @Test
    void canaryToken_neverAppearsInMessagesOrToString() {
        List<Object> seen = new ArrayList<>();
        Consumer<Runnable> collect = action -> {
            try {
                action.run();
            } catch (SeedreamException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    seen.add(t.getMessage());
                    seen.add(t.toString());
                }
            }
        };
        // a server that echoes the token back, in every error shape
        stubRun(401, envelope(10000, "token " + TOKEN + " is not valid"));
        collect.accept(() -> failure(GenerationRequest.of("a lake")).getClass());
        seen.add(failure(GenerationRequest.of("a lake")));
        stubRun(400, envelope(5004, "bad input near Bearer " + TOKEN));
        seen.add(failure(GenerationRequest.of("a lake")));
        stubRun(502, "<html>" + TOKEN + "</html>");
        seen.add(failure(GenerationRequest.of("a lake")));
        stubRun(200, "{\"state\":\"Failed\",\"error\":{\"code\":\"x\",\"message\":\"" + TOKEN + "\"}}");
        seen.add(failure(GenerationRequest.of("a lake")));
        server.stubFor(post(urlEqualTo(RUN)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        seen.add(failure(GenerationRequest.of("a lake")));
        collect.accept(() -> builder(Map.of("price", "free")).build());
        collect.accept(() -> builder(Map.of("timeout", "soon")).build());
        try (SeedreamClient client = client()) {
            seen.add(client);
        }

        assertThat(seen).hasSizeGreaterThan(8);
        for (Object o : seen) {
            String text = o instanceof Throwable ? describe((Throwable) o) : String.valueOf(o);
            assertThat(text).doesNotContain(TOKEN);
        }
    }

    private static String describe(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            s.append(c).append('\n').append(c.getMessage()).append('\n');
        }
        return s.toString();
    }

    /** Issue 16 #8: a token with a trailing newline fails build(), naming the setting and never the value. */
    @Test
    void build_tokenWithALineBreak_isRefusedWithoutShowingIt() {
        Throwable e = catchThrowable(() -> builder(Map.of("api-token", TOKEN + "\n")).build());

        assertThat(e).isInstanceOf(ConfigurationException.class).hasMessage("provider cloudflare setting 'api-token' "
                + "from explicit setting 'api-token' ends with a line break (the value is not shown); set it again "
                + "without it, for example without the newline a file or 'echo' adds").hasNoCause();
        assertThat(posts()).isZero();
    }

    /** Issue 16 #9: plain http to another machine would carry the token in clear. */
    @Test
    void build_plainHttpToAnotherMachine_isRefusedUnlessAllowed() {
        assertThatThrownBy(() -> builder(Map.of("base-url", "http://192.0.2.2/client/v4")).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("plain http would send the "
                        + "credential unencrypted to 192.0.2.2; use https, or set 'allow-insecure-http' to true");
        builder(Map.of("base-url", "http://192.0.2.2/client/v4", "allow-insecure-http", "yes")).build().close();
    }

    /** Cancelling a generation aborts its call to /ai/run: nothing waits for an answer no one will use. */
    @Test
    void cancel_abortsTheCallInFlight() throws Exception {
        server.stubFor(post(urlEqualTo(RUN)).willReturn(aResponse().withStatus(200).withFixedDelay(10_000)
                .withBody(served("vector-a-response.json"))));
        try (SeedreamClient client = client()) {
            java.util.concurrent.CompletableFuture<GenerationResult> f = client.generateAsync(GenerationRequest.of(
                    "a lake"));
            for (int i = 0; i < 400 && posts() == 0; i++) {
                Thread.sleep(10);
            }
            long started = System.nanoTime();

            f.cancel(true);

            assertThat(catchThrowable(f::join)).isInstanceOf(java.util.concurrent.CancellationException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(posts()).isEqualTo(1);
    }

    // --- discovery and capabilities

    @Test
    void capabilities_withSettings_useTheConfiguredPrice() {
        ImageProviderFactory factory = ProviderCatalog.discover().find("cloudflare").orElseThrow();

        Capabilities c = factory.capabilities(ProviderSettings.of("cloudflare",
                Map.of("price", "0.05/image"), n -> null, n -> null));

        assertThat(c.pricing().estimate(Resolution.of(2048, 2048), 2)).isEqualTo(Cost.usd("0.10"));
    }

    @Test
    void capabilities_withMalformedPrice_nameTheSetting() {
        ImageProviderFactory factory = ProviderCatalog.discover().find("cloudflare").orElseThrow();

        assertThatThrownBy(() -> factory.capabilities(ProviderSettings.of("cloudflare",
                Map.of("price", "cheap"), n -> null, n -> null)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("provider cloudflare setting 'price' from explicit setting 'price' is 'cheap'; expected a "
                        + "price such as 0.03/image or 0.027/megapixel");
    }

    @Test
    void discovery_findsTheFactoryByItsId() {
        ImageProviderFactory factory = ProviderCatalog.discover().find("cloudflare").orElseThrow();

        assertThat(factory.settings()).isEqualTo(CloudflareSettings.ALL);
        assertThat(factory.description()).contains("Cloudflare");
    }

    @Test
    void capabilities_matchCloudflaresSchema() {
        Capabilities c = ProviderCatalog.discover().find("cloudflare").orElseThrow().capabilities();

        assertThat(c.exactSizes()).isTrue();
        assertThat(c.minSide()).isEqualTo(1024);
        assertThat(c.maxSide()).isEqualTo(4096);
        assertThat(c.tiers()).containsExactlyInAnyOrder(SizeTier.values());
        assertThat(c.ratios()).containsExactlyInAnyOrderElementsOf(AspectRatio.SEEDREAM_RATIOS);
        assertThat(c.promptEnhancement()).isTrue();
        assertThat(c.seed()).isFalse();
        assertThat(c.negativePrompt()).isFalse();
        assertThat(c.safetyToggle()).isFalse();
        assertThat(c.maxImagesPerCall()).isEqualTo(1);
        assertThat(c.resumable()).isFalse();
        assertThat(c.extras()).isEmpty();
        assertThat(c.pricing().estimate(Resolution.of(2048, 2048), 1)).isEqualTo(Cost.usd("0.03"));
    }
}
