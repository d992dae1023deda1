package io.github.seedream4j.spring.boot.starter;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks every value under {@code seedream.settings}: the starter cannot tell which keys of a provider it does not
 * know are secrets, so it treats them all as secrets. Applies to the {@code configprops} endpoint (keys such as
 * {@code seedream.settings.api-key}) and to the {@code env} endpoint, including environment variables such as
 * {@code SEEDREAM_SETTINGS_API_KEY}.
 */
final class SettingsSanitizingFunction implements SanitizingFunction {

    private static final String PROPERTY_PREFIX = SeedreamProperties.PREFIX + ".settings";
    private static final String VARIABLE_PREFIX = "seedream_settings_";

    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = data.getKey().toLowerCase(Locale.ROOT);
        if (data.getValue() != null && (key.startsWith(PROPERTY_PREFIX + ".") || key.startsWith(PROPERTY_PREFIX + "[")
                || key.startsWith(VARIABLE_PREFIX))) {
            return data.withSanitizedValue();
        }
        return data;
    }
}
