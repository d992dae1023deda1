package io.github.seedream4j.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.stream.Collectors;

/**
 * BytePlus ModelArk on 127.0.0.1: {@code POST /api/v3/images/generations}, answered at once, as the notes'
 * observed response ({@code modelark.md} §3) and error codes (§4, §5) show it.
 */
final class ModelArkStub extends SeedreamApi {

    static final String GENERATIONS = "/api/v3/images/generations";

    ModelArkStub() {
        super("modelark", "api-key", "/api/v3", "Bearer", "ARK_API_KEY");
    }

    @Override
    void answer(int count, int width, int height) {
        String data = images(count, width, height).stream()
                .map(url -> "{\"size\":\"" + width + "x" + height + "\",\"url\":\"" + url + "\"}")
                .collect(Collectors.joining(","));
        long tokens = (long) count * width * height / 256;
        answerWith(200, "{\"model\":\"seedream-4-0-250828\",\"created\":1782982805,\"data\":[" + data + "],"
                + "\"usage\":{\"generated_images\":" + count + ",\"output_tokens\":" + tokens + ",\"total_tokens\":"
                + tokens + "}}");
    }

    @Override
    void refuseKey() {
        answerWith(401, "{\"error\":{\"code\":\"AuthenticationError\",\"message\":\"The API key or AK/SK in the "
                + "request is missing or invalid. Request ID: 021782982805000\",\"type\":\"Unauthorized\"}}");
    }

    /** The one image asked for failed ByteDance's output check: a slot with an error and no image. */
    @Override
    void refuseContent() {
        answerWith(200, "{\"model\":\"seedream-4-0-250828\",\"created\":1782982805,\"data\":[{\"error\":{\"code\":"
                + "\"OutputImageSensitiveContentDetected\",\"message\":\"The request failed because the output image "
                + "may contain sensitive information.\"}}],\"usage\":{\"generated_images\":0,\"output_tokens\":0,"
                + "\"total_tokens\":0}}");
    }

    @Override
    List<LoggedRequest> generations() {
        return requests("POST", urlPathEqualTo(GENERATIONS));
    }

    private void answerWith(int status, String body) {
        server.stubFor(post(urlPathEqualTo(GENERATIONS)).willReturn(json(status, body)));
    }
}
