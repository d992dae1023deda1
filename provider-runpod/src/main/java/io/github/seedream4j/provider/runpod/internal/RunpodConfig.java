package io.github.seedream4j.provider.runpod.internal;

import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.PriceModel;
import io.github.seedream4j.http.HttpSettings;
import io.github.seedream4j.provider.runpod.RunpodSettings;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.Secret;
import java.net.URI;

/** The provider's settings, read and checked once. {@link #toString()} never shows the key. */
record RunpodConfig(Secret apiKey, URI baseUrl, String endpoint, PriceModel price) {

    static RunpodConfig from(ProviderSettings s) {
        Secret key = HttpSettings.credential(s, RunpodSettings.API_KEY);
        URI base = HttpSettings.baseUrl(s, RunpodSettings.BASE_URL);
        String endpoint = s.get(RunpodSettings.ENDPOINT).strip();
        if (!endpoint.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new ConfigurationException("provider runpod setting 'endpoint' from " + s.sourceOf(RunpodSettings.ENDPOINT)
                    + " is '" + endpoint + "'; expected an endpoint id such as seedream-v4-t2i", "runpod", null, null);
        }
        return new RunpodConfig(key, base, endpoint, s.price(RunpodSettings.PRICE));
    }

    /** {@return the URL of {@code operation} on the endpoint, for example {@code run} or {@code status/<id>}} */
    URI url(String operation) {
        return URI.create(baseUrl + "/" + endpoint + "/" + operation);
    }

    @Override
    public String toString() {
        return "RunpodConfig[apiKey=****, baseUrl=" + baseUrl + ", endpoint=" + endpoint + ", price=" + price + "]";
    }
}
