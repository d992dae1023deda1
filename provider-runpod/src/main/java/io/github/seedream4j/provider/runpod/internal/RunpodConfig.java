package io.github.seedream4j.provider.runpod.internal;

import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.PriceModel;
import io.github.seedream4j.provider.runpod.RunpodSettings;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.Secret;
import java.net.URI;
import java.time.Duration;

/** The provider's settings, read and checked once. {@link #toString()} never shows the key. */
record RunpodConfig(Secret apiKey, URI baseUrl, String endpoint, Duration runsyncWait, PriceModel price) {

    static final Duration MIN_WAIT = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofMinutes(5);

    static RunpodConfig from(ProviderSettings s) {
        Secret key = s.secret(RunpodSettings.API_KEY);
        URI base = s.uri(RunpodSettings.BASE_URL);
        String endpoint = s.get(RunpodSettings.ENDPOINT).strip();
        if (!endpoint.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new ConfigurationException("provider runpod setting 'endpoint' from " + s.sourceOf(RunpodSettings.ENDPOINT)
                    + " is '" + endpoint + "'; expected an endpoint id such as seedream-v4-t2i", "runpod", null, null);
        }
        Duration wait = s.duration(RunpodSettings.WAIT);
        if (wait.compareTo(MIN_WAIT) < 0 || wait.compareTo(MAX_WAIT) > 0) {
            throw new ConfigurationException("provider runpod setting 'wait' from " + s.sourceOf(RunpodSettings.WAIT)
                    + " is " + wait.toMillis() + "ms; Runpod accepts 1s to 300s (1000 to 300000 ms)", "runpod", null,
                    null);
        }
        return new RunpodConfig(key, base, endpoint, wait, s.price(RunpodSettings.PRICE));
    }

    @Override
    public String toString() {
        return "RunpodConfig[apiKey=****, baseUrl=" + baseUrl + ", endpoint=" + endpoint + ", wait=" + runsyncWait
                + ", price=" + price + "]";
    }
}
