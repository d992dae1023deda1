package io.github.seedream4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.InsufficientCreditException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.spi.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpErrorsTest {

    private static final String KEY = "rpa_CANARY0123456789";
    private final HttpErrors errors = new HttpErrors("runpod", "RUNPOD_API_KEY", Secret.of(KEY),
            FeignSupport.jsonMapper());

    private SeedreamException translate(int status, String body) {
        return errors.translate("POST /x/runsync", status, body, null, null, "endpoint 'x' does not exist");
    }

    @Test
    void translate_400CarriesTheProvidersMessage() {
        SeedreamException e = translate(400, "{\"error\":\"Invalid parameter: size format must be width*height\"}");
        assertThat(e).isInstanceOf(InvalidRequestException.class).hasMessage("provider runpod: POST /x/runsync "
                + "answered HTTP 400: Invalid parameter: size format must be width*height; change the request and send "
                + "it again");
    }

    @Test
    void translate_401NamesTheKeyVariableAndScrubsTheKey() {
        SeedreamException e = translate(401, "{\"message\":\"bad key " + KEY + "\"}");
        assertThat(e).isInstanceOf(AuthenticationException.class).hasMessage("provider runpod: POST /x/runsync "
                + "answered HTTP 401: bad key ****; the API key was refused: check RUNPOD_API_KEY (a valid key with "
                + "access to this endpoint)");
        assertThat(translate(403, "")).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void translate_statusFamilies() {
        assertThat(translate(402, null)).isInstanceOf(InsufficientCreditException.class);
        assertThat(translate(404, "Not Found")).isInstanceOf(ConfigurationException.class).hasMessage(
                "provider runpod: POST /x/runsync answered HTTP 404: Not Found; endpoint 'x' does not exist");
        assertThat(translate(408, null)).isInstanceOf(ProviderUnavailableException.class);
        assertThat(translate(500, "{\"errors\":[{\"code\":7,\"message\":\"boom\"}]}"))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("HTTP 500: boom;");
        assertThat(translate(418, null)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void translate_429CarriesRetryAfter() {
        SeedreamException e = errors.translate("POST /run", 429, "slow down", Duration.ofSeconds(7), null, null);
        assertThat(e).isInstanceOf(RateLimitedException.class).hasMessage("provider runpod: POST /run answered HTTP "
                + "429: slow down; the account is rate limited: wait at least 7s and try again");
        assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void message_htmlIsSummarisedNotDumped() {
        String html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>" + "x".repeat(5000)
                + "</body></html>";
        assertThat(errors.message(html)).contains("an HTML page titled '502 Bad Gateway' (" + html.length()
                + " characters)");
    }

    @Test
    void message_longTextIsShortenedAndNestedErrorObjectsRead() {
        assertThat(errors.message("y".repeat(1000)).orElseThrow()).hasSize(HttpErrors.MAX_MESSAGE_CHARS);
        assertThat(errors.message("{\"error\":{\"message\":\"quota\"}}")).contains("quota");
        assertThat(errors.message("{\"unrelated\":1}")).contains("{\"unrelated\":1}");
        assertThat(errors.message("  ")).isEmpty();
    }
}
