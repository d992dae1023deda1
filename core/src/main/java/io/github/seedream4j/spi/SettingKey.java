package io.github.seedream4j.spi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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

    /** Lower case words joined by dashes; compiled once, since every provider declares several keys. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * Checks the name and copies the environment variable names.
     *
     * @param name lower case words joined by dashes, never {@code null}
     * @param description one line for people, never {@code null}
     * @param required whether the provider cannot work without it
     * @param secret whether the value is a credential
     * @param defaultValue the default, or {@code null}
     * @param environmentVariables extra environment variable names, never {@code null} and holding no {@code null}
     * @throws NullPointerException if {@code name}, {@code description}, {@code environmentVariables} or one of its
     *         elements is null
     * @throws IllegalArgumentException if the name is not lower case words joined by dashes
     */
    public SettingKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("setting name '" + name + "' must be lower case words joined by dashes");
        }
        environmentVariables = List.copyOf(environmentVariables);
    }

    /**
     * A required setting.
     *
     * @param name lower case words joined by dashes, for example {@code api-key}
     * @param description one line for people
     * @return a key that is not secret, has no default and no extra environment variables
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is not lower case words joined by dashes
     */
    public static SettingKey required(String name, String description) {
        return new SettingKey(name, description, true, false, null, List.of());
    }

    /**
     * An optional setting with a default ({@code null} for none).
     *
     * @param name lower case words joined by dashes, for example {@code base-url}
     * @param description one line for people
     * @param defaultValue the value when nothing sets it, or {@code null}
     * @return a key that is not secret and has no extra environment variables
     * @throws NullPointerException if {@code name} or {@code description} is null
     * @throws IllegalArgumentException if the name is not lower case words joined by dashes
     */
    public static SettingKey optional(String name, String description, String defaultValue) {
        return new SettingKey(name, description, false, false, defaultValue, List.of());
    }

    /** {@return this key, marked as a credential} */
    public SettingKey asSecret() {
        return new SettingKey(name, description, required, true, defaultValue, environmentVariables);
    }

    /**
     * This key, also read from the given environment variables (checked before the generic one).
     *
     * @param names the variable names, in the order they are checked; they replace any declared before
     * @return a new key
     * @throws NullPointerException if a name is null
     */
    public SettingKey withEnvironmentVariables(String... names) {
        return new SettingKey(name, description, required, secret, defaultValue, List.of(names));
    }

    /** {@return the default value, if any} */
    public Optional<String> defaultValueIfAny() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * {@return the system property for this key on provider {@code providerId}: {@code seedream.runpod.api-key}}
     *
     * @param providerId the provider's id, for example {@code runpod}
     */
    public String propertyName(String providerId) {
        return "seedream." + providerId + "." + name;
    }

    /**
     * {@return every environment variable checked, in order: the declared ones, then
     * {@code SEEDREAM_RUNPOD_API_KEY}} The list is unmodifiable and never empty.
     *
     * @param providerId the provider's id, for example {@code runpod}
     */
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
