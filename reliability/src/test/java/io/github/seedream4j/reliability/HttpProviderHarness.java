package io.github.seedream4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.Resolution;
import java.util.Map;
import java.util.Objects;

/**
 * What the reliability suites need to know about one HTTP provider: how to configure it against a stub server, and
 * what its wire protocol looks like. Every suite ({@link FaultMatrixContract}, {@link SecretCanaryContract},
 * {@link LoadWithFaultsContract}) is abstract over this; a provider joins by one harness subclass and one
 * three-line subclass per suite. Rows that need a job lifecycle (polling, expiry) are skipped when
 * {@link #hasJobs()} is false. Every HTTP provider's messages come from the http toolkit's one translator, so they
 * share one shape ({@code provider <id>: <request> answered HTTP <status>: <what the server said>; <advice>}); the
 * phrases default to the toolkit's advice, and a provider whose {@code ErrorMapping} gives its own advice overrides
 * them.
 *
 * <p>The lifecycle has three shapes, all covered by the same hooks: the generation POST answers with the image
 * (Cloudflare, ModelArk, a Replicate prediction that ended within {@code Prefer: wait}); it answers with a job that is
 * polled until the poll names the image (Runpod, Replicate); or it answers with a job that is polled until done,
 * after which a separate {@link #result()} request names the image (fal). The suites stub the rest of the way with
 * {@link #stubFollowUp}, at a low priority, so that each case's own stubs win. A harness is told where its stub server
 * listens ({@link #on}) before any body is built, since fal's and Replicate's answers name URLs of the API itself.
 */
abstract class HttpProviderHarness {

    /** The WireMock priority of the follow-up stubs: lower than the default (5), so a case's own stubs win. */
    static final int FOLLOW_UP_PRIORITY = 9;

    private String stubBaseUrl;

