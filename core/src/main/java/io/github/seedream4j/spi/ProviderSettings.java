package io.github.seedream4j.spi;

import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.PriceModel;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings of one provider, looked up per {@link SettingKey}: explicit values first, then system properties
 * {@code seedream.<provider>.<key>}, then environment variables, then the key's default. Immutable and
 * thread-safe. Messages about a missing or malformed setting name where it can be set, never a secret's value.
 */
public final class ProviderSettings {

    private final String providerId;
    private final Map<String, String> explicit;
    private final Function<String, String> systemProperties;
    private final Function<String, String> environment;

    private ProviderSettings(String providerId, Map<String, String> explicit,
            Function<String, String> systemProperties, Function<String, String> environment) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.explicit = Map.copyOf(explicit);
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * Settings for {@code providerId} from explicit values, this JVM's system properties and its environment.
     *
     * @param providerId the provider's id, never {@code null}
     * @param explicit values by key name, copied; never {@code null}, holding no null key or value
     * @return the settings
     * @throws NullPointerException if an argument, a key or a value is null
     */
    public static ProviderSettings of(String providerId, Map<String, String> explicit) {
        return new ProviderSettings(providerId, explicit, System::getProperty, System::getenv);
    }

    /**
     * Settings with the system properties and environment given as functions, for tests and for embedding in
     * applications that keep configuration elsewhere.
     *
     * @param providerId the provider's id, never {@code null}
     * @param explicit values by key name, copied; never {@code null}, holding no null key or value
     * @param systemProperties maps a property name to its value or {@code null}; never {@code null}
     * @param environment maps a variable name to its value or {@code null}; never {@code null}
     * @return the settings
     * @throws NullPointerException if an argument, a key or a value is null
     */
    public static ProviderSettings of(String providerId, Map<String, String> explicit,
            Function<String, String> systemProperties, Function<String, String> environment) {
        return new ProviderSettings(providerId, explicit, systemProperties, environment);
    }

    /** {@return the id of the provider these settings belong to} */
    public String providerId() {
        return providerId;
    }

    /**
     * {@return the value of {@code key}, or empty when nothing sets it and it has no default} Blank values count as
     * unset.
     *
     * @param key the key, never {@code null}
     */
    public Optional<String> find(SettingKey key) {
        return findRaw(key).map(Found::value).or(key::defaultValueIfAny);
    }

    /**
     * {@return whether something other than the default sets {@code key}}
     *
     * @param key the key, never {@code null}
     */
    public boolean isSet(SettingKey key) {
        return findRaw(key).isPresent();
    }

    /**
     * {@return where {@code key}'s value comes from, for diagnostics: {@code "environment variable RUNPOD_API_KEY"}}
     * {@code "default"} or {@code "not set"} when nothing sets it; never the value itself.
     *
     * @param key the key, never {@code null}
     */
    public String sourceOf(SettingKey key) {
        return findRaw(key).map(Found::source).orElse(key.defaultValue() == null ? "not set" : "default");
    }

    /**
     * The value of {@code key}.
     *
     * @param key the key, never {@code null}
     * @return the value as set, not blank, or the key's default
     * @throws ConfigurationException naming the property and environment variables when it is unset
     */
    public String get(SettingKey key) {
        return find(key).orElseThrow(() -> missing(key));
    }

