package io.github.seedream4j.provider.cloudflare;

import io.github.seedream4j.http.HttpSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.List;

/**
 * The provider id and the settings of the Cloudflare Workers AI provider. Each setting is read, in order, from
 * {@code SeedreamClient.builder().setting(name, value)}, the system property {@code seedream.cloudflare.<name>},
 * the environment variables listed on the key, then its default.
 */
public final class CloudflareSettings {

    /** The provider id: {@code SeedreamClient.builder().provider("cloudflare")}. */
    public static final String PROVIDER_ID = "cloudflare";

    /**
     * The Cloudflare API token, with the Workers AI Read or Edit permission. Required; never shown. A token holding a
     * line break or another control character is refused when the client is built.
     */
    public static final SettingKey API_TOKEN = SettingKey
            .required("api-token", "Cloudflare API token with the Workers AI Read or Edit permission")
            .asSecret().withEnvironmentVariables("CLOUDFLARE_API_TOKEN");

    /** The Cloudflare account id (32 hex characters, shown in the dashboard). Required. */
    public static final SettingKey ACCOUNT_ID = SettingKey
            .required("account-id", "Cloudflare account id, as shown on the dashboard's overview page")
            .withEnvironmentVariables("CLOUDFLARE_ACCOUNT_ID");

    /**
     * The API base URL; overridable for proxies and tests. Plain {@code http} only to this machine, unless
     * {@link #ALLOW_INSECURE_HTTP} is true: requests to it carry the token.
     */
    public static final SettingKey BASE_URL = SettingKey.optional("base-url", "Cloudflare API base URL",
            "https://api.cloudflare.com/client/v4");

    /** An AI Gateway id, sent as header {@code cf-aig-gateway-id}; the account's default gateway when unset. */
    public static final SettingKey GATEWAY_ID = SettingKey.optional("gateway-id",
            "AI Gateway id sent as header cf-aig-gateway-id; the account's default gateway when unset", null);

    /** The model id. */
    public static final SettingKey MODEL = SettingKey.optional("model", "Workers AI model id",
            "bytedance/seedream-4.0");

    /**
     * How long one HTTP request may take: the generation call (answer and body), or the wait for the image's
     * headers. Not cut to the client's deadline, which decides the generation's outcome on its own.
     */
    public static final SettingKey TIMEOUT = SettingKey.optional("timeout",
            "how long one HTTP request may take, for example 180s", "180s");

    /**
     * How many times a request that surely was not accepted (connection refused, HTTP 429, 502, 503) is sent in
     * all; 1 turns retries off. Requests that may have been accepted are never sent twice, whatever this says.
     */
    public static final SettingKey MAX_ATTEMPTS = SettingKey.optional("max-attempts",
            "how many times a request that surely was not accepted is sent in all; 1 turns retries off", "4");

    /** The price used to estimate costs, since Cloudflare reports none. */
    public static final SettingKey PRICE = SettingKey.optional("price",
            "price per image used to estimate costs (Cloudflare reports none)", "0.03/image");

    /** {@code true} lets the token travel over plain http to another machine; {@code false} by default. */
    public static final SettingKey ALLOW_INSECURE_HTTP = HttpSettings.ALLOW_INSECURE_HTTP;

    /** Every setting, in the order tools list them. */
    public static final List<SettingKey> ALL = List.of(API_TOKEN, ACCOUNT_ID, BASE_URL, GATEWAY_ID, MODEL, TIMEOUT,
            MAX_ATTEMPTS, PRICE, ALLOW_INSECURE_HTTP);

    private CloudflareSettings() {
    }
}
