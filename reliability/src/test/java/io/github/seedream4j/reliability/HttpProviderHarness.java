package io.github.seedream4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.util.Map;

/**
 * What the reliability suites need to know about one HTTP provider: how to configure it against a stub server, and
 * what its wire protocol looks like. Every suite ({@link FaultMatrixContract}, {@link SecretCanaryContract},
 * {@link LoadWithFaultsContract}) is abstract over this; a provider joins by one harness subclass and one
 * three-line subclass per suite. Rows that need a job lifecycle (polling, expiry) are skipped when
 * {@link #hasJobs()} is false.
 */
abstract class HttpProviderHarness {

    /** The ServiceLoader id, for example {@code runpod}. */
    abstract String providerId();

    /** The environment variable of the API key, named in authentication errors. */
    abstract String keyVariable();

    /** Every setting the provider needs to talk to {@code baseUrl} with {@code apiKey}. */
    abstract Map<String, String> settings(String baseUrl, String apiKey);

    /** The generation POST, to stub. */
    abstract MappingBuilder submit();

    /** The generation POST, to count. */
    abstract RequestPatternBuilder submitted();

    /** The answer to the generation POST when the image is ready at {@code imageUrl}. */
    abstract String completedBody(String imageUrl);

    /** The answer to the generation POST or a poll when the provider says it is done but names no image. */
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

    /** The answer to the generation POST when the job was accepted and is still {@code status}. */
    String jobBody(String status) {
        throw new UnsupportedOperationException(providerId() + " has no jobs");
    }

    /** The status poll of the job, to stub. */
    MappingBuilder poll() {
        throw new UnsupportedOperationException(providerId() + " has no jobs");
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

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public String toString() {
        return providerId();
    }
}
