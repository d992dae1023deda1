package io.github.seedream4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.Resolution;
import java.util.Map;

/**
 * Cloudflare Workers AI: one synchronous {@code POST /accounts/{account_id}/ai/run} that answers with a JPEG URL
 * (see reference/cloudflare.md). No jobs, no seed, sides of 1024 to 4096 pixels; its error mapping gives advice of
 * its own, so the advice phrases differ.
 */
final class CloudflareHarness extends HttpProviderHarness {

    /** The account id of Cloudflare's own SDK tests. */
    static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final String RUN = "/accounts/" + ACCOUNT + "/ai/run";
    private static final String MODEL = "model 'bytedance/seedream-4.0'";
    private static final String TOKEN = "CLOUDFLARE_API_TOKEN (setting 'api-token')";

    @Override
    String providerId() {
        return "cloudflare";
    }

    @Override
    String keyVariable() {
        return "CLOUDFLARE_API_TOKEN";
    }

    @Override
    Map<String, String> settings(String baseUrl, String apiKey) {
        return Map.of("api-token", apiKey, "account-id", ACCOUNT, "base-url", baseUrl);
    }

    @Override
    MappingBuilder submit() {
        return post(urlPathEqualTo(RUN));
    }

    @Override
    RequestPatternBuilder submitted() {
        return postRequestedFor(urlPathEqualTo(RUN));
    }

    @Override
    String completedBody(String imageUrl) {
        // verbatim shape of the model page's "Raw response", image URL pointed at the stub
        return "{\"gatewayMetadata\":{\"keySource\":\"Unified\"},\"result\":{\"image\":\"" + imageUrl + "\"},"
                + "\"state\":\"Completed\"}";
    }

    @Override
    String completedWithoutImageBody() {
        return "{\"gatewayMetadata\":{\"keySource\":\"Unified\"},\"result\":{},\"state\":\"Completed\"}";
    }

    @Override
    String notFoundAdvice() {
        return "answered HTTP 404: not found; Cloudflare could not route the request for account id '" + ACCOUNT
                + "'; check the setting 'account-id' (environment variable CLOUDFLARE_ACCOUNT_ID)";
    }

    @Override
    String noImageAdvice() {
        return "answered HTTP 200: 'result' holds neither 'image' nor 'images'; Cloudflare did not return an image; the "
                + "image may have been billed, so check the Cloudflare dashboard before sending the request again";
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
    String authAdvice(int status) {
        if (status == 401) {
            return "answered HTTP 401: Unauthorized; Cloudflare rejected the API token: check " + TOKEN + "; the token "
                    + "must be valid and carry the Workers AI Read or Edit permission";
        }
        return "answered HTTP " + status + ": Unauthorized; Cloudflare refused access: the token in " + TOKEN + " or the "
                + "account may not be allowed to use " + MODEL + "; check the token's permissions";
    }

    @Override
    String rateLimitedAdvice() {
        return "HTTP 429: too many requests; Cloudflare is rate limiting this account or is out of capacity for " + MODEL
                + "; nothing was generated; wait at least 1s and try again";
    }

    @Override
    String unavailableAdvice(int status, String described) {
        return "answered HTTP " + status + described + "; Cloudflare could not run the request; this is a problem on "
                + "Cloudflare's side; try again later";
    }
}
