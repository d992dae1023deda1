package io.github.seedream4j.provider.modelark.internal;

import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.Cost;
import io.github.seedream4j.PriceModel;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.http.HttpSettings;
import io.github.seedream4j.provider.modelark.ModelArkSettings;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.Secret;
import io.github.seedream4j.spi.SettingKey;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The provider's settings, read and checked once. {@link #catalog} reads only what capabilities need, never the
 * key, so that estimates work without credentials. {@link #toString()} shows the key masked.
 *
 * @param apiKey the Ark API key
 * @param catalog the region, base URL, models and price
 * @param format how images come back
 * @param timeout how long the generation request may take
 * @param maxAttempts how many times a request that surely was not accepted is sent in all
 */
record ModelArkConfig(Secret apiKey, Catalog catalog, ResponseFormat format, Duration timeout, int maxAttempts) {

    private static final String ID = ModelArkSettings.PROVIDER_ID;

    /** The setting that overrides each version's model id. */
    static final Map<SeedreamModel, SettingKey> MODEL_KEYS = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            SeedreamModel.V4_0, ModelArkSettings.MODEL_4_0,
            SeedreamModel.V4_5, ModelArkSettings.MODEL_4_5,
            SeedreamModel.V5_0_LITE, ModelArkSettings.MODEL_5_0_LITE)));

    static ModelArkConfig from(ProviderSettings s) {
        Catalog catalog = catalog(s);
        Secret key = HttpSettings.credential(s, ModelArkSettings.API_KEY);
        ResponseFormat format = ResponseFormat.parse(s.get(ModelArkSettings.RESPONSE_FORMAT)).orElseThrow(() ->
                bad(s, ModelArkSettings.RESPONSE_FORMAT, "url or b64_json"));
        Duration timeout = s.duration(ModelArkSettings.TIMEOUT);
        if (timeout.isZero()) {
            throw bad(s, ModelArkSettings.TIMEOUT, "a positive duration such as 600s");
        }
        long attempts = s.number(ModelArkSettings.MAX_ATTEMPTS);
        if (attempts < 1 || attempts > 10) {
            throw bad(s, ModelArkSettings.MAX_ATTEMPTS, "1 (no retries) to 10");
        }
        return new ModelArkConfig(key, catalog, format, timeout, (int) attempts);
    }

    /**
     * What the provider offers with these settings, read without the key.
     *
     * @throws ConfigurationException if the region, base URL, a model id or the price is malformed, or the region
     *         and the base URL name different regions
     */
    static Catalog catalog(ProviderSettings s) {
        URI baseUrl = s.isSet(ModelArkSettings.BASE_URL) ? HttpSettings.baseUrl(s, ModelArkSettings.BASE_URL) : null;
        Region region = region(s, baseUrl);
        Map<SeedreamModel, String> models = new EnumMap<>(SeedreamModel.class);
        for (SeedreamModel m : SeedreamModel.values()) {
            SettingKey key = MODEL_KEYS.get(m);
            if (s.isSet(key)) {
                models.put(m, modelId(s, key, region.platform().modelId(m)));
            } else if (region.models().contains(m)) {
                models.put(m, region.platform().modelId(m));
            }
        }
        PriceModel price;
        if (s.isSet(ModelArkSettings.PRICE)) {
            price = s.price(ModelArkSettings.PRICE);
        } else {
            // one price covers every version (the capabilities hold one): the highest list price, so that an
            // estimate, and a budget checked against it, never counts too little
            price = models.keySet().stream().map(region.platform()::price)
                    .max((a, b) -> perImage(a).compareTo(perImage(b))).orElseThrow();
        }
        return new Catalog(region, baseUrl != null ? baseUrl : region.baseUrl(), models, price);
    }

    private static Cost perImage(PriceModel p) {
        return ((PriceModel.PerImage) p).price();
    }

    private static Region region(ProviderSettings s, URI baseUrl) {
        SettingKey key = ModelArkSettings.REGION;
        if (!s.isSet(key)) {
            // a region's own URL in base-url (as ByteDance's examples set ARK_BASE_URL) selects that region
            return baseUrl == null ? Region.parse(key.defaultValue()).orElseThrow()
                    : Region.ofBaseUrl(baseUrl).orElse(Region.parse(key.defaultValue()).orElseThrow());
        }
        Region region = Region.parse(s.get(key)).orElseThrow(() -> bad(s, key,
                "ap-southeast (BytePlus), eu-west (BytePlus) or cn-beijing (Volcengine Ark)"));
        if (baseUrl != null) {
            Region.ofBaseUrl(baseUrl).filter(other -> other != region).ifPresent(other -> {
                throw new ConfigurationException("provider " + ID + " setting '" + key.name() + "' is "
                        + region.label() + " but setting '" + ModelArkSettings.BASE_URL.name() + "' is the URL of "
                        + other.label() + " (" + other.baseUrl() + "); set only one of them", ID, null, null);
            });
        }
        return region;
    }

    private static String modelId(ProviderSettings s, SettingKey key, String example) {
        String id = s.get(key).strip();
        boolean ok = id.length() <= 128;
        for (int i = 0; i < id.length() && ok; i++) {
            char c = id.charAt(i);
            ok = c > 0x20 && c < 0x7f;
        }
        if (!ok) {
            String shown = id.length() > 60 ? id.substring(0, 60) + "..." : id;
            throw new ConfigurationException("provider " + ID + " setting '" + key.name() + "' from "
                    + s.sourceOf(key) + " is '" + shown.replaceAll("\\p{Cntrl}", "?") + "'; expected a model id such "
                    + "as " + (example != null ? example : "seedream-4-0-250828") + " or an inference endpoint id "
                    + "such as ep-20250101123456-abcde", ID, null, null);
        }
        return id;
    }

    private static ConfigurationException bad(ProviderSettings s, SettingKey key, String expected) {
        return new ConfigurationException("provider " + ID + " setting '" + key.name() + "' from " + s.sourceOf(key)
                + " is '" + s.find(key).orElse("") + "'; expected " + expected, ID, null, null);
    }

    /** {@return the settings, the key masked} */
    @Override
    public String toString() {
        return "ModelArkConfig[" + catalog + ", " + format.wire() + ", timeout " + timeout + ", max attempts "
                + maxAttempts + ", key ****]";
    }

    /**
     * What the provider offers.
     *
     * @param region the region: platform, model ids, prices
     * @param baseUrl where requests go, without a trailing slash
     * @param models the versions served and the id sent for each, in version order
     * @param price the price per image for estimates
     */
    record Catalog(Region region, URI baseUrl, Map<SeedreamModel, String> models, PriceModel price) {
        Catalog {
            models = Collections.unmodifiableMap(new EnumMap<>(models));
        }

        @Override
        public String toString() {
            return region.platform().title() + " " + region.label() + " at " + baseUrl + ", models " + models
                    + ", " + price;
        }
    }

    /** How ModelArk hands the images back. */
    enum ResponseFormat {
        URL("url"),
        B64_JSON("b64_json");

        private final String wire;

        ResponseFormat(String wire) {
            this.wire = wire;
        }

        String wire() {
            return wire;
        }

        static java.util.Optional<ResponseFormat> parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
            for (ResponseFormat f : values()) {
                if (f.wire.equals(t)) {
                    return java.util.Optional.of(f);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
