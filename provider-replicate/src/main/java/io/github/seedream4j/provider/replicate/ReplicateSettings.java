package io.github.seedream4j.provider.replicate;

import io.github.seedream4j.http.HttpSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.List;

/**
 * The settings of provider {@code replicate}. Each is read from the client builder's {@code setting(name, value)},
 * then the system property {@code seedream.replicate.<name>}, then the environment variables listed, then the
 * default.
 */
public final class ReplicateSettings {

    /**
     * The API token; required and secret. Environment variable {@code REPLICATE_API_TOKEN}, as Replicate's own clients
     * read it. A token holding a line break or another control character is refused when the client is built.
     */
    public static final SettingKey API_TOKEN = SettingKey.required("api-token", "Replicate API token").asSecret()
            .withEnvironmentVariables("REPLICATE_API_TOKEN");

    /**
     * The API base URL, {@code https://api.replicate.com/v1} by default. Plain {@code http} only to this machine,
     * unless {@link #ALLOW_INSECURE_HTTP} is true: requests to it carry the token.
     */
    public static final SettingKey BASE_URL = SettingKey.optional("base-url", "Replicate API base URL",
            "https://api.replicate.com/v1");

    /**
     * How long the create request asks Replicate to hold its answer for the prediction to finish
     * ({@code Prefer: wait=N}): whole seconds from 1 to 60, {@code 60s} by default (Replicate's own default). A
     * prediction still running after it is polled.
     */
    public static final SettingKey WAIT = SettingKey.optional("wait",
            "how long the create request waits for the prediction (Prefer: wait), whole seconds 1s..60s", "60s");

    /**
     * The price model for estimates, {@code 0.03/image} by default: the per-image price a third party quotes for
     * {@code bytedance/seedream-4}, not confirmed on a Replicate page. Replicate reports no cost, so every charge is
     * estimated with it, whatever the model version.
     */
    public static final SettingKey PRICE = SettingKey.optional("price", "price model used for cost estimates",
            "0.03/image");

    /**
     * The most status calls per second one client sends, across all its generations: {@code 40} by default, 80% of
     * Replicate's published limit of 3000 requests per minute for every endpoint but creating predictions, which
     * leaves room for cancels and other clients of the same token. Replicate throttles more as credit runs low, and
     * an account with granted credit but no payment method to 1 request a second and 6 a minute: set {@code 0.1}
     * there. A decimal such as {@code 5} or {@code 0.5}, or {@code unlimited}; anything else is refused when the
     * client is built.
     */
    public static final SettingKey MAX_POLLS_PER_SECOND = HttpSettings.maxPollsPerSecond("40",
            "80% of Replicate's published 3000 requests per minute outside creating predictions");

    /** {@code true} lets the token travel over plain http to another machine; {@code false} by default. */
    public static final SettingKey ALLOW_INSECURE_HTTP = HttpSettings.ALLOW_INSECURE_HTTP;

    /** Every setting, in the order above. */
    public static final List<SettingKey> ALL = List.of(API_TOKEN, BASE_URL, WAIT, PRICE, MAX_POLLS_PER_SECOND,
            ALLOW_INSECURE_HTTP);

    private ReplicateSettings() {
    }
}
