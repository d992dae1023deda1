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

/** Seedream 4.0 on Cloudflare Workers AI, found with {@link java.util.ServiceLoader}. Thread-safe. */
public final class CloudflareProviderFactory implements ImageProviderFactory {

    /** Cloudflare's per-side limits for {@code size: custom} ({@code width}/{@code height} in the input schema). */
    static final int MIN_SIDE = 1024;
    static final int MAX_SIDE = 4096;

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
        return capabilities(PriceModel.parse(CloudflareSettings.PRICE.defaultValue()));
    }

    /**
     * The capabilities with the price these settings configure.
     *
     * @throws ConfigurationException if the price setting is malformed
     */
    @Override
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

    @Override
    public List<SettingKey> settings() {
        return CloudflareSettings.ALL;
    }

    @Override
    public ImageProvider create(ProviderSettings settings) {
        return new CloudflareProvider(CloudflareConfig.from(settings));
    }
}
