package io.github.seedream4j.provider.runpod;

import io.github.seedream4j.http.HttpSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.List;

/**
 * The settings of provider {@code runpod}. Each is read from the client builder's {@code setting(name, value)},
 * then the system property {@code seedream.runpod.<name>}, then the environment variables listed, then the
 * default.
 */
public final class RunpodSettings {

    /**
     * The API key; required and secret. Environment variable {@code RUNPOD_API_KEY}. A key holding a line break or
     * another control character is refused when the client is built.
     */
    public static final SettingKey API_KEY = SettingKey.required("api-key", "Runpod API key").asSecret()
            .withEnvironmentVariables("RUNPOD_API_KEY");

    /**
     * The API base URL, {@code https://api.runpod.ai/v2} by default. Plain {@code http} only to this machine, unless
     * {@link #ALLOW_INSECURE_HTTP} is true: requests to it carry the API key.
     */
    public static final SettingKey BASE_URL = SettingKey.optional("base-url", "Runpod serverless API base URL",
            "https://api.runpod.ai/v2");

    /** The endpoint id, {@code seedream-v4-t2i} by default. */
    public static final SettingKey ENDPOINT = SettingKey.optional("endpoint", "Runpod endpoint id",
            "seedream-v4-t2i");

    /**
     * The endpoint id for calls with reference images, {@code seedream-v4-edit} by default. Runpod documents no seed
     * and no negative prompt for it, so neither is sent there.
     */
    public static final SettingKey EDIT_ENDPOINT = SettingKey.optional("edit-endpoint",
            "Runpod endpoint id for calls with reference images", "seedream-v4-edit");

    /** The price model for estimates, {@code 0.027/megapixel} by default (it reproduces Runpod's example costs). */
    public static final SettingKey PRICE = SettingKey.optional("price", "price model used for cost estimates",
            "0.027/megapixel");

    /**
     * The most status calls per second one client sends, across all its generations and both endpoints:
     * {@code 160} by default, 80% of Runpod's published limit of 2000 {@code /status} calls per 10 seconds per
     * endpoint, which leaves room for other clients of the same key (the limit may also be lower: Runpod scales it
     * with the endpoint's workers). A decimal such as {@code 5} or {@code 0.5}, or {@code unlimited}; anything else
     * is refused when the client is built. Without a cap, a thousand young jobs would poll four thousand times a
     * second.
     */
    public static final SettingKey MAX_POLLS_PER_SECOND = HttpSettings.maxPollsPerSecond("160",
            "80% of Runpod's published 2000 /status calls per 10 s");

    /** {@code true} lets the API key travel over plain http to another machine; {@code false} by default. */
    public static final SettingKey ALLOW_INSECURE_HTTP = HttpSettings.ALLOW_INSECURE_HTTP;

    /** Every setting, in the order above. */
    public static final List<SettingKey> ALL = List.of(API_KEY, BASE_URL, ENDPOINT, EDIT_ENDPOINT, PRICE,
            MAX_POLLS_PER_SECOND, ALLOW_INSECURE_HTTP);

    private RunpodSettings() {
    }
}
