package io.github.seedream4j.provider.fal.internal;

import io.github.seedream4j.PriceModel;
import io.github.seedream4j.http.HttpSettings;
import io.github.seedream4j.http.PollGate;
import io.github.seedream4j.provider.fal.FalSettings;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.Secret;
import java.net.URI;

/**
 * The provider's settings, read and checked once. {@link #toString()} never shows the key.
 *
 * @param apiKey the key
 * @param baseUrl the queue API's base URL, without a trailing slash
 * @param price the price model for estimates
 * @param priceSet whether the price was set rather than defaulted
 * @param pollGate the cap on status calls, one per provider instance
 */
record FalConfig(Secret apiKey, URI baseUrl, PriceModel price, boolean priceSet, PollGate pollGate) {

    static FalConfig from(ProviderSettings s) {
        return new FalConfig(HttpSettings.credential(s, FalSettings.API_KEY),
                HttpSettings.baseUrl(s, FalSettings.BASE_URL), s.price(FalSettings.PRICE),
                s.isSet(FalSettings.PRICE), HttpSettings.pollGate(s, FalSettings.MAX_POLLS_PER_SECOND));
    }

    @Override
    public String toString() {
        return "FalConfig[apiKey=****, baseUrl=" + baseUrl + ", price=" + price + ", pollGate=" + pollGate + "]";
    }
}
