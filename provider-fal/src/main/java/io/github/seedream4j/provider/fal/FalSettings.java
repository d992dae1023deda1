package io.github.seedream4j.provider.fal;

import io.github.seedream4j.http.HttpSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.List;

/**
 * The settings of provider {@code fal}. Each is read from the client builder's {@code setting(name, value)}, then
 * the system property {@code seedream.fal.<name>}, then the environment variables listed, then the default.
 */
public final class FalSettings {

    /**
     * The API key, sent as {@code Authorization: Key <key>}; required and secret. Environment variable
     * {@code FAL_KEY}, as fal's own clients read it.
     */
    public static final SettingKey API_KEY = SettingKey.required("api-key",
            "fal API key, sent as 'Authorization: Key ...'").asSecret().withEnvironmentVariables("FAL_KEY");

    /**
     * The queue API's base URL, {@code https://queue.fal.run} by default. Every request that carries the key goes
     * to this host: URLs in fal's answers that point elsewhere are never followed with the key.
     */
    public static final SettingKey BASE_URL = SettingKey.optional("base-url", "fal queue API base URL",
            "https://queue.fal.run");

    /**
     * The price model for estimates, {@code 0.03/image} by default: fal's listed price for Seedream 4.0, the
     * default model. fal reports no cost, so every charge is estimated. fal lists Seedream 5.0 lite at
     * {@code 0.035/image}; Seedream 4.5 at {@code 0.04/image} comes from a third-party catalogue (unconfirmed).
     */
    public static final SettingKey PRICE = SettingKey.optional("price",
            "price model for cost estimates (fal reports no cost)", "0.03/image");

    /**
     * The most status calls per second one client sends, across all its generations: {@code unlimited} by default,
     * since fal publishes no request rate limit (it limits how many requests run at once, and queues the rest). A
     * decimal such as {@code 5} or {@code 0.5}, or {@code unlimited}; anything else is refused when the client is
     * built. Set it if fal throttles status calls, or to share a key between many clients.
     */
    public static final SettingKey MAX_POLLS_PER_SECOND = HttpSettings.maxPollsPerSecond("unlimited",
            "fal publishes no request rate limit, only a limit on requests running at once");

    /**
     * {@code true} lets the key travel over plain http to a host other than this machine; {@code false} by
     * default.
     */
    public static final SettingKey ALLOW_INSECURE_HTTP = HttpSettings.ALLOW_INSECURE_HTTP;

    /** Every setting, in the order above. */
    public static final List<SettingKey> ALL = List.of(API_KEY, BASE_URL, PRICE, MAX_POLLS_PER_SECOND,
            ALLOW_INSECURE_HTTP);

    private FalSettings() {
    }
}