    /**
     * The stub server's configuration: loopback, a free port, and no h2c. The JDK client asks plain-http servers to
     * upgrade to HTTP/2, and Jetty's h2c upgrade intermittently breaks on loopback, which is WireMock's problem, not
     * a fault under test.
     */
    static WireMockConfiguration serverConfig() {
        return wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true);
    }

    /** Tells the harness where its stub server listens; returns it. */
    final HttpProviderHarness on(String baseUrl) {
        this.stubBaseUrl = baseUrl;
        return this;
    }

    /** Where the stub server listens, for bodies that name URLs of the API (fal's status_url, Replicate's urls.get). */
    final String stubBaseUrl() {
        return Objects.requireNonNull(stubBaseUrl, "the suite must call on(server.baseUrl()) first");
    }

    /** The ServiceLoader id, for example {@code runpod}. */
    abstract String providerId();

    /** The environment variable of the API key, named in authentication errors. */
    abstract String keyVariable();

    /** Every setting the provider needs to talk to {@code baseUrl} with {@code apiKey}. */
    abstract Map<String, String> settings(String baseUrl, String apiKey);

    /** The {@code Authorization} header the provider sends with {@code key}: {@code Bearer <key>} unless said. */
    String authorization(String key) {
        return "Bearer " + key;
    }

    /** The generation POST, to stub. */
    abstract MappingBuilder submit();

    /** The generation POST, to count. */
    abstract RequestPatternBuilder submitted();

    /**
     * The answer to the generation POST that leads to the image at {@code imageUrl}: the image itself for most
     * providers; for one with a {@link #result()} request, the accepted job, whose image {@link #stubFollowUp} serves.
     */
    abstract String completedBody(String imageUrl);

    /**
     * The answer to the request that names the images (the generation POST, a poll, or the {@link #result()}) when
     * the provider says it is done but names no image.
     */
    abstract String completedWithoutImageBody();

    /** The part of the message of a 404 on the generation POST that says what to check. */
    abstract String notFoundAdvice();

    /** Whether the provider answers with a job that is then polled. */
    boolean hasJobs() {
        return false;
    }

    /** The id of the job the stubs hand out. */
    String jobId() {
        throw new UnsupportedOperationException(providerId() + " has no jobs");
    }

    /**
     * The answer to the generation POST, or to a poll, when the job was accepted and is in {@code status}, given in
     * Runpod's words: {@code IN_QUEUE} (waiting), {@code IN_PROGRESS} (running), {@code CANCELLED}; any other word is
     * a status the provider does not know, to be sent as it is. A provider whose statuses differ translates them.
     */
    String jobBody(String status) {
        throw new UnsupportedOperationException(providerId() + " has no jobs");
    }

    /** The status poll of the job, to stub. */
    MappingBuilder poll() {
        throw new UnsupportedOperationException(providerId() + " has no jobs");
    }

    /** The answer to a poll when the job is done with the image at {@code imageUrl}; the POST's answer unless said. */
    String polledCompletedBody(String imageUrl) {
        return completedBody(imageUrl);
    }

    /**
     * The request that fetches a finished job's output, when neither the generation POST nor the poll answers with it
     * (fal's {@code response_url}); {@code null} for providers whose POST or poll names the image.
     */
    MappingBuilder result() {
        return null;
    }

    /** The answer to {@link #result()} naming the image at {@code imageUrl}. */
    String resultBody(String imageUrl) {
        throw new UnsupportedOperationException(providerId() + " has no result request");
    }

    /**
     * The answer of a job that failed with {@code error}, to the generation POST, or to the {@link #result()} request
     * where the provider has one (fal has no failed status: a failed job answers its result with an error).
     */
    ResponseDefinitionBuilder failedJob(String error) {
        throw new UnsupportedOperationException(providerId() + " has no jobs");
    }

    /** The answer to the cancel request. */
    String cancelledBody() {
        return jobBody("CANCELLED");
    }

    /** The cancel request of the job, to stub; {@code null} when the provider cannot cancel. */
    MappingBuilder cancel() {
        return null;
    }

    /** The cancel request of the job, to count. */
    RequestPatternBuilder cancelled() {
        return null;
    }

    /** The part of the message when a poll says the job is unknown (expired). */
    String expiredAdvice() {
        throw new UnsupportedOperationException(providerId() + " has no jobs");
    }

    /** The part of the message when the provider is done without an image. */
    abstract String noImageAdvice();

    /** The pixels every suite asks for, within the provider's limits. */
    Resolution size() {
        return Resolution.of(1280, 720);
    }

    /**
     * How many build-generate-close cycles the resource-release suite runs: 100, unless each generation waits by
     * design. A leak of one thread or descriptor per cycle shows after 30 as after 100 (the slack is 12).
     */
    int releaseCycles() {
        return 100;
    }

    /** Whether the provider takes a seed; without, requests carry none (it would only add a warning). */
    boolean takesSeed() {
        return true;
    }

    /** The format of the images behind the provider's image URLs. */
    ImageFormat imageFormat() {
        return ImageFormat.PNG;
    }

    /** A generation request for {@code prompt} at {@link #size()}, with {@code seed} if the provider takes one. */
    GenerationRequest request(String prompt, long seed) {
        GenerationRequest.Builder b = GenerationRequest.builder(prompt).size(size().width(), size().height());
        return takesSeed() ? b.seed(seed).build() : b.build();
    }

    /** A real image in {@link #imageFormat()} of the given size, a few kilobytes. */
    byte[] image(int width, int height) {
        return Images.of(imageFormat(), width, height);
    }

    /** A real image at {@link #size()}, several hundred kilobytes, larger than any header read. */
    byte[] largeImage() {
        return Images.noise(imageFormat(), size().width(), size().height());
    }

    /** {@code image} served with the content type of {@link #imageFormat()}. */
    ResponseDefinitionBuilder imageResponse(byte[] image) {
        return aResponse().withHeader("Content-Type", imageFormat().mediaType()).withBody(image);
    }

    /** The part of the message when the key is refused with {@code status} (401 or 403, body "Unauthorized"). */
    String authAdvice(int status) {
        return "answered HTTP " + status + ": Unauthorized; the credential was refused: check " + keyVariable();
    }

    /**
     * The part of the message when every attempt was refused with 429 (body "too many requests", Retry-After 0, shown
     * rounded up to whole seconds).
     */
    String rateLimitedAdvice() {
        return "HTTP 429: too many requests; the account is rate limited: wait at least 1s and try again";
    }

    /**
     * How a message describes an error body: {@code kind} is {@code JSON} (then {@code text} is its error),
     * {@code HTML} (a page titled "502 Bad Gateway") or {@code empty}.
     */
    String describedBody(String kind, String text) {
        switch (kind) {
            case "JSON":
                return ": " + text;
            case "HTML":
                return ": an HTML page titled '502 Bad Gateway' (74 characters)";
            default:
                return "";
        }
    }

    /** The part of the message when the provider answered {@code status} (500 or 503) with a body so described. */
    String unavailableAdvice(int status, String described) {
        return "answered HTTP " + status + described + "; the provider has a problem: try again later";
    }

    /**
     * Stubs on {@code server}, at {@link #FOLLOW_UP_PRIORITY}, what the provider asks after the generation POST
     * answered {@link #completedBody} and before it fetches the image at {@code imageUrl}: for a provider with a
     * {@link #result()} request, the poll saying done and the result naming the image; nothing for the others.
     */
    final void stubFollowUp(WireMockServer server, String imageUrl) {
        if (result() != null) {
            server.stubFor(poll().atPriority(FOLLOW_UP_PRIORITY).willReturn(json(200, polledCompletedBody(imageUrl))));
            server.stubFor(result().atPriority(FOLLOW_UP_PRIORITY).willReturn(json(200, resultBody(imageUrl))));
        }
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public String toString() {
        return providerId();
    }
}
