package io.github.seedream4j.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.Map;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The typed readers of {@link ProviderSettings} fed arbitrary values: they return a value or throw
 * {@link ConfigurationException} naming the key, where the value came from, and the value itself (never for a
 * secret key, whose value must not appear at all).
 */
class SettingsPropertiesTest {

    static final SettingKey KEY = SettingKey.optional("knob", "a knob", "1");
    static final SettingKey SECRET = SettingKey.required("api-key", "a key").asSecret();

    @Provide
    Arbitrary<String> value() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withChars("0123456789.:/-+ msShHPTtdD_yesnotruefalsehtp").ofMaxLength(16),
                Arbitraries.of("http://", "https://", "ftp://x", "https://h/", "http://[::1]:8080/v2//", "//x",
                        "https://exa mple.com", "P", "PT", "-1s", "9999999999999999999ms", "1.5s", "on", "off"),
                Arbitraries.longs().map(String::valueOf));
    }

    @Property
    void duration_returnsOrRefusesNamingTheValue(@ForAll("value") String value) {
        check(value, ProviderSettings::duration);
    }

    @Property
    void number_returnsOrRefusesNamingTheValue(@ForAll("value") String value) {
        check(value, ProviderSettings::number);
    }

    @Property
    void bool_returnsOrRefusesNamingTheValue(@ForAll("value") String value) {
        check(value, ProviderSettings::bool);
    }

    @Property
    void uri_returnsOrRefusesNamingTheValue(@ForAll("value") String value) {
        if (value.contains("@")) {
            // a user-info part may hold a password: it is refused without being shown
            Throwable e = catchThrowable(() -> ProviderSettings.of("p", Map.of(KEY.name(), value)).uri(KEY));
            if (e != null) {
                assertThat(e).isInstanceOf(ConfigurationException.class);
                assertThat(e.getMessage()).contains("'knob'");
            }
            return;
        }
        check(value, ProviderSettings::uri);
    }

    @Property
    void price_returnsOrRefusesNamingTheValue(@ForAll("value") String value) {
        check(value, ProviderSettings::price);
    }

    @Property
    void secretMalformed_neverShowsTheValue(@ForAll("value") String tail) {
        String value = "k9Qz" + tail; // distinctive, so it cannot match the fixed text of a message by chance
        ProviderSettings s = ProviderSettings.of("p", Map.of(SECRET.name(), value));
        for (BiFunction<ProviderSettings, SettingKey, Object> read : java.util.List.<BiFunction<ProviderSettings,
                SettingKey, Object>>of(ProviderSettings::duration, ProviderSettings::number, ProviderSettings::bool,
                ProviderSettings::uri, ProviderSettings::price)) {
            Throwable e = catchThrowable(() -> read.apply(s, SECRET));
            if (e != null) {
                assertThat(e).isInstanceOf(ConfigurationException.class);
                assertThat(e.getMessage()).doesNotContain(value.strip()).contains("api-key");
            }
        }
        assertThat(s.toString()).doesNotContain(value.strip());
    }

    static void check(String value, BiFunction<ProviderSettings, SettingKey, Object> read) {
        ProviderSettings s = ProviderSettings.of("p", Map.of(KEY.name(), value));
        Throwable e = catchThrowable(() -> read.apply(s, KEY));
        if (e == null) {
            return;
        }
        assertThat(e).isInstanceOf(ConfigurationException.class);
        assertThat(e.getMessage()).contains("'knob'");
        if (!value.isBlank()) {
            assertThat(e.getMessage()).contains(value.strip());
        }
    }
}
