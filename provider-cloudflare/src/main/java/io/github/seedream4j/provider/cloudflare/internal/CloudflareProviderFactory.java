package io.github.seedream4j.provider.cloudflare.internal;

import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.PriceModel;
import io.github.seedream4j.SizeTier;
import io.github.seedream4j.provider.cloudflare.CloudflareSettings;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Seedream 4.0 on Cloudflare Workers AI, found with {@link java.util.ServiceLoader}. Thread-safe. */
public final class CloudflareProviderFactory implements ImageProviderFactory {

    /** Cloudflare's per-side limits for {@code size: custom} ({@code width}/{@code height} in the input schema). */
    static final int MIN_SIDE = 1024;
    static final int MAX_SIDE = 4096;

    // Capabilities take no settings, yet the price is a setting. The client asks for capabilities after create(),
    // on the factory instance it created the provider with, so the price create() read is remembered here.
    private volatile PriceModel price;

    /** For {@link java.util.ServiceLoader}; does no work. */
    public CloudflareProviderFactory() {
    }

    @Override
    public String id() {
        return CloudflareSettings.PROVIDER_ID;
    }

    @Override
    public String description() {
        return "Seedream 4.0 on Cloudflare Workers AI (bytedance/seedream-4.0 through /ai/run)";
    }

    @Override
    public Capabilities capabilities() {
        return capabilities(price());
    }

    /**
     * The capabilities with the price these settings configure. Overrides
     * {@code ImageProviderFactory.capabilities(ProviderSettings)} on a core that has it (no {@code @Override}, so
     * this also compiles against a core without it).
     *
     * @throws ConfigurationException if the price setting is malformed
     */
    public Capabilities capabilities(ProviderSettings settings) {
        return capabilities(settings.price(CloudflareSettings.PRICE));
    }

    private static Capabilities capabilities(PriceModel price) {
        return Capabilities.builder()
                .exactSizes(MIN_SIDE, MAX_SIDE)
                .tiers(EnumSet.allOf(SizeTier.class), AspectRatio.SEEDREAM_RATIOS)
                .seed(false)
                .negativePrompt(false)
                .safetyToggle(false)
                .promptEnhancement(true)
                .maxImagesPerCall(1)
                .resumable(false)
                .pricing(price)
                .build();
    }

    private PriceModel price() {
        PriceModel p = price;
        if (p != null) {
            return p;
        }
        // Before create(): the price from system properties, environment or default. A malformed one is reported
        // by create(); listing capabilities must not fail because of it.
        try {
            return ProviderSettings.of(id(), Map.of()).price(CloudflareSettings.PRICE);
        } catch (ConfigurationException e) {
            return PriceModel.parse(CloudflareSettings.PRICE.defaultValue());
        }
    }

    @Override
    public List<SettingKey> settings() {
        return CloudflareSettings.ALL;
    }

    @Override
    public ImageProvider create(ProviderSettings settings) {
        CloudflareConfig config = CloudflareConfig.from(settings);
        price = config.price();
        return new CloudflareProvider(config);
    }
}
