package io.github.seedream4j.provider.replicate.internal;

import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.PriceModel;
import io.github.seedream4j.http.HttpSettings;
import io.github.seedream4j.http.PollGate;
import io.github.seedream4j.provider.replicate.ReplicateSettings;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The provider's settings, read and checked once. {@link #toString()} never shows the token.
 *
 * @param token the API token
 * @param baseUrl the API's base URL, without a trailing slash
 * @param waitSeconds how long the create request asks Replicate to hold its answer
 * @param price the price model for estimates
 * @param pollGate the cap on status calls, one per provider instance
 */
record ReplicateConfig(Secret token, URI baseUrl, int waitSeconds, PriceModel price, PollGate pollGate) {

    static final int MIN_WAIT_SECONDS = 1;
    static final int MAX_WAIT_SECONDS = 60;

    static ReplicateConfig from(ProviderSettings s) {
        Secret token = HttpSettings.credential(s, ReplicateSettings.API_TOKEN);
        URI base = HttpSettings.baseUrl(s, ReplicateSettings.BASE_URL);
        Duration wait = s.duration(ReplicateSettings.WAIT);
        if (wait.getNano() != 0 || wait.getSeconds() < MIN_WAIT_SECONDS || wait.getSeconds() > MAX_WAIT_SECONDS) {
            throw new ConfigurationException("provider replicate setting 'wait' from "
                    + s.sourceOf(ReplicateSettings.WAIT) + " is '" + s.get(ReplicateSettings.WAIT).strip()
                    + "'; Replicate holds a create request " + MIN_WAIT_SECONDS + " to " + MAX_WAIT_SECONDS
                    + " whole seconds (Prefer: wait=1 to wait=60): use for example 60s or 10s", "replicate", null,
                    null);
        }
        return new ReplicateConfig(token, base, (int) wait.getSeconds(), s.price(ReplicateSettings.PRICE),
                HttpSettings.pollGate(s, ReplicateSettings.MAX_POLLS_PER_SECOND));
    }

    /** {@return where predictions of the official model {@code owner/name} are created} */
    URI createUrl(String modelId) {
        return URI.create(baseUrl + "/models/" + modelId + "/predictions");
    }

    /** {@return the prediction's own URL, {@code GET /predictions/{id}}} */
    URI predictionUrl(String id) {
        return URI.create(baseUrl + "/predictions/" + id);
    }

    /** {@return where the prediction is cancelled, {@code POST /predictions/{id}/cancel}} */
    URI cancelUrl(String id) {
        return URI.create(baseUrl + "/predictions/" + id + "/cancel");
    }

    /**
     * Whether {@code url} is on the configured API: the same scheme, host and port as the base URL, under its path,
     * without user-info, query or fragment. Only such a URL is sent the token; a prediction's {@code urls} pointing
     * anywhere else are not followed.
     */
    boolean isOnApi(URI url) {
        if (url == null || !url.isAbsolute() || url.isOpaque() || url.getHost() == null
                || url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            return false;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String basePath = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        return scheme.equals(baseUrl.getScheme().toLowerCase(Locale.ROOT))
                && url.getHost().equalsIgnoreCase(baseUrl.getHost())
                && port(url) == port(baseUrl)
                && path.startsWith(basePath + "/") && !path.contains("/../") && !path.endsWith("/..");
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    @Override
    public String toString() {
        return "ReplicateConfig[token=****, baseUrl=" + baseUrl + ", wait=" + waitSeconds + "s, price=" + price
                + ", pollGate=" + pollGate + "]";
    }
}
