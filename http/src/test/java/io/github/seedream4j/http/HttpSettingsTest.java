package io.github.seedream4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpSettingsTest {

    static final SettingKey KEY = SettingKey.required("api-key", "the key").asSecret()
            .withEnvironmentVariables("ACME_API_KEY");
    static final SettingKey BASE = SettingKey.optional("base-url", "the API", "https://api.acme.test/v1");

    private static ProviderSettings settings(Map<String, String> explicit, Map<String, String> environment) {
        return ProviderSettings.of("acme", explicit, k -> null, environment::get);
    }

    @Test
    void credential_withATrailingCarriageReturnNamesTheSettingNeverTheValue() {
        Throwable e = catchThrowable(() -> HttpSettings.credential(settings(Map.of(),
                Map.of("ACME_API_KEY", "sk-canary-77\r")), KEY));

        assertThat(e).isInstanceOf(ConfigurationException.class).hasMessage("provider acme setting 'api-key' from "
                + "environment variable ACME_API_KEY ends with a line break (the value is not shown); set it again "
                + "without it, for example without the newline a file or 'echo' adds").hasNoCause();
        assertThat(e.toString()).doesNotContain("sk-canary-77");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-a\nb", "sk-\u0000x", "sk-\u001b[2J", "sk-\u00e9t\u00e9", "sk\ttab"})
    void credential_refusesWhatCannotTravelInAHeader(String value) {
        Throwable e = catchThrowable(() -> HttpSettings.credential(settings(Map.of("api-key", value), Map.of()), KEY));

        assertThat(e).isInstanceOf(ConfigurationException.class).hasMessageStartingWith("provider acme setting "
                + "'api-key' from explicit setting 'api-key' ");
        assertThat(e.getMessage()).doesNotContain(value.strip());
    }

    @Test
    void credential_acceptsAPlainToken() {
        assertThat(HttpSettings.credential(settings(Map.of("api-key", "rpa_ABC-123.xyz"), Map.of()), KEY).reveal())
                .isEqualTo("rpa_ABC-123.xyz");
    }

    @Test
    void baseUrl_plainHttpToAnotherHostIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> HttpSettings.baseUrl(settings(Map.of("base-url", "http://192.0.2.2:18090/v2"),
                Map.of()), BASE)).isInstanceOf(ConfigurationException.class).hasMessage("provider acme setting "
                        + "'base-url' from explicit setting 'base-url' is http://192.0.2.2:18090/v2: plain http would "
                        + "send the credential unencrypted to 192.0.2.2; use https, or set 'allow-insecure-http' to "
                        + "true (system property seedream.acme.allow-insecure-http) if the network is trusted");

        assertThat(HttpSettings.baseUrl(settings(Map.of("base-url", "http://192.0.2.2:18090/v2",
                "allow-insecure-http", "true"), Map.of()), BASE)).isEqualTo(URI.create("http://192.0.2.2:18090/v2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:9/v2/", "http://[::1]:8080/x"})
    void baseUrl_plainHttpToThisMachineIsFine(String url) {
        assertThat(HttpSettings.baseUrl(settings(Map.of("base-url", url), Map.of()), BASE).getScheme())
                .isEqualTo("http");
    }

    @Test
    void baseUrl_isNormalised() {
        assertThat(HttpSettings.baseUrl(settings(Map.of("base-url", "HTTPS://Api.Acme.test/v1//"), Map.of()), BASE))
                .isEqualTo(URI.create("https://Api.Acme.test/v1"));
        assertThat(HttpSettings.baseUrl(settings(Map.of(), Map.of()), BASE))
                .isEqualTo(URI.create("https://api.acme.test/v1"));
    }

    @Test
    void baseUrl_userInfoIsRefusedAndNeverShown() {
        Throwable e = catchThrowable(() -> HttpSettings.baseUrl(settings(Map.of("base-url",
                "https://admin:canary-pw-3@api.acme.test/v1"), Map.of()), BASE));

        assertThat(e).isInstanceOf(ConfigurationException.class).hasMessage("provider acme setting 'base-url' from "
                + "explicit setting 'base-url' is https://***@api.acme.test/v1: it carries a user name or password, "
                + "which is never sent from there; remove it, and set the credential in its own setting");
    }

    @Test
    void baseUrl_malformedOrWithQueryIsRefusedWithoutShowingSecrets() {
        assertThat(catchThrowable(() -> HttpSettings.baseUrl(settings(Map.of("base-url", "https://u:pw d@host/v1"),
                Map.of()), BASE))).isInstanceOf(ConfigurationException.class).hasMessage("provider acme setting "
                        + "'base-url' from explicit setting 'base-url' is https://***@host/v1, which is not a URL; "
                        + "expected an absolute http or https URL such as https://api.example.com/v1");
        assertThat(catchThrowable(() -> HttpSettings.baseUrl(settings(Map.of("base-url",
                "https://api.acme.test/v1?key=abc"), Map.of()), BASE))).isInstanceOf(ConfigurationException.class)
                .hasMessage("provider acme setting 'base-url' from explicit setting 'base-url' is "
                        + "https://api.acme.test/v1?...: a base URL has no query or fragment; remove what follows '?' "
                        + "or '#'");
        assertThat(catchThrowable(() -> HttpSettings.baseUrl(settings(Map.of("base-url", "ftp://files.acme.test"),
                Map.of()), BASE))).isInstanceOf(ConfigurationException.class).hasMessageEndingWith("is "
                        + "ftp://files.acme.test; expected an absolute http or https URL such as "
                        + "https://api.example.com/v1");
    }

    @Test
    void maxPollsPerSecond_isOneNameWithTheDefaultAndWhyInItsDescription() {
        SettingKey key = HttpSettings.maxPollsPerSecond("40", "80% of the published 3000 per minute");

        assertThat(key.name()).isEqualTo("max-polls-per-second").isEqualTo(HttpSettings.MAX_POLLS_PER_SECOND);
        assertThat(key.defaultValue()).isEqualTo("40");
        assertThat(key.required()).isFalse();
        assertThat(key.description()).isEqualTo("most status calls per second, shared by all generations of one "
                + "client: a decimal such as 5 or 0.5, or unlimited (default 40: 80% of the published 3000 per "
                + "minute)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", " 5 ", "5.0", "0.5", "2e1", "0.01", "1000000"})
    void pollGate_takesADecimal(String value) {
        PollGate gate = HttpSettings.pollGate(settings(Map.of("max-polls-per-second", value), Map.of()),
                HttpSettings.maxPollsPerSecond("unlimited", "nothing is published"));

        assertThat(gate.maxPerSecond()).hasValue(Double.parseDouble(value.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unlimited", "UNLIMITED", "0", "0.0", "-0"})
    void pollGate_unlimitedOrZeroIsNoCap(String value) {
        assertThat(HttpSettings.pollGate(settings(Map.of("max-polls-per-second", value), Map.of()),
                HttpSettings.maxPollsPerSecond("40", "why")).isUnlimited()).isTrue();
    }

    @Test
    void pollGate_defaultsApplyAndAnAbsentCapIsNoCap() {
        assertThat(HttpSettings.pollGate(settings(Map.of(), Map.of()), HttpSettings.maxPollsPerSecond("40", "why"))
                .maxPerSecond()).hasValue(40);
        assertThat(HttpSettings.pollGate(settings(Map.of(), Map.of("SEEDREAM_ACME_MAX_POLLS_PER_SECOND", "2.5")),
                HttpSettings.maxPollsPerSecond("40", "why")).maxPerSecond()).hasValue(2.5);
        assertThat(HttpSettings.pollGate(settings(Map.of(), Map.of()), SettingKey.optional("max-polls-per-second",
                "no default", null)).isUnlimited()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "-1", "0.001", "2000000", "NaN", "5/s", "Infinity"})
    void pollGate_refusesWhatIsNotACapNamingTheKeyTheValueAndWhatIsValid(String value) {
        Throwable e = catchThrowable(() -> HttpSettings.pollGate(settings(Map.of("max-polls-per-second", value),
                Map.of()), HttpSettings.maxPollsPerSecond("40", "why")));

        assertThat(e).isInstanceOf(ConfigurationException.class).hasMessage("provider acme setting "
                + "'max-polls-per-second' from explicit setting 'max-polls-per-second' is '" + value + "'; expected "
                + "status calls per second as a decimal from 0.01 to 1000000, such as 5 or 0.5, or 'unlimited' (or 0) "
                + "for no cap");
    }
}
