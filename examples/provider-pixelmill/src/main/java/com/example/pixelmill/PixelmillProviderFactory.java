package com.example.pixelmill;

import io.github.seedream4j.http.HttpSettings;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.List;
import java.util.Map;

/** Provider {@code pixelmill}, found by {@link java.util.ServiceLoader}; its settings are the constants below. */
public final class PixelmillProviderFactory implements ImageProviderFactory {

    /** The provider id. */
    public static final String ID = "pixelmill";
    /** The API key, sent as a bearer token. */
    public static final SettingKey API_KEY = SettingKey.required("api-key", "Pixelmill API key").asSecret()
            .withEnvironmentVariables("PIXELMILL_API_KEY");
    /** The API's base URL. */
    public static final SettingKey BASE_URL = SettingKey.optional("base-url", "Pixelmill API base URL",
            "https://api.pixelmill.example");
    /** How long one HTTP exchange may take. */
    public static final SettingKey TIMEOUT = SettingKey.optional("timeout", "per HTTP request", "120s");
    /** The price model, for estimates when Pixelmill reports no cost. */
    public static final SettingKey PRICE = SettingKey.optional("price", "price model for estimates", "0.004/image");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Seedream on the Pixelmill image API (example provider)";
    }

    /** With the default settings, for listings. */
    @Override
    public Capabilities capabilities() {
        return capabilities(ProviderSettings.of(ID, Map.of(), name -> null, name -> null));
    }

    @Override
    public Capabilities capabilities(ProviderSettings settings) {
        return Capabilities.builder().exactSizes(256, 4096).seed(true).negativePrompt(true).maxImagesPerCall(4)
                .pricing(settings.price(PRICE)).build();
    }

    @Override
    public List<SettingKey> settings() {
        return List.of(API_KEY, BASE_URL, TIMEOUT, PRICE, HttpSettings.ALLOW_INSECURE_HTTP);
    }

    @Override
    public ImageProvider create(ProviderSettings settings) {
        return new PixelmillProvider(settings);
    }
}
