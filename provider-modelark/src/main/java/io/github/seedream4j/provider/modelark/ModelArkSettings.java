package io.github.seedream4j.provider.modelark;

import io.github.seedream4j.http.HttpSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.List;

/**
 * The provider id, the settings and the extra option of the ModelArk provider (BytePlus ModelArk and Volcengine
 * Ark). Each setting is read, in order, from {@code SeedreamClient.builder().setting(name, value)}, the system
 * property {@code seedream.modelark.<name>}, the environment variables listed on the key, then its default.
 */
public final class ModelArkSettings {

    /** The provider id: {@code SeedreamClient.builder().provider("modelark")}. */
    public static final String PROVIDER_ID = "modelark";

    /**
     * The extra option that asks for ModelArk's visible "AI generated" mark: {@code true} or {@code false}
     * ({@code Boolean} or text). seedream4j sends {@code false} when it is not given, although ModelArk's own
     * default is {@code true}: an image comes back unmarked unless the caller asks for the mark.
     */
    public static final String WATERMARK = "watermark";

    /** The Ark API key, sent as {@code Authorization: Bearer}. Required; never shown. */
    public static final SettingKey API_KEY = SettingKey
            .required("api-key", "Ark API key of the BytePlus ModelArk or Volcengine Ark account")
            .asSecret().withEnvironmentVariables("ARK_API_KEY");

    /**
     * Where the account lives: {@code ap-southeast} (BytePlus, the default), {@code eu-west} (BytePlus, Seedream
     * 5.0 lite only) or {@code cn-beijing} (Volcengine Ark). It decides the base URL, the model ids and the prices.
     */
    public static final SettingKey REGION = SettingKey.optional("region",
            "ap-southeast (BytePlus), eu-west (BytePlus, 5.0 lite only) or cn-beijing (Volcengine Ark)",
            "ap-southeast");

    /**
     * The API base URL, replacing the region's (for proxies and tests); by default the region's, such as
     * {@code https://ark.ap-southeast.bytepluses.com/api/v3}. A region's own URL selects that region when
     * {@link #REGION} is not set.
     */
    public static final SettingKey BASE_URL = SettingKey.optional("base-url",
            "API base URL replacing the region's, for example a proxy; the region's URL when unset", null);

    /** The model id (or an {@code ep-...} inference endpoint id) for Seedream 4.0; the region's id when unset. */
    public static final SettingKey MODEL_4_0 = SettingKey.optional("model-4-0",
            "model id or ep-... endpoint id for Seedream 4.0; the region's id when unset", null);

    /** The model id (or an {@code ep-...} inference endpoint id) for Seedream 4.5; the region's id when unset. */
    public static final SettingKey MODEL_4_5 = SettingKey.optional("model-4-5",
            "model id or ep-... endpoint id for Seedream 4.5; the region's id when unset", null);

    /**
     * The model id (or an {@code ep-...} inference endpoint id) for Seedream 5.0 lite; the region's id when unset.
     */
    public static final SettingKey MODEL_5_0_LITE = SettingKey.optional("model-5-0-lite",
            "model id or ep-... endpoint id for Seedream 5.0 lite; the region's id when unset", null);

    /**
     * How the images come back: {@code url} (the default: a small answer, then each image fetched at once by a
     * download that can be retried) or {@code b64_json} (the images inside the answer, about 4/3 of their size).
     */
    public static final SettingKey RESPONSE_FORMAT = SettingKey.optional("response-format",
            "url (images fetched at once from ByteDance storage) or b64_json (images inside the answer)", "url");

    /**
     * How long the generation request may take, answer included; {@code 600s}, as ByteDance's SDKs wait. Image
     * downloads have their own limits (30 s for the headers, 30 s of silence in the body).
     */
    public static final SettingKey TIMEOUT = SettingKey.optional("timeout",
            "how long the generation request may take, answer included, for example 600s", "600s");

    /**
     * How many times a request that surely was not accepted (connection refused, HTTP 429, 502, 503) is sent in
     * all; {@code 1} turns retries off. A request that may have been accepted is never sent again.
     */
    public static final SettingKey MAX_ATTEMPTS = SettingKey.optional("max-attempts",
            "how many times a request that surely was not accepted is sent in all; 1 turns retries off", "4");

    /**
     * The price per image used for estimates, for every model; by default the highest list price of the models
     * the region serves (ModelArk reports no cost, and the list prices are unconfirmed).
     */
    public static final SettingKey PRICE = SettingKey.optional("price",
            "price per image for estimates, for example 0.03/image; by default the highest list price of the "
                    + "region's models", null);

    /** Every setting, in the order tools list them. */
    public static final List<SettingKey> ALL = List.of(API_KEY, REGION, BASE_URL, MODEL_4_0, MODEL_4_5,
            MODEL_5_0_LITE, RESPONSE_FORMAT, TIMEOUT, MAX_ATTEMPTS, PRICE, HttpSettings.ALLOW_INSECURE_HTTP);

    private ModelArkSettings() {
    }
}
