package io.github.seedream4j.provider.cloudflare.internal;

import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.PriceModel;
import io.github.seedream4j.http.HttpSettings;
import io.github.seedream4j.provider.cloudflare.CloudflareSettings;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.Secret;
import java.net.URI;
import java.time.Duration;

/**
 * The provider's settings, read and checked once. {@link #toString()} shows the token masked.
 *
 * @param token the API token
 * @param accountId the account id
 * @param baseUrl the API base URL, without a trailing slash
 * @param gatewayId the AI Gateway id, or {@code null} for the account's default gateway
 * @param model the model id
 * @param timeout how long one HTTP request may take
 * @param maxAttempts how many times a request that surely was not accepted is sent in all
 * @param price the price per image, for estimates
 */
record CloudflareConfig(Secret token, String accountId, URI baseUrl, String gatewayId, String model,
        Duration timeout, int maxAttempts, PriceModel price) {

    static CloudflareConfig from(ProviderSettings s) {
        Secret token = HttpSettings.credential(s, CloudflareSettings.API_TOKEN);
        String accountId = s.get(CloudflareSettings.ACCOUNT_ID).strip();
        // The id goes into the URL path; anything but letters, digits and dashes is a typo such as an unexpanded
        // "${CLOUDFLARE_ACCOUNT_ID}", which Cloudflare would only answer with a routing error (7003).
        if (!accountId.matches("[A-Za-z0-9-]+")) {
            throw new ConfigurationException("provider " + s.providerId() + " setting '"
                    + CloudflareSettings.ACCOUNT_ID.name() + "' from " + s.sourceOf(CloudflareSettings.ACCOUNT_ID)
                    + " is '" + accountId + "'; expected the 32-character hexadecimal account id shown on the "
                    + "Cloudflare dashboard's overview page", s.providerId(), null, null);
        }
        URI baseUrl = HttpSettings.baseUrl(s, CloudflareSettings.BASE_URL);
        String gatewayId = s.find(CloudflareSettings.GATEWAY_ID).map(String::strip).orElse(null);
        String model = s.get(CloudflareSettings.MODEL).strip();
        Duration timeout = s.duration(CloudflareSettings.TIMEOUT);
        if (timeout.isZero()) {
            throw new ConfigurationException("provider " + s.providerId() + " setting '"
                    + CloudflareSettings.TIMEOUT.name() + "' from " + s.sourceOf(CloudflareSettings.TIMEOUT)
                    + " is 0; expected a positive duration such as 180s", s.providerId(), null, null);
        }
        long maxAttempts = s.number(CloudflareSettings.MAX_ATTEMPTS);
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new ConfigurationException("provider " + s.providerId() + " setting '"
                    + CloudflareSettings.MAX_ATTEMPTS.name() + "' from " + s.sourceOf(CloudflareSettings.MAX_ATTEMPTS)
                    + " is " + maxAttempts + "; expected 1 (no retries) to 10", s.providerId(), null, null);
        }
        PriceModel price = s.price(CloudflareSettings.PRICE);
        return new CloudflareConfig(token, accountId, baseUrl, gatewayId, model, timeout, (int) maxAttempts, price);
    }

    /** {@return the run endpoint of this account} */
    URI runUrl() {
        return URI.create(baseUrl + "/accounts/" + accountId + "/ai/run");
    }

    @Override
    public String toString() {
        return "CloudflareConfig[token=****, account=" + accountId + ", baseUrl=" + baseUrl + ", gateway=" + gatewayId
                + ", model=" + model + ", timeout=" + timeout + ", maxAttempts=" + maxAttempts + ", price=" + price
                + "]";
    }
}
