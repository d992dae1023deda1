package io.github.seedream4j.provider.modelark.internal;

import io.github.seedream4j.PriceModel;
import io.github.seedream4j.SeedreamModel;
import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The regions of ByteDance's two platforms, each with its base URL, the Seedream versions it lists and the
 * platform's ids and list prices for them. Base URLs and the 4.0 and 4.5 ids are confirmed (ByteDance's SDKs, docs
 * and tutorial); the 5.0 lite ids and every price are not (third-party listings and resellers).
 */
enum Region {

    /** BytePlus ModelArk in ap-southeast-1: every listed model. */
    AP_SOUTHEAST("ap-southeast", "https://ark.ap-southeast.bytepluses.com/api/v3", Platform.BYTEPLUS,
            EnumSet.allOf(SeedreamModel.class)),
    /** BytePlus ModelArk in eu-west-1: only Seedream 5.0 lite (docs "Model list"). */
    EU_WEST("eu-west", "https://ark.eu-west.bytepluses.com/api/v3", Platform.BYTEPLUS,
            EnumSet.of(SeedreamModel.V5_0_LITE)),
    /** Volcengine Ark in cn-beijing. */
    CN_BEIJING("cn-beijing", "https://ark.cn-beijing.volces.com/api/v3", Platform.VOLCENGINE,
            EnumSet.allOf(SeedreamModel.class));

    private final String label;
    private final URI baseUrl;
    private final Platform platform;
    private final Set<SeedreamModel> models;

    Region(String label, String baseUrl, Platform platform, Set<SeedreamModel> models) {
        this.label = label;
        this.baseUrl = URI.create(baseUrl);
        this.platform = platform;
        this.models = Collections.unmodifiableSet(models);
    }

    String label() {
        return label;
    }

    URI baseUrl() {
        return baseUrl;
    }

    Platform platform() {
        return platform;
    }

    /** {@return the versions this region lists} Others are served only when their model setting is set. */
    Set<SeedreamModel> models() {
        return models;
    }

    /** {@return the region named {@code text}: its label, with or without the zone suffix {@code -1}} */
    static Optional<Region> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Region r : values()) {
            if (t.equals(r.label) || t.equals(r.label + "-1")) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** {@return the region whose own base URL has the host of {@code url}} */
    static Optional<Region> ofBaseUrl(URI url) {
        for (Region r : values()) {
            if (r.baseUrl.getHost().equalsIgnoreCase(url.getHost())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** ByteDance's two platforms: the same API, their own model ids, consoles and currencies. */
    enum Platform {
        BYTEPLUS("BytePlus ModelArk", "the BytePlus ModelArk console", Map.of(
                SeedreamModel.V4_0, "seedream-4-0-250828",
                SeedreamModel.V4_5, "seedream-4-5-251128",
                // unconfirmed (Vercel's settings); BytePlus also lists the alias seedream-5-0-lite-260128
                SeedreamModel.V5_0_LITE, "seedream-5-0-260128"), Map.of(
                // all unconfirmed: Vercel's gateway page and resellers; no official figure was found
                SeedreamModel.V4_0, PriceModel.parse("0.03/image"),
                SeedreamModel.V4_5, PriceModel.parse("0.04/image"),
                SeedreamModel.V5_0_LITE, PriceModel.parse("0.035/image"))),
        VOLCENGINE("Volcengine Ark", "the Volcengine Ark console", Map.of(
                SeedreamModel.V4_0, "doubao-seedream-4-0-250828",
                SeedreamModel.V4_5, "doubao-seedream-4-5-251128",
                // unconfirmed (a skills.volces.com listing)
                SeedreamModel.V5_0_LITE, "doubao-seedream-5-0-260128"), Map.of(
                // unconfirmed: one reseller's CNY 0.2 per image, the only figure found, for every version
                SeedreamModel.V4_0, PriceModel.parse("0.2 CNY/image"),
                SeedreamModel.V4_5, PriceModel.parse("0.2 CNY/image"),
                SeedreamModel.V5_0_LITE, PriceModel.parse("0.2 CNY/image")));

        private final String title;
        private final String console;
        private final Map<SeedreamModel, String> ids;
        private final Map<SeedreamModel, PriceModel> prices;

        Platform(String title, String console, Map<SeedreamModel, String> ids, Map<SeedreamModel, PriceModel> prices) {
            this.title = title;
            this.console = console;
            this.ids = Collections.unmodifiableMap(new EnumMap<>(ids));
            this.prices = Collections.unmodifiableMap(new EnumMap<>(prices));
        }

        String title() {
            return title;
        }

        /** {@return where a user looks up what the account was charged, for messages} */
        String console() {
            return console;
        }

        String modelId(SeedreamModel model) {
            return ids.get(model);
        }

        PriceModel price(SeedreamModel model) {
            return prices.get(model);
        }
    }
}
