package io.github.seedream4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.InsufficientCreditException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.spi.Secret;
import io.github.seedream4j.spi.SettingKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorTranslatorTest {

    static final String KEY = "sk-canary-49f1c2";
    static final SettingKey API_KEY = SettingKey.required("api-key", "the key").asSecret()
            .withEnvironmentVariables("ACME_API_KEY");

    private final ErrorTranslator translator = ErrorTranslator.builder("acme").credential(API_KEY)
            .secrets(Secret.of(KEY)).console("the Acme console").build();

    private static HttpReply reply(int status, String body, Idempotency kind, String... headers) {
        Map<String, List<String>> h = headers.length == 0 ? Map.of() : Map.of(headers[0], List.of(headers[1]));
        return HttpReply.of("POST /v1/images", kind, status, h, body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpReply reply(int status, String body) {
        return reply(status, body, Idempotency.NON_IDEMPOTENT);
    }

    @ParameterizedTest
    @CsvSource({
        "400, InvalidRequestException",
        "413, InvalidRequestException",
        "422, InvalidRequestException",
        "418, InvalidRequestException",
        "401, AuthenticationException",
        "403, AuthenticationException",
        "402, InsufficientCreditException",
        "404, ConfigurationException",
        "408, ProviderUnavailableException",
        "429, RateLimitedException",
        "500, ProviderUnavailableException",
        "503, ProviderUnavailableException",
        "504, OutcomeUnknownException",
        "200, OutcomeUnknownException"})
    void translate_statusDecidesTheFamilyByDefault(int status, String expected) {
        SeedreamException e = translator.translate(reply(status, "{\"error\":\"x\"}"), "job-1");

        assertThat(e.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(e.providerId()).contains("acme");
        assertThat(e).hasNoCause();
    }

    @Test
    void translate_401NamesTheCredentialAndQuotesTheProvider() {
        assertThat(translator.translate(reply(401, "{\"error\":{\"message\":\"Invalid key\",\"code\":\"bad_key\"}}")))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage("provider acme: POST /v1/images answered HTTP 401: Invalid key (code bad_key); the "
                        + "credential was refused: check ACME_API_KEY (setting 'api-key')");
    }

    @Test
    void translate_theProvidersMappingWinsOverTheStatus() {
        ErrorMapping overdue = report -> report.status() == 403 && report.hasCode("account_overdue")
                ? Optional.of(ErrorMapping.Verdict.of(ErrorKind.INSUFFICIENT_CREDIT, "the account is overdue: pay "
                        + "the open invoice in the Acme console, then try again"))
                : Optional.empty();
        ErrorTranslator mapped = ErrorTranslator.builder("acme").credential(API_KEY).mapping(overdue).build();

        assertThat(mapped.translate(reply(403, "{\"message\":\"Account overdue\",\"code\":\"account_overdue\"}")))
                .isInstanceOf(InsufficientCreditException.class)
                .hasMessage("provider acme: POST /v1/images answered HTTP 403: Account overdue (code account_overdue); "
                        + "the account is overdue: pay the open invoice in the Acme console, then try again");
        assertThat(mapped.translate(reply(403, "{\"message\":\"Forbidden\"}")))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void translate_onCodeMappingsChainAndSeeEveryReportedError() {
        ErrorMapping mapping = ErrorMapping.onCode("2021", ErrorKind.INSUFFICIENT_CREDIT, "load credits")
                .orElse(ErrorMapping.onCode("7003", ErrorKind.CONFIGURATION, "check the account id"));
        ErrorTranslator mapped = ErrorTranslator.builder("acme").mapping(mapping).build();

        SeedreamException e = mapped.translate(reply(400, "{\"success\":false,\"errors\":[{\"code\":7003,"
                + "\"message\":\"Could not route\"},{\"code\":7000,\"message\":\"No route for that URI\"}]}"));

        assertThat(e).isInstanceOf(ConfigurationException.class).hasMessage("provider acme: POST /v1/images answered "
                + "HTTP 400: Could not route (code 7003); No route for that URI (code 7000); check the account id");
    }

    @Test
    void translate_429CarriesRetryAfterRoundedUpInTheMessage() {
        SeedreamException e = translator.translate(reply(429, "slow down", Idempotency.NON_IDEMPOTENT,
                "Retry-After", "7"));

        assertThat(e).isInstanceOfSatisfying(RateLimitedException.class,
                r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(e).hasMessage("provider acme: POST /v1/images answered HTTP 429: slow down; the account is rate "
                + "limited: wait at least 7s and try again");
        assertThat(ErrorTranslator.waitFor(Duration.ZERO)).isEqualTo("wait at least 1s");
        assertThat(ErrorTranslator.waitFor(Duration.ofMillis(1200))).isEqualTo("wait at least 2s");
        assertThat(ErrorTranslator.waitFor(null)).isEqualTo("wait a little");
    }

    @Test
    void translate_504ToASubmissionIsAnUnknownOutcomeAndToAPollIsUnavailable() {
        assertThat(translator.translate(reply(504, "<html><head><title>504 Gateway Time-out</title></head></html>")))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessage("provider acme: POST /v1/images answered HTTP 504: an HTML page titled '504 Gateway "
                        + "Time-out' (61 characters); a gateway gave up waiting, and the provider may have accepted, "
                        + "and charged, the request anyway. It was not sent again; check the Acme console before "
                        + "sending the request again");
        assertThat(translator.translate(reply(504, "", Idempotency.IDEMPOTENT)))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider acme: POST /v1/images answered HTTP 504; the provider has a problem: try again "
                        + "later");
    }

    @Test
    void translate_anUnusableSuccessIsAnUnknownOutcomeOnlyForSubmissions() {
        assertThat(translator.translate(reply(200, "ok"))).isInstanceOf(OutcomeUnknownException.class);
        assertThat(translator.translate(reply(200, "ok", Idempotency.IDEMPOTENT)))
                .isInstanceOf(GenerationFailedException.class)
                .hasMessage("provider acme: POST /v1/images answered HTTP 200: ok; the answer is not one this "
                        + "provider can read; try again later");
    }

    @Test
    void translate_serverTextIsRedactedAndShortened() {
        SeedreamException e = translator.translate(reply(400, "{\"message\":\"key " + KEY + " is bad;\\n see "
                + "https://u:pw@docs.acme.test/keys?token=t0k3n \\u001b]0;pwned\\u0007" + "x".repeat(400) + "\"}"));

        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("pw@").doesNotContain("t0k3n")
                .doesNotContain("\u001b").doesNotContain("\u0007")
                .startsWith("provider acme: POST /v1/images answered HTTP 400: key **** is bad; see "
                        + "https://***@docs.acme.test/keys?... ]0;pwnedxxx")
                .contains("x...; change the request and send it again");
        String said = e.getMessage().substring("provider acme: POST /v1/images answered HTTP 400: ".length(),
                e.getMessage().indexOf("; change the request"));
        assertThat(said).hasSize(Redactor.MAX_SERVER_TEXT);
    }

    @Test
    void details_readTheCommonShapes() {
        assertThat(ErrorTranslator.details("{\"error\":\"plain\"}".getBytes()))
                .containsExactly(ErrorDetail.of("plain"));
        assertThat(ErrorTranslator.details("{\"error\":\"with code\",\"code\":42}".getBytes()))
                .containsExactly(new ErrorDetail("42", "with code"));
        assertThat(ErrorTranslator.details("{\"error\":{\"type\":\"quota\",\"message\":\"nested\"}}".getBytes()))
                .containsExactly(new ErrorDetail("quota", "nested"));
        assertThat(ErrorTranslator.details("{\"detail\":\"fastapi\"}".getBytes()))
                .containsExactly(ErrorDetail.of("fastapi"));
        assertThat(ErrorTranslator.details("{\"other\":1}".getBytes()))
                .containsExactly(ErrorDetail.of("{\"other\":1}"));
        assertThat(ErrorTranslator.details("Not Found".getBytes())).containsExactly(ErrorDetail.of("Not Found"));
        assertThat(ErrorTranslator.details("  ".getBytes())).isEmpty();
        assertThat(ErrorTranslator.details(null)).isEmpty();
    }

    @Test
    void toString_neverShowsASecret() {
        assertThat(translator.toString()).isEqualTo("ErrorTranslator[acme, credential ACME_API_KEY (setting "
                + "'api-key')]");
        assertThat(translator.redactor().toString()).doesNotContain(KEY);
    }
}
