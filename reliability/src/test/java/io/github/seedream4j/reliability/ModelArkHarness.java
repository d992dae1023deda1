package io.github.seedream4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.github.seedream4j.ImageFormat;
import java.util.Map;

/**
 * BytePlus ModelArk: one synchronous {@code POST {base}/images/generations} that answers with the images' signed
 * URLs (see reference/modelark.md). There is no job id, so nothing can be polled, cancelled or looked up: a request
 * that may have reached ModelArk is never sent again, and the job rows do not apply. No seed; JPEG images; the
 * toolkit's advice, since its error mapping speaks only for ByteDance's error codes, which these stubs do not send.
 */
final class ModelArkHarness extends HttpProviderHarness {

    private static final String GENERATIONS = "/api/v3/images/generations";

    @Override
    String providerId() {
        return "modelark";
    }

    @Override
    String keyVariable() {
        return "ARK_API_KEY";
    }

    @Override
    Map<String, String> settings(String baseUrl, String apiKey) {
        return Map.of("api-key", apiKey, "base-url", baseUrl + "/api/v3");
    }

    @Override
    MappingBuilder submit() {
        return post(urlPathEqualTo(GENERATIONS));
    }

    @Override
    RequestPatternBuilder submitted() {
        return postRequestedFor(urlPathEqualTo(GENERATIONS));
    }

    @Override
    String completedBody(String imageUrl) {
        // the observed answer of reference/modelark.md section 3, its image URL pointed at the stub
        return "{\"model\":\"seedream-4-0-250828\",\"created\":1782982805,\"data\":[{\"size\":\"1280x720\",\"url\":\""
                + imageUrl + "\"}],\"usage\":{\"generated_images\":1,\"output_tokens\":3600,\"total_tokens\":3600}}";
    }

    @Override
    String completedWithoutImageBody() {
        return "{\"model\":\"seedream-4-0-250828\",\"created\":1782982805,\"data\":[],\"usage\":{"
                + "\"generated_images\":0,\"output_tokens\":0,\"total_tokens\":0}}";
    }

    @Override
    String notFoundAdvice() {
        return "answered HTTP 404: not found; check the settings 'region' (now ap-southeast) and 'base-url' (now "
                + "http://localhost:";
    }

    @Override
    String noImageAdvice() {
        return "answered HTTP 200: an answer without any image (usage.generated_images 0); try again later";
    }

    @Override
    boolean takesSeed() {
        return false;
    }

    @Override
    ImageFormat imageFormat() {
        return ImageFormat.JPEG;
    }
}
