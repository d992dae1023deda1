package io.github.seedream4j.spring.boot.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;

/** Provider settings never show in the actuator, even when it is told to show values. */
class SettingsSanitizingFunctionTest {

    private final SanitizingFunction function = new SettingsSanitizingFunction();

    @Test
    void configprops_masksEverySettingEvenWithShowValuesAlways() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SeedreamAutoConfiguration.class))
                .withPropertyValues("seedream.provider=fake", "seedream.settings.ledger=top-secret-value")
                .run(context -> {
                    ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(
                            context.getBeanProvider(SanitizingFunction.class).orderedStream().toList(), Show.ALWAYS);
                    endpoint.setApplicationContext(context);

                    Map<String, Object> properties = endpoint.configurationPropertiesWithPrefix("seedream")
                            .getContexts().values().iterator().next().getBeans().values().iterator().next()
                            .getProperties();

                    assertThat(properties).containsEntry("provider", "fake")
                            .containsEntry("settings", Map.of("ledger", SanitizableData.SANITIZED_VALUE));
                });
    }

    @Test
    void apply_masksSettingsFromPropertiesAndEnvironmentVariables() {
        assertThat(sanitize("seedream.settings.api-key")).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(sanitize("seedream.settings[api-key]")).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(sanitize("SEEDREAM_SETTINGS_API_KEY")).isEqualTo(SanitizableData.SANITIZED_VALUE);
    }

    @Test
    void apply_leavesOtherPropertiesAlone() {
        assertThat(sanitize("seedream.provider")).isEqualTo("value");
        assertThat(sanitize("seedream.settingsx")).isEqualTo("value");
        assertThat(sanitize("server.port")).isEqualTo("value");
    }

    private Object sanitize(String key) {
        return function.apply(new SanitizableData(new MapPropertySource("test", Map.of()), key, "value")).getValue();
    }
}
