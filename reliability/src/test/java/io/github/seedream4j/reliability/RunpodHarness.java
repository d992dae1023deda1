package io.github.seedream4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.util.Map;

/** Runpod's job API: {@code POST /run}, {@code GET /status/{id}}, {@code POST /cancel/{id}} (see reference/runpod.md). */
final class RunpodHarness extends HttpProviderHarness {

    static final String JOB = "eaebd6e7-6a92-4bb8-a911-f996ac5ea99d";
    private static final String ENDPOINT = "seedream-v4-t2i";

    @Override
    String providerId() {
        return "runpod";
    }

    @Override
    String keyVariable() {
        return "RUNPOD_API_KEY";
    }

    @Override
    Map<String, String> settings(String baseUrl, String apiKey) {
        return Map.of("api-key", apiKey, "base-url", baseUrl);
    }

    @Override
    MappingBuilder submit() {
        return post(urlPathEqualTo("/" + ENDPOINT + "/run"));
    }

    @Override
    RequestPatternBuilder submitted() {
        return postRequestedFor(urlPathEqualTo("/" + ENDPOINT + "/run"));
    }

    @Override
    String completedBody(String imageUrl) {
        // verbatim shape of the documented /run answer (reference/runpod.md), image URL pointed at the stub
        return "{\"delayTime\":16,\"executionTime\":5234,\"id\":\"" + JOB + "\",\"output\":{\"cost\":0.113246,"
                + "\"image_url\":\"" + imageUrl + "\"},\"status\":\"COMPLETED\",\"workerId\":\"oqk7ao1uomckye\"}";
    }

    @Override
    String completedWithoutImageBody() {
        return "{\"id\":\"" + JOB + "\",\"status\":\"COMPLETED\",\"output\":{\"cost\":0.113246}}";
    }

    @Override
    String notFoundAdvice() {
        return "endpoint '" + ENDPOINT + "' does not exist at ";
    }

    @Override
    String noImageAdvice() {
        return "is COMPLETED but its output has no image_url or result; nothing can be fetched. Send the request again";
    }

    @Override
    boolean hasJobs() {
        return true;
    }

    @Override
    String jobId() {
        return JOB;
    }

    @Override
    String jobBody(String status) {
        return "{\"id\":\"" + JOB + "\",\"status\":\"" + status + "\"}";
    }

    @Override
    ResponseDefinitionBuilder failedJob(String error) {
        return json(200, "{\"id\":\"" + JOB + "\",\"status\":\"FAILED\",\"error\":\"" + error + "\"}");
    }

    @Override
    MappingBuilder poll() {
        return get(urlPathEqualTo("/" + ENDPOINT + "/status/" + JOB));
    }

    @Override
    MappingBuilder cancel() {
        return post(urlPathEqualTo("/" + ENDPOINT + "/cancel/" + JOB));
    }

    @Override
    RequestPatternBuilder cancelled() {
        return postRequestedFor(urlPathEqualTo("/" + ENDPOINT + "/cancel/" + JOB));
    }

    @Override
    String expiredAdvice() {
        return "answered HTTP 404: request does not exist; job " + JOB + " is unknown or expired";
    }
}
