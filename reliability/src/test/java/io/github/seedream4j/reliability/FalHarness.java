package io.github.seedream4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.util.Map;

/**
 * fal's queue API (see reference/fal.md): {@code POST /fal-ai/bytedance/seedream/v4/text-to-image} answers with a
 * request id and its {@code status_url}, {@code response_url} and {@code cancel_url}; the status is polled until
 * {@code COMPLETED}, then the result names the image; {@code PUT cancel_url} cancels. There is no failed status: a
 * failed request answers its result with an error. The stubbed URLs are those of fal's per-model OpenAPI, with the
 * endpoint's full path, not the {@code owner/alias} paths the provider builds when an answer names none: every poll
 * that succeeds shows that the URLs of the answer were followed. Authorization is {@code Key <key>}.
 */
final class FalHarness extends HttpProviderHarness {

    /** The request id of fal's documented submit answer. */
    static final String REQUEST = "80e732af-660e-45cd-bd63-580e4f2a94cc";
    private static final String ENDPOINT = "/fal-ai/bytedance/seedream/v4/text-to-image";
    private static final String AT = ENDPOINT + "/requests/" + REQUEST;

    @Override
    String providerId() {
        return "fal";
    }

    @Override
    String keyVariable() {
        return "FAL_KEY";
    }

    @Override
    Map<String, String> settings(String baseUrl, String apiKey) {
        return Map.of("api-key", apiKey, "base-url", baseUrl);
    }

    @Override
    String authorization(String key) {
        return "Key " + key;
    }

    @Override
    MappingBuilder submit() {
        return post(urlPathEqualTo(ENDPOINT));
    }

    @Override
    RequestPatternBuilder submitted() {
        return postRequestedFor(urlPathEqualTo(ENDPOINT));
    }

    @Override
    String completedBody(String imageUrl) {
        // the documented submit answer, its URLs on the stub; the image comes from the result (stubFollowUp)
        String at = stubBaseUrl() + AT;
        return "{\"request_id\": \"" + REQUEST + "\", \"response_url\": \"" + at + "\", \"status_url\": \"" + at
                + "/status\", \"cancel_url\": \"" + at + "/cancel\"}";
    }

    @Override
    String completedWithoutImageBody() {
        return "{\"images\": [], \"seed\": 746406749}";
    }

    @Override
    String notFoundAdvice() {
        return "answered HTTP 404: not found; no such endpoint at the setting 'base-url': check it (fal's queue API is "
                + "https://queue.fal.run)";
    }

    @Override
    String noImageAdvice() {
        return "the result of request " + REQUEST + " names no image, so nothing can be fetched; send the request "
                + "again";
    }

    @Override
    boolean hasJobs() {
        return true;
    }

    @Override
    String jobId() {
        return REQUEST;
    }

    @Override
    String jobBody(String status) {
        // fal's statuses are Runpod's words for waiting and running; every status names the request and its URLs
        String at = stubBaseUrl() + AT;
        return "{\"status\": \"" + status + "\", \"request_id\": \"" + REQUEST + "\", \"response_url\": \"" + at
                + "\", \"status_url\": \"" + at + "/status\", \"cancel_url\": \"" + at + "/cancel\""
                + (status.equals("IN_QUEUE") ? ", \"queue_position\": 0" : ", \"logs\": null") + "}";
    }

    @Override
    MappingBuilder poll() {
        return get(urlPathEqualTo(AT + "/status"));
    }

    @Override
    String polledCompletedBody(String imageUrl) {
        return "{\"status\": \"COMPLETED\", \"request_id\": \"" + REQUEST + "\", \"response_url\": \"" + stubBaseUrl()
                + AT + "\", \"logs\": null, \"metrics\": {\"inference_time\": 4.2}}";
    }

    @Override
    MappingBuilder result() {
        return get(urlPathEqualTo(AT));
    }

    @Override
    String resultBody(String imageUrl) {
        // the documented output, its image pointed at the stub
        return "{\"images\": [{\"url\": \"" + imageUrl + "\"}], \"seed\": 746406749}";
    }

    @Override
    ResponseDefinitionBuilder failedJob(String error) {
        // the content-policy shape of fal's error reference, at the result
        return json(422, "[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"" + error + "\",\"type\":"
                + "\"content_policy_violation\",\"url\":\"https://docs.fal.ai/errors#content_policy_violation\"}]");
    }

    @Override
    MappingBuilder cancel() {
        return put(urlPathEqualTo(AT + "/cancel"));
    }

    @Override
    RequestPatternBuilder cancelled() {
        return putRequestedFor(urlPathEqualTo(AT + "/cancel"));
    }

    @Override
    String cancelledBody() {
        return "{\"status\": \"CANCELLATION_REQUESTED\"}";
    }

    @Override
    int releaseCycles() {
        // every generation waits 250 ms for its first poll: 100 cycles would take half a minute
        return 30;
    }

    @Override
    String expiredAdvice() {
        return "answered HTTP 404: request does not exist; fal knows no request " + REQUEST + " there: it expired, or "
                + "was made with another key or base URL; send the request again";
    }
}
