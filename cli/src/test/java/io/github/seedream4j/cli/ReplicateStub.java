package io.github.seedream4j.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Replicate's predictions API on 127.0.0.1: the create request for {@code bytedance/seedream-4} answered 201 with
 * the notes' verbatim {@code processing} prediction ({@code replicate.md} §1.2, whose URLs name another host, so the
 * provider polls {@code /v1/predictions/ID}), and that poll answered with the prediction's end.
 */
final class ReplicateStub extends SeedreamApi {

    static final String CREATE = "/v1/models/bytedance/seedream-4/predictions";
    static final String ID = "kr2d2jhqbsrj60cjb2vtmekgh4";
    static final String PREDICTION = "/v1/predictions/" + ID;

    ReplicateStub() {
        super("replicate", "api-token", "/v1", "Bearer", "REPLICATE_API_TOKEN");
    }

    @Override
    void answer(int count, int width, int height) {
        String output = images(count, width, height).stream().map(url -> "\"" + url + "\"")
                .collect(Collectors.joining(","));
        ended("\"status\":\"succeeded\",\"output\":[" + output + "],\"error\":null");
    }

    @Override
    void refuseKey() {
        server.stubFor(post(urlPathEqualTo(CREATE)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json").withBody(payload("replicate-error-401.json"))));
    }

    /**
     * The prediction fails with a refusal as its error. Replicate documents no Seedream failure text (the notes,
     * §3), so the text stands for any refusal the model reports: the provider passes it on as it is.
     */
    @Override
    void refuseContent() {
        ended("\"status\":\"failed\",\"output\":null,\"error\":\"The output image was flagged as sensitive content "
                + "by the safety checker.\"");
    }

    @Override
    List<LoggedRequest> generations() {
        return requests("POST", urlPathEqualTo(CREATE));
    }

    /** Create answers the verbatim processing prediction; its poll answers {@code end} (JSON members). */
    private void ended(String end) {
        server.stubFor(post(urlPathEqualTo(CREATE)).willReturn(json(201, payload("replicate-create-processing.json"))
                .withHeader("Preference-Applied", "wait=60")));
        server.stubFor(get(urlPathEqualTo(PREDICTION)).willReturn(json(200, "{\"id\":\"" + ID + "\",\"model\":"
                + "\"bytedance/seedream-4\",\"logs\":\"\"," + end + ",\"data_removed\":false,\"created_at\":"
                + "\"2024-10-04T18:07:35.262Z\",\"started_at\":\"2024-10-04T18:07:36.000Z\",\"completed_at\":"
                + "\"2024-10-04T18:07:41.500Z\",\"metrics\":{\"predict_time\":5.5},\"urls\":{\"cancel\":"
                + "\"https://api.replicate.com/v1/predictions/" + ID + "/cancel\",\"get\":"
                + "\"https://api.replicate.com/v1/predictions/" + ID + "\"}}")));
    }
}
