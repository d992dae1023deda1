package io.github.seedream4j.http;

import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.http.internal.Loopback;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.Secret;
import io.github.seedream4j.spi.SettingKey;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads the settings every HTTP provider has, checked completely when the provider is created, so that a bad value
 * fails {@code build()} with a {@link ConfigurationException} naming the setting, and never shows a credential:
 * <ul>
 *   <li>{@link #credential}: a credential travels in a header, so a line break or another control character in it
 *       (a trailing carriage return from a file or a shell) is refused, naming the setting and never the value;</li>
 *   <li>{@link #baseUrl}: an absolute {@code http}/{@code https} URL without user-info, query or fragment; and
 *       because requests to it carry the credential, plain {@code http} only to this machine ({@code localhost},
 *       {@code 127.0.0.1}, {@code [::1]}) unless the user opts in with {@link #ALLOW_INSECURE_HTTP};</li>
 *   <li>{@link #pollGate}: the cap on a polling provider's status calls, {@link #maxPollsPerSecond}, the same
 *       setting name in every provider.</li>
 * </ul>
 */
public final class HttpSettings {

    /**
     * {@code allow-insecure-http}: {@code true} lets the credential travel over plain {@code http} to hosts other than
     * this machine, for a trusted network or a TLS-terminating proxy beside the application. {@code false} by
     * default. Providers list it among their settings.
     */
    public static final SettingKey ALLOW_INSECURE_HTTP = SettingKey.optional("allow-insecure-http",
            "true lets the credential travel over plain http to a host other than this machine (trusted networks "
                    + "only)", "false");

    /** The name every polling provider gives its cap on status calls: {@value}. */
    public static final String MAX_POLLS_PER_SECOND = "max-polls-per-second";

    private HttpSettings() {
    }

    /**
     * The setting {@value #MAX_POLLS_PER_SECOND} of a provider that polls: the most status calls per second one
     * client sends, across all its generations; read it with {@link #pollGate}.
     *
     * @param defaultValue a decimal such as {@code 40}, or {@code unlimited}; never {@code null}
     * @param why why that default, one short clause for the settings listing, for example {@code "80% of
     *        Replicate's published 3000 per minute"}; never {@code null}
     * @return the key, optional and not secret
     * @throws NullPointerException if an argument is null
     */
    public static SettingKey maxPollsPerSecond(String defaultValue, String why) {
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(why, "why");
        return SettingKey.optional(MAX_POLLS_PER_SECOND, "most status calls per second, shared by all generations "
                + "of one client: a decimal such as 5 or 0.5, or unlimited (default " + defaultValue + ": " + why
                + ")", defaultValue);
    }

    /**
     * The poll gate a cap setting asks for: {@code unlimited}, {@code 0} or nothing set (with no default) lets every
     * poll through; a decimal from {@value PollGate#MIN_PER_SECOND} to 1000000 caps the status calls per second.
     *
     * @param settings the provider's settings, never {@code null}
     * @param key the cap's setting, usually {@link #maxPollsPerSecond}; never {@code null}
     * @return a new gate, to share by every generation of the provider instance
     * @throws ConfigurationException when the value is not such a number; the message names the setting, where it
     *         was set, the value and what is valid
     */
    public static PollGate pollGate(ProviderSettings settings, SettingKey key) {
        Objects.requireNonNull(key, "key");
        String raw = settings.find(key).map(String::strip).orElse("unlimited");
        if (raw.equalsIgnoreCase("unlimited")) {
            return PollGate.unlimited();
        }
        BigDecimal rate;
        try {
            rate = new BigDecimal(raw);
        } catch (NumberFormatException e) {
            rate = null;
        }
        if (rate != null && rate.signum() == 0) {
            return PollGate.unlimited();
        }
        if (rate == null || rate.compareTo(BigDecimal.valueOf(PollGate.MIN_PER_SECOND)) < 0
                || rate.compareTo(BigDecimal.valueOf(PollGate.MAX_PER_SECOND)) > 0) {
            String shown = Redactor.none().serverText(raw);
            throw bad(settings, "provider " + settings.providerId() + " setting '" + key.name() + "' from "
                    + settings.sourceOf(key) + " is '" + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown)
                    + "'; expected status calls per second as a decimal from " + PollGate.MIN_PER_SECOND
                    + " to 1000000, such as 5 or 0.5, or 'unlimited' (or 0) for no cap");
        }
        return PollGate.perSecond(rate.doubleValue());
    }

    /**
     * A credential, checked for what cannot travel in an HTTP header.
     *
     * @param settings the provider's settings, never {@code null}
     * @param key the credential's setting, never {@code null}
     * @return the credential
     * @throws ConfigurationException when it is unset, or holds a control character (a line break, a tab, an
     *         escape) or a character outside printable ASCII; the message names the setting and where it was set,
     *         never the value
     */
    public static Secret credential(ProviderSettings settings, SettingKey key) {
        Secret secret = settings.secret(key);
        String v = secret.reveal();
        String problem = null;
        for (int i = 0; i < v.length() && problem == null; i++) {
            char c = v.charAt(i);
            if (c == '\r' || c == '\n') {
                problem = i == v.length() - 1 || v.substring(i).isBlank() ? "ends with a line break"
                        : "contains a line break";
            } else if (c < 0x20 || c == 0x7f) {
                problem = "contains a control character";
            } else if (c > 0x7e) {
                problem = "contains a character outside printable ASCII, which cannot travel in an HTTP header";
            }
        }
        if (problem != null) {
            throw new ConfigurationException("provider " + settings.providerId() + " setting '" + key.name() + "' from "
                    + settings.sourceOf(key) + " " + problem + " (the value is not shown); set it again without it, "
                    + "for example without the newline a file or 'echo' adds", settings.providerId(), null, null);
        }
        return secret;
    }

    /**
     * A base URL that requests carrying the credential go to: checked completely, and normalised (scheme in lower
     * case, trailing slashes removed).
     *
     * @param settings the provider's settings, never {@code null}
     * @param key the URL's setting, never {@code null}
     * @return the URL
     * @throws ConfigurationException when it is not an absolute http(s) URL, carries user-info, a query or a
     *         fragment, or is plain http to another machine without {@link #ALLOW_INSECURE_HTTP}; the message shows
     *         the URL redacted ({@link Redactor#url(String)})
     */
    public static URI baseUrl(ProviderSettings settings, SettingKey key) {
        Objects.requireNonNull(key, "key");
        String raw = settings.get(key).strip();
        while (raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        String shown = Redactor.url(raw);
        String head = "provider " + settings.providerId() + " setting '" + key.name() + "' from "
                + settings.sourceOf(key) + " is " + shown;
        URI u;
        try {
            u = new URI(raw);
        } catch (URISyntaxException e) {
            throw bad(settings, head + ", which is not a URL; expected an absolute http or https URL such as "
                    + "https://api.example.com/v1");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getRawAuthority() == null || u.getHost() == null) {
            throw bad(settings, head + "; expected an absolute http or https URL such as https://api.example.com/v1");
        }
        if (u.getRawUserInfo() != null) {
            throw bad(settings, head + ": it carries a user name or password, which is never sent from there; remove "
                    + "it, and set the credential in its own setting");
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            throw bad(settings, head + ": a base URL has no query or fragment; remove what follows '?' or '#'");
        }
        if (scheme.equals("http") && !Loopback.is(u.getHost()) && !settings.bool(ALLOW_INSECURE_HTTP)) {
            throw bad(settings, head + ": plain http would send the credential unencrypted to " + u.getHost()
                    + "; use https, or set '" + ALLOW_INSECURE_HTTP.name() + "' to true (system property "
                    + ALLOW_INSECURE_HTTP.propertyName(settings.providerId()) + ") if the network is trusted");
        }
        return URI.create(scheme + raw.substring(raw.indexOf(':')));
    }

    private static ConfigurationException bad(ProviderSettings settings, String message) {
        return new ConfigurationException(message, settings.providerId(), null, null);
    }
}
