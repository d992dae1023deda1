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
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.spi.ImageTransport;
import io.github.seedream4j.spi.ModelOffer;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;

/** Seedream 4.0, 4.5 and 5.0 lite on Cloudflare Workers AI, found with {@link java.util.ServiceLoader}. Thread-safe. */
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
        return "Seedream 4.0, 4.5 and 5.0 lite on Cloudflare Workers AI (bytedance/seedream-4.0, -4.5, "
                + "-5-lite through /ai/run)";
    }

    @Override
    public Capabilities capabilities() {
        return capabilities(PriceModel.parse(CloudflareSettings.PRICE.defaultValue()),
                CloudflareSettings.MODEL.defaultValue());
    }

    /**
     * The capabilities with the price these settings configure.
     *
     * @throws ConfigurationException if the price setting is malformed
     */
    @Override
    public Capabilities capabilities(ProviderSettings settings) {
        return capabilities(settings.price(CloudflareSettings.PRICE), settings.get(CloudflareSettings.MODEL).strip());
    }

    /** Cloudflare's id for Seedream 4.5. */
    static final String MODEL_4_5 = "bytedance/seedream-4.5";
    /** Cloudflare's id for Seedream 5.0 lite. */
    static final String MODEL_5_LITE = "bytedance/seedream-5-lite";

    private static Capabilities capabilities(PriceModel price, String model4) {
        // 4.0's schema has no image input; 4.5's and 5-lite's take image_input[] with items "format: uri". The notes
        // confirm only URLs there, so images held as bytes are refused before sending rather than sent as data: URIs.
        return Capabilities.builder()
                .model(ModelOffer.textOnly(SeedreamModel.V4_0, model4))
                .model(new ModelOffer(SeedreamModel.V4_5, MODEL_4_5, Set.of(ImageTransport.URL), true))
                .model(new ModelOffer(SeedreamModel.V5_0_LITE, MODEL_5_LITE, Set.of(ImageTransport.URL), true))
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
