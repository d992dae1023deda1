package io.github.seedream4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.Resolution;
import java.util.Map;

/**
 * Replicate's predictions API (see reference/replicate.md): {@code POST /v1/models/bytedance/seedream-4/predictions}
 * with {@code Prefer: wait}, answered with the prediction, which has either ended within the wait (the image is in
 * its {@code output}) or is still {@code starting} or {@code processing}, and is then polled at its {@code urls.get}
 * and cancelled at its {@code urls.cancel}. The envelope is the one of Replicate's recorded create answer. No seed;
 * sides of 1024 to 4096 pixels; JPEG images.
 */
final class ReplicateHarness extends HttpProviderHarness {

    /** A prediction id of Replicate's recorded answers. */
    static final String PREDICTION = "kr2d2jhqbsrj60cjb2vtmekgh4";
    private static final String CREATE = "/v1/models/bytedance/seedream-4/predictions";
    private static final String AT = "/v1/predictions/" + PREDICTION;

    @Override
    String providerId() {
        return "replicate";
    }

    @Override
    String keyVariable() {
        return "REPLICATE_API_TOKEN";
    }

    @Override
    Map<String, String> settings(String baseUrl, String apiKey) {
        return Map.of("api-token", apiKey, "base-url", baseUrl + "/v1");
    }

    @Override
    MappingBuilder submit() {
        return post(urlPathEqualTo(CREATE));
    }

    @Override
    RequestPatternBuilder submitted() {
        // only creates that ask Replicate to hold the answer count: the setting 'wait' is 60s by default
        return postRequestedFor(urlPathEqualTo(CREATE)).withHeader("Prefer", equalTo("wait=60"));
    }

    @Override
    String completedBody(String imageUrl) {
        // a prediction that ended within Prefer: wait
        return prediction("succeeded", "[\"" + imageUrl + "\"]", "null");
    }

    @Override
    String completedWithoutImageBody() {
        return prediction("succeeded", "[]", "null");
    }

    @Override
    String notFoundAdvice() {
        return "; Replicate has no model bytedance/seedream-4 at http://localhost:";
    }

    @Override
    String noImageAdvice() {
        return "prediction " + PREDICTION + " succeeded, but its output names no image; send the request again";
    }

    @Override
    Resolution size() {
        // explicit sizes go out as size "custom", whose width and height the schema bounds to 1024..4096
        return Resolution.of(1280, 1024);
    }

    @Override
    boolean takesSeed() {
        return false;
    }

    @Override
    ImageFormat imageFormat() {
        return ImageFormat.JPEG;
    }

    @Override
    String rateLimitedAdvice() {
        return "HTTP 429: too many requests; the account is rate limited (Replicate allows 600 predictions a minute, "
                + "fewer while credit runs low): wait at least 1s and try again";
    }

    @Override
    boolean hasJobs() {
        return true;
    }

    @Override
    String jobId() {
        return PREDICTION;
    }

    @Override
    String jobBody(String status) {
        switch (status) {
            case "IN_QUEUE":
                return prediction("starting", "null", "null");
            case "IN_PROGRESS":
                return prediction("processing", "null", "null");
            case "CANCELLED":
                return prediction("canceled", "null", "null");
            default:
                return prediction(status, "null", "null");
        }
    }

    @Override
    ResponseDefinitionBuilder failedJob(String error) {
        return json(200, prediction("failed", "null", "\"" + error + "\""));
    }

    @Override
    MappingBuilder poll() {
        return get(urlPathEqualTo(AT));
    }

    @Override
    MappingBuilder cancel() {
        return post(urlPathEqualTo(AT + "/cancel"));
    }

    @Override
    RequestPatternBuilder cancelled() {
        return postRequestedFor(urlPathEqualTo(AT + "/cancel"));
    }

    @Override
    String expiredAdvice() {
        return "answered HTTP 404: request does not exist; prediction " + PREDICTION + " is unknown to Replicate at "
                + "http://localhost:";
    }

    /** The envelope of Replicate's recorded create answer, with this status, output and error. */
    private String prediction(String status, String output, String error) {
        String at = stubBaseUrl() + AT;
        return "{\"id\":\"" + PREDICTION + "\",\"model\":\"bytedance/seedream-4\",\"version\":"
                + "\"dp-a557b7387b4940df25b23f779dc534c4\",\"logs\":\"\",\"output\":"
                + output + ",\"data_removed\":false,\"error\":" + error + ",\"status\":\"" + status + "\","
                + "\"created_at\":\"2024-10-04T18:07:35.262Z\",\"urls\":{\"cancel\":\"" + at + "/cancel\",\"get\":\""
                + at + "\"}}";
    }
}