    /**
     * The value of a credential.
     *
     * @param key the key, never {@code null}
     * @return the value, wrapped so that it never prints
     * @throws ConfigurationException naming the property and environment variables when it is unset
     */
    public Secret secret(SettingKey key) {
        String value = get(key);
        String trimmed = value.replaceAll("[\\r\\n]+$", "");
        if (!trimmed.equals(value) && trimmed.chars().noneMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT)) {
            throw new ConfigurationException("provider " + providerId + " setting '" + key.name() + "' from "
                    + sourceOf(key) + " ends with a line break (the value is not shown); set it again without it, for "
                    + "example without the newline a file or 'echo' adds", providerId, null, null);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                String which = c == '\r' ? "a carriage return (CR)" : c == '\n' ? "a line feed (LF)"
                        : String.format("the control character U+%04X", (int) c);
                throw new ConfigurationException("provider " + providerId + " setting '" + key.name() + "' from "
                        + sourceOf(key) + " holds " + which + " at position " + (i + 1) + " (the value is not shown); a "
                        + "credential is one line of visible characters: remove line endings copied from a file "
                        + "(for example with tr -d '\\r')", providerId, null, null);
            }
        }
        return Secret.of(value);
    }

    /**
     * A duration: {@code 500ms}, {@code 90s}, {@code 5m}, {@code 1h}, a bare number of seconds, or ISO-8601
     * ({@code PT90S}).
     *
     * @param key the key, never {@code null}
     * @return the duration, zero or positive
     * @throws ConfigurationException naming the key and the value when it is unset, malformed or negative
     */
    public Duration duration(SettingKey key) {
        String v = get(key).strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (v.startsWith("pt") || v.startsWith("p")) {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } else if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()));
            } else if (v.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).strip()));
            } else if (v.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).strip()));
            } else if (v.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1).strip()));
            } else {
                d = Duration.ofSeconds(Long.parseLong(v));
            }
            if (d.isNegative()) {
                throw new NumberFormatException("negative");
            }
            return d;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw malformed(key, "a duration such as 500ms, 90s, 5m or PT90S");
        }
    }

    /**
     * A whole number.
     *
     * @param key the key, never {@code null}
     * @return the number, in decimal
     * @throws ConfigurationException naming the key and the value when it is unset or malformed
     */
    public long number(SettingKey key) {
        try {
            return Long.parseLong(get(key).strip());
        } catch (NumberFormatException e) {
            throw malformed(key, "a whole number");
        }
    }

    /**
     * A boolean: {@code true}/{@code false}, {@code yes}/{@code no}, {@code 1}/{@code 0}.
     *
     * @param key the key, never {@code null}
     * @return the value; {@code on}/{@code off} are accepted too, in any case
     * @throws ConfigurationException naming the key and the value when it is unset or malformed
     */
    public boolean bool(SettingKey key) {
        switch (get(key).strip().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "1": case "on":
                return true;
            case "false": case "no": case "0": case "off":
                return false;
            default:
                throw malformed(key, "true or false");
        }
    }

    /**
     * An absolute {@code http} or {@code https} URI, without a trailing slash.
     *
     * @param key the key, never {@code null}
     * @return the URI, with trailing slashes removed
     * @throws ConfigurationException naming the key and the value when it is unset or malformed
     */
    public URI uri(SettingKey key) {
        String v = get(key).strip();
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        String expected = "an absolute http or https URL such as https://api.example.com/v1";
        URI u;
        try {
            u = new URI(v);
        } catch (URISyntaxException e) {
            throw malformedUri(key, v, expected);
        }
        if (u.getRawUserInfo() != null || (u.getRawAuthority() != null && u.getRawAuthority().contains("@"))) {
            throw new ConfigurationException("provider " + providerId + " setting '" + key.name() + "' from "
                    + sourceOf(key) + " holds a user name or password before the host (shown hidden); credentials "
                    + "do not belong in a URL: set them with the provider's credential setting and give the URL "
                    + "without 'user:password@'", providerId, null, null);
        }
        if (u.getScheme() == null || u.getHost() == null || u.isOpaque()
                || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))) {
            throw malformedUri(key, v, expected);
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            throw malformedUri(key, v, "a base URL without a query or fragment, such as https://api.example.com/v1");
        }
        try {
            // the scheme and host in lower case, as every HTTP client expects them
            return new URI(u.getScheme().toLowerCase(Locale.ROOT), null, u.getHost().toLowerCase(Locale.ROOT),
                    u.getPort(), u.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw malformedUri(key, v, expected);
        }
    }

    private ConfigurationException malformedUri(SettingKey key, String value, String expected) {
        if (key.secret()) {
            return malformed(key, expected);
        }
        String given = get(key).strip();
        String shown = given.length() > 200 ? given.substring(0, 200) + "..." : given;
        return new ConfigurationException("provider " + providerId + " setting '" + key.name() + "' from "
                + sourceOf(key) + " is '" + shown + "'; expected " + expected, providerId, null, null);
    }

    /**
     * A price model: {@code 0.03/image} or {@code 0.027/megapixel}.
     *
     * @param key the key, never {@code null}
     * @return the price model
     * @throws ConfigurationException naming the key and the value when it is unset or malformed
     */
    public PriceModel price(SettingKey key) {
        try {
            return PriceModel.parse(get(key));
        } catch (InvalidRequestException e) {
            throw malformed(key, "a price such as 0.03/image or 0.027/megapixel");
        }
    }

    private Optional<Found> findRaw(SettingKey key) {
        String v = explicit.get(key.name());
        if (v != null && !v.isBlank()) {
            return Optional.of(new Found(v, "explicit setting '" + key.name() + "'"));
        }
        String property = key.propertyName(providerId);
        v = systemProperties.apply(property);
        if (v != null && !v.isBlank()) {
            return Optional.of(new Found(v, "system property " + property));
        }
        for (String name : key.environmentVariableNames(providerId)) {
            v = environment.apply(name);
            if (v != null && !v.isBlank()) {
                return Optional.of(new Found(v, "environment variable " + name));
            }
        }
        return Optional.empty();
    }

    private ConfigurationException missing(SettingKey key) {
        return new ConfigurationException("provider " + providerId + " needs setting '" + key.name() + "' ("
                + key.description() + "): set the environment variable "
                + String.join(" or ", key.environmentVariableNames(providerId)) + ", or the system property "
                + key.propertyName(providerId), providerId, null, null);
    }

    private ConfigurationException malformed(SettingKey key, String expected) {
        String shown = key.secret() ? "(value hidden)" : "'" + find(key).orElse("") + "'";
        return new ConfigurationException("provider " + providerId + " setting '" + key.name() + "' from "
                + sourceOf(key) + " is " + shown + "; expected " + expected, providerId, null, null);
    }

    /** Lists where each key of {@code keys} is set, never the values: for diagnostics. */
    @Override
    public String toString() {
        return "ProviderSettings[" + providerId + ", explicit keys " + explicit.keySet() + "]";
    }

    private record Found(String value, String source) {
    }
}
