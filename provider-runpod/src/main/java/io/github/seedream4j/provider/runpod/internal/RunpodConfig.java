package io.github.seedream4j.provider.runpod.internal;

import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.PriceModel;
import io.github.seedream4j.http.HttpSettings;
import io.github.seedream4j.http.PollGate;
import io.github.seedream4j.provider.runpod.RunpodSettings;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.Secret;
import io.github.seedream4j.spi.SettingKey;
import java.net.URI;

/**
 * The provider's settings, read and checked once. {@link #toString()} never shows the key.
 *
 * @param apiKey the key
 * @param baseUrl the API's base URL, without a trailing slash
 * @param endpoint the text-to-image endpoint id
 * @param editEndpoint the endpoint id for calls with reference images
 * @param price the price model for estimates
 * @param pollGate the cap on status calls, one per provider instance
 */
record RunpodConfig(Secret apiKey, URI baseUrl, String endpoint, String editEndpoint, PriceModel price,
        PollGate pollGate) {

    static RunpodConfig from(ProviderSettings s) {
        Secret key = HttpSettings.credential(s, RunpodSettings.API_KEY);
        URI base = HttpSettings.baseUrl(s, RunpodSettings.BASE_URL);
        return new RunpodConfig(key, base, endpointId(s, RunpodSettings.ENDPOINT, "seedream-v4-t2i"),
                endpointId(s, RunpodSettings.EDIT_ENDPOINT, "seedream-v4-edit"), s.price(RunpodSettings.PRICE),
                HttpSettings.pollGate(s, RunpodSettings.MAX_POLLS_PER_SECOND));
    }

    private static String endpointId(ProviderSettings s, SettingKey key, String example) {
        String id = s.get(key).strip();
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new ConfigurationException("provider runpod setting '" + key.name() + "' from " + s.sourceOf(key)
                    + " is '" + id + "'; expected an endpoint id such as " + example, "runpod", null, null);
        }
        return id;
    }

    /** {@return the URL of {@code operation} on {@code endpointId}, for example {@code run} or {@code status/<id>}} */
    URI url(String endpointId, String operation) {
        return URI.create(baseUrl + "/" + endpointId + "/" + operation);
    }

    @Override
    public String toString() {
        return "RunpodConfig[apiKey=****, baseUrl=" + baseUrl + ", endpoint=" + endpoint + ", editEndpoint=" + editEndpoint
                + ", price=" + price + ", pollGate=" + pollGate + "]";
    }
}
