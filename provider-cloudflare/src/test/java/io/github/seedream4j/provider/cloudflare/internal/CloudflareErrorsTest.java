package io.github.seedream4j.provider.cloudflare.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.InsufficientCreditException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.http.ErrorDetail;
import io.github.seedream4j.http.ErrorReport;
import io.github.seedream4j.http.ErrorTranslator;
import io.github.seedream4j.http.Idempotency;
import io.github.seedream4j.spi.ProviderSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cloudflare's codes and statuses through the toolkit's one translator. */
class CloudflareErrorsTest {

    private static final String TOKEN = "canary-token-5f3c9a";
    private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final String HEAD = "provider cloudflare: POST /client/v4/accounts/" + ACCOUNT + "/ai/run answered ";
    private final CloudflareConfig config = CloudflareConfig.from(ProviderSettings.of("cloudflare", Map.of(
            "api-token", TOKEN, "account-id", ACCOUNT), k -> null, k -> null));
    private final ErrorTranslator translator = new CloudflareErrors(config).translator(config);

    private static ErrorReport report(int status, List<ErrorDetail> details, Duration retryAfter) {
        return new ErrorReport("POST /client/v4/accounts/" + ACCOUNT + "/ai/run", status, details, retryAfter, null,
                Idempotency.NON_IDEMPOTENT);
    }

    private SeedreamException failed(int status, String code, String message) {
        return translator.translate(report(status, List.of(new ErrorDetail(code, message)), null));
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
        "504, 9999, OutcomeUnknownException",
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
                .hasMessage(HEAD + "HTTP 401: Authentication error (code 10000); Cloudflare rejected the API token: "
                        + "check CLOUDFLARE_API_TOKEN (setting 'api-token'); the token must be valid and carry the "
                        + "Workers AI Read or Edit permission (an AI Gateway permission alone is not enough)");
    }

    @Test
    void translate_2021_saysToLoadCredits() {
        assertThat(failed(402, "2021", "Insufficient balance")).isInstanceOf(InsufficientCreditException.class)
                .hasMessage(HEAD + "HTTP 402: Insufficient balance (code 2021); Cloudflare refused to bill the "
                        + "request: model 'bytedance/seedream-4.0' is paid with AI Gateway Unified Billing credits, "
                        + "and the account has none available; load credits in the Cloudflare dashboard (AI > AI "
                        + "Gateway > Credits) and try again; nothing was generated");
    }

    @Test
    void translate_429WithRetryAfter_carriesIt() {
        SeedreamException e = translator.translate(report(429, List.of(), Duration.ofSeconds(7)));

        assertThat(e).isInstanceOfSatisfying(RateLimitedException.class, r -> {
            assertThat(r.retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(r.isRetryable()).isTrue();
        });
        assertThat(e).hasMessage(HEAD + "HTTP 429; Cloudflare is rate limiting this account or is out of capacity "
                + "for model 'bytedance/seedream-4.0'; nothing was generated; wait at least 7s and try again");
    }

    @Test
    void translate_7003And7000_namesTheAccountId() {
        RunOutcome.Failed outcome = (RunOutcome.Failed) ResponseParser.parse(Vectors.bytes("error-7003-7000.json"));

        assertThat(translator.translate(report(400, outcome.errors().stream().map(RunOutcome.ApiError::toDetail)
                .toList(), null))).isInstanceOf(ConfigurationException.class)
                .hasMessage(HEAD + "HTTP 400: Could not route to /accounts/xxx/ai/v1, perhaps your object identifier "
                        + "is invalid? (code 7003); No route for that URI (code 7000); Cloudflare could not route the "
                        + "request for account id '" + ACCOUNT + "'; check the setting 'account-id' (environment "
                        + "variable CLOUDFLARE_ACCOUNT_ID): it is the 32-character id shown on the dashboard's overview "
                        + "page; also check the setting 'base-url' (now https://api.cloudflare.com/client/v4)");
    }

    @Test
    void translate_5007_namesTheModelSetting() {
        assertThat(failed(400, "5007", "No such model")).isInstanceOf(ConfigurationException.class)
                .hasMessage(HEAD + "HTTP 400: No such model (code 5007); Cloudflare does not know model "
                        + "'bytedance/seedream-4.0'; check the setting 'model' (system property "
                        + "seedream.cloudflare.model), whose default is bytedance/seedream-4.0");
    }

    @Test
    void translate_runApiFailed_isUnavailableAndRetryable() {
        RunOutcome.Failed outcome = (RunOutcome.Failed) ResponseParser.parse(Vectors.bytes("error-run-api-failed.json"));

        SeedreamException e = translator.translate(report(200, outcome.errors().stream()
                .map(RunOutcome.ApiError::toDetail).toList(), null));

        assertThat(e).isInstanceOf(ProviderUnavailableException.class).hasMessage(HEAD + "HTTP 200: All providers for "
                + "this model are currently unavailable. (code provider_unavailable); Cloudflare has no provider "
                + "available for model 'bytedance/seedream-4.0'; nothing was generated; try again later");
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void translate_htmlWith502_isUnavailable() {
        assertThat(translator.translate(report(502, ErrorTranslator.details(("<html><head><title>502 Bad Gateway"
                + "</title></head></html>").getBytes()), null))).isInstanceOf(ProviderUnavailableException.class)
                .hasMessage(HEAD + "HTTP 502: an HTML page titled '502 Bad Gateway' (56 characters); Cloudflare could "
                        + "not run the request; this is a problem on Cloudflare's side; try again later");
    }

    @Test
    void translate_504_isOutcomeUnknown() {
        assertThat(translator.translate(report(504, List.of(), null))).isInstanceOf(OutcomeUnknownException.class)
                .hasMessage(HEAD + "HTTP 504; a gateway timed out waiting for the model, which may still have "
                        + "generated and billed the image. It was not sent again; check the Cloudflare dashboard "
                        + "before sending the request again");
    }

    @Test
    void translate_serverEchoingTheToken_isScrubbed() {
        SeedreamException e = failed(400, "5004", "bad token " + TOKEN + " in\n input");

        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(e.getMessage()).doesNotContain(TOKEN).contains("HTTP 400: bad token **** in input (code 5004)");
    }

    @Test
    void translate_longServerText_isShortened() {
        SeedreamException e = failed(400, "5004", "x".repeat(1000));

        // 300 characters of server text in all, " (code 5004)" cut off
        assertThat(e.getMessage()).contains("HTTP 400: " + "x".repeat(297) + "...; Cloudflare rejected the input")
                .doesNotContain("x".repeat(298));
    }

    @Test
    void translate_3007_isATimeout() {
        assertThat(failed(408, "3007", "Timeout")).isInstanceOf(GenerationTimeoutException.class)
                .hasMessage(HEAD + "HTTP 408: Timeout (code 3007); Cloudflare timed out running model "
                        + "'bytedance/seedream-4.0'; try again, perhaps with a smaller size");
    }
}
