package io.github.seedream4j.provider.cloudflare.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.InsufficientCreditException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.provider.cloudflare.internal.RunOutcome.ApiError;
import io.github.seedream4j.spi.Secret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorTranslatorTest {

    private static final String TOKEN = "canary-token-5f3c9a";
    private final ErrorTranslator translator = new ErrorTranslator("023e105f4ecef8ad9ca31a8372d0c353",
            "bytedance/seedream-4.0", "https://api.cloudflare.com/client/v4", Secret.of(TOKEN));

    private SeedreamException failed(int status, String code, String message) {
        return translator.translate(status, new RunOutcome.Failed(List.of(new ApiError(code, message))), null);
    }

    @ParameterizedTest
    @CsvSource({
        "401, 10000, AuthenticationException",
        "402, 2021, InsufficientCreditException",
        "429, 3040, RateLimitedException",
        "429, 3036, RateLimitedException",
        "408, 3007, GenerationTimeoutException",
        "408, 3008, GenerationTimeoutException",
        "400, 5007, ConfigurationException",
        "404, 3042, ConfigurationException",
        "404, 7000, ConfigurationException",
        "404, 7003, ConfigurationException",
        "405, 7001, ConfigurationException",
        "413, 3006, InvalidRequestException",
        "400, 5004, InvalidRequestException",
        "400, 3003, InvalidRequestException",
        "503, provider_unavailable, ProviderUnavailableException",
        // a known code wins over a status that says something else
        "400, 3040, RateLimitedException",
        "200, 10000, AuthenticationException",
        // unknown codes fall back to the status
        "401, 9999, AuthenticationException",
        "402, 9999, InsufficientCreditException",
        "403, 5016, AuthenticationException",
        "404, 9999, ConfigurationException",
        "408, 9999, GenerationTimeoutException",
        "413, 9999, InvalidRequestException",
        "422, 9999, InvalidRequestException",
        "429, 9999, RateLimitedException",
        "500, 9999, ProviderUnavailableException",
        "503, 9999, ProviderUnavailableException",
        "200, 9999, GenerationFailedException",
        "418, 9999, GenerationFailedException"})
    void translate_codeAndStatus_mapToTheFamily(int status, String code, String expected) {
        SeedreamException e = failed(status, code, "something");

        assertThat(e.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(e.providerId()).contains("cloudflare");
        assertThat(e.jobId()).isEmpty();
    }

    @Test
    void translate_10000_namesTheVariableAndThePermission() {
        assertThat(failed(401, "10000", "Authentication error")).isInstanceOf(AuthenticationException.class)
                .hasMessage("Cloudflare rejected the API token (HTTP 401, code 10000: Authentication error): check "
                        + "CLOUDFLARE_API_TOKEN (setting 'api-token'); the token must be valid and carry the Workers AI "
                        + "Read or Edit permission (an AI Gateway permission alone is not enough)");
    }

    @Test
    void translate_2021_saysToLoadCredits() {
        assertThat(failed(402, "2021", "Insufficient balance")).isInstanceOf(InsufficientCreditException.class)
                .hasMessage("Cloudflare refused to bill the request (HTTP 402, code 2021: Insufficient balance): model "
                        + "'bytedance/seedream-4.0' is paid with AI Gateway Unified Billing credits, and the account has "
                        + "none available; load credits in the Cloudflare dashboard (AI > AI Gateway > Credits) and try "
                        + "again; nothing was generated");
    }

    @Test
    void translate_429WithRetryAfter_carriesIt() {
        SeedreamException e = translator.translate(429, new RunOutcome.Unreadable("the body is empty"),
                Duration.ofSeconds(7));

        assertThat(e).isInstanceOfSatisfying(RateLimitedException.class, r -> {
            assertThat(r.retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(r.isRetryable()).isTrue();
        });
        assertThat(e).hasMessage("Cloudflare is rate limiting this account or is out of capacity for model "
                + "'bytedance/seedream-4.0' (HTTP 429; the body is empty); nothing was generated; wait at least 7s "
                + "and try again");
    }

    @Test
    void translate_7003And7000_namesTheAccountId() {
        RunOutcome outcome = ResponseParser.parse(Vectors.bytes("error-7003-7000.json"));

        assertThat(translator.translate(400, outcome, null)).isInstanceOf(ConfigurationException.class)
                .hasMessage("Cloudflare could not route the request for account id '023e105f4ecef8ad9ca31a8372d0c353' "
                        + "(HTTP 400, code 7003: Could not route to /accounts/xxx/ai/v1, perhaps your object identifier "
                        + "is invalid?; code 7000: No route for that URI); check the setting 'account-id' (environment "
                        + "variable CLOUDFLARE_ACCOUNT_ID): it is the 32-character id shown on the dashboard's overview "
                        + "page; also check the setting 'base-url' (now https://api.cloudflare.com/client/v4)");
    }

    @Test
    void translate_5007_namesTheModelSetting() {
        assertThat(failed(400, "5007", "No such model")).isInstanceOf(ConfigurationException.class)
                .hasMessage("Cloudflare does not know model 'bytedance/seedream-4.0' (HTTP 400, code 5007: No such "
                        + "model); check the setting 'model' (system property seedream.cloudflare.model), whose default "
                        + "is bytedance/seedream-4.0");
    }

    @Test
    void translate_runApiFailed_isUnavailableAndRetryable() {
        SeedreamException e = translator.translate(200, ResponseParser.parse(Vectors.bytes("error-run-api-failed.json")),
                null);

        assertThat(e).isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("Cloudflare has no provider available for model 'bytedance/seedream-4.0' (HTTP 200, code "
                        + "provider_unavailable: All providers for this model are currently unavailable.); nothing was "
                        + "generated; try again later");
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void translate_htmlWith502_isUnavailable() {
        assertThat(translator.translate(502, new RunOutcome.Unreadable("the body is not JSON"), null))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("Cloudflare could not run the request (HTTP 502; the body is not JSON); this is a problem "
                        + "on Cloudflare's side; try again later");
    }

    @Test
    void translate_unreadable200_isOutcomeUnknown() {
        assertThat(translator.translate(200, new RunOutcome.Unreadable("the body is empty"), null))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessage("Cloudflare answered HTTP 200; the body is empty; the image was probably generated and "
                        + "billed, but its URL is lost. It was not sent again; check the Cloudflare dashboard before "
                        + "sending the request again");
    }

    @Test
    void translate_noImage200_warnsThatItMayBeBilled() {
        assertThat(translator.translate(200, new RunOutcome.NoImage("'result' holds neither 'image' nor 'images'"),
                null)).isInstanceOf(GenerationFailedException.class)
                .hasMessage("Cloudflare did not return an image (HTTP 200; 'result' holds neither 'image' nor "
                        + "'images'); the image may have been billed, so check the Cloudflare dashboard before sending "
                        + "the request again");
    }

    @Test
    void translate_504_isOutcomeUnknown() {
        assertThat(translator.translate(504, new RunOutcome.Unreadable("the body is not JSON"), null))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessage("Cloudflare answered HTTP 504; the body is not JSON; a gateway timed out waiting for the "
                        + "model, which may still have generated and billed the image. It was not sent again; check "
                        + "the Cloudflare dashboard before sending the request again");
    }

    @Test
    void translate_serverEchoingTheToken_isScrubbed() {
        SeedreamException e = failed(400, "5004", "bad token " + TOKEN + " in\n input");

        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(e.getMessage()).doesNotContain(TOKEN).contains("code 5004: bad token **** in input");
    }

    @Test
    void translate_longServerText_isShortened() {
        SeedreamException e = failed(400, "5004", "x".repeat(1000));

        // 300 characters of server text in all, "code 5004: " included
        assertThat(e.getMessage()).contains("code 5004: " + "x".repeat(289) + "...)").doesNotContain("x".repeat(290));
    }

    @Test
    void translate_3007_isATimeout() {
        assertThat(failed(408, "3007", "Timeout")).isInstanceOf(GenerationTimeoutException.class)
                .hasMessage("Cloudflare timed out running model 'bytedance/seedream-4.0' (HTTP 408, code 3007: "
                        + "Timeout); try again, perhaps with a smaller size");
    }
}
