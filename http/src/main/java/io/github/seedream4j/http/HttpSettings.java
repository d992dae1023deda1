package io.github.seedream4j.http;

import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.http.internal.Loopback;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.Secret;
import io.github.seedream4j.spi.SettingKey;
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
 *       {@code 127.0.0.1}, {@code [::1]}) unless the user opts in with {@link #ALLOW_INSECURE_HTTP}.</li>
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

    private HttpSettings() {
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
