package io.github.seedream4j.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.stream.Collectors;

/**
 * fal.ai's queue on 127.0.0.1: a submission to {@code /fal-ai/bytedance/seedream/v4/text-to-image} or {@code .../edit}
 * answered with the notes' verbatim submit answer ({@code fal.md} §4.1, whose URLs name another host, so the
 * provider polls the paths fal's clients build), one {@code IN_QUEUE} status, then {@code COMPLETED}, then the result.
 */
final class FalStub extends SeedreamApi {

    static final String ID = "80e732af-660e-45cd-bd63-580e4f2a94cc";
    /** Where the queue keeps a request of {@code fal-ai/bytedance/...}: the app, without the endpoint's subpath. */
    static final String REQUEST = "/fal-ai/bytedance/requests/" + ID;
    static final UrlPattern SUBMIT = urlPathMatching("/fal-ai/bytedance/seedream/v4/(text-to-image|edit)");

    FalStub() {
        super("fal", "api-key", "", "Key", "FAL_KEY");
    }

    @Override
    void answer(int count, int width, int height) {
        String images = images(count, width, height).stream().map(url -> "{\"url\":\"" + url + "\",\"content_type\":"
                + "\"image/png\",\"width\":" + width + ",\"height\":" + height + "}").collect(Collectors.joining(","));
        queue(json(200, "{\"images\":[" + images + "],\"seed\":746406749}"));
    }

    @Override
    void refuseKey() {
        server.stubFor(post(SUBMIT).willReturn(json(401, "{\"detail\":\"Invalid Key\"}")));
    }

    /** The request completes, and its result is fal's content-checker refusal ({@code fal.md} §5), HTTP 422. */
    @Override
    void refuseContent() {
        queue(json(422, "{\"detail\":" + payload("fal-error-content-policy.json").strip() + "}"));
    }

    @Override
    List<LoggedRequest> generations() {
        return requests("POST", SUBMIT);
    }

    /** Submission, one queued status, completion, then {@code result} at the request's result path. */
    private void queue(ResponseDefinitionBuilder result) {
        server.stubFor(post(SUBMIT).willReturn(json(200, payload("fal-queue-submit.json"))));
        server.stubFor(get(urlPathEqualTo(REQUEST + "/status")).inScenario("queue")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
                .willReturn(json(202, payload("fal-queue-status-in-queue.json"))));
        server.stubFor(get(urlPathEqualTo(REQUEST + "/status")).inScenario("queue").whenScenarioStateIs("done")
                .willReturn(json(200, "{\"status\":\"COMPLETED\",\"request_id\":\"" + ID + "\",\"logs\":null,"
                        + "\"metrics\":{\"inference_time\":4.2}}")));
        server.stubFor(get(urlPathEqualTo(REQUEST)).willReturn(result));
    }
}
