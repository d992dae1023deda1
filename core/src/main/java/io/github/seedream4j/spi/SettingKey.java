package io.github.seedream4j.spi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A setting a provider reads, for example Runpod's {@code api-key}. It is looked up, in order: a value given
 * explicitly to the client builder; the system property {@code seedream.<provider>.<name>}; each of the key's
 * environment variables (its declared ones, then {@code SEEDREAM_<PROVIDER>_<NAME>}); the default.
 *
 * @param name lower case words joined by dashes, for example {@code api-key}
 * @param description one line for people
 * @param required whether the provider cannot work without it
 * @param secret whether the value is a credential, never to be shown
 * @param defaultValue the value when nothing sets it, or {@code null}
 * @param environmentVariables extra environment variable names, checked first, for example {@code RUNPOD_API_KEY}
 */
public record SettingKey(String name, String description, boolean required, boolean secret, String defaultValue,
        List<String> environmentVariables) {

    /** @throws IllegalArgumentException if the name is not lower case words joined by dashes */
    public SettingKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("setting name '" + name + "' must be lower case words joined by dashes");
        }
        environmentVariables = List.copyOf(environmentVariables);
    }

    /** A required setting. */
    public static SettingKey required(String name, String description) {
        return new SettingKey(name, description, true, false, null, List.of());
    }

    /** An optional setting with a default ({@code null} for none). */
    public static SettingKey optional(String name, String description, String defaultValue) {
        return new SettingKey(name, description, false, false, defaultValue, List.of());
    }

    /** This key, marked as a credential. */
    public SettingKey asSecret() {
        return new SettingKey(name, description, required, true, defaultValue, environmentVariables);
    }

    /** This key, also read from the given environment variables (checked before the generic one). */
    public SettingKey withEnvironmentVariables(String... names) {
        return new SettingKey(name, description, required, secret, defaultValue, List.of(names));
    }

    /** The default value, if any. */
    public Optional<String> defaultValueIfAny() {
        return Optional.ofNullable(defaultValue);
    }

    /** The system property for this key on provider {@code providerId}: {@code seedream.runpod.api-key}. */
    public String propertyName(String providerId) {
        return "seedream." + providerId + "." + name;
    }

    /** Every environment variable checked, in order: the declared ones, then {@code SEEDREAM_RUNPOD_API_KEY}. */
    public List<String> environmentVariableNames(String providerId) {
        String generic = ("SEEDREAM_" + providerId + "_" + name).toUpperCase(Locale.ROOT).replace('-', '_')
                .replace('.', '_');
        if (environmentVariables.contains(generic)) {
            return environmentVariables;
        }
        java.util.ArrayList<String> all = new java.util.ArrayList<>(environmentVariables);
        all.add(generic);
        return List.copyOf(all);
    }
}
