package io.github.seedream4j.provider.replicate.internal;

import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.PriceModel;
import io.github.seedream4j.SizeTier;
import io.github.seedream4j.provider.replicate.ReplicateSettings;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.EnumSet;
import java.util.List;

/** Provider {@code replicate}: Seedream 4.0, 4.5 and 5.0 lite on Replicate's predictions API. Thread-safe. */
public final class ReplicateProviderFactory implements ImageProviderFactory {

    /** The provider id. */
    public static final String ID = "replicate";

    /** For {@link java.util.ServiceLoader}; does no work. */
    public ReplicateProviderFactory() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Seedream 4.0, 4.5 and 5.0 lite on Replicate (predictions on bytedance/seedream-4, -4.5 and -5-lite)";
    }

    /**
     * Exact sizes of 1024 to 4096 pixels a side ({@code size: custom}) and tiers at Seedream's eight ratios (each
     * version keeps only its own tiers), prompt enhancement ({@code enhance_prompt}, Seedream 4.0 only), one image per
     * prediction or a sequential set, reference images as URLs or data URIs, no seed or negative prompt (no Replicate
     * schema has them), resumable by prediction id, priced with the default price.
     */
    @Override
    public Capabilities capabilities() {
        return capabilities(PriceModel.parse(ReplicateSettings.PRICE.defaultValue()));
    }

    /** As {@link #capabilities()}, priced with the configured {@code price}; needs no token. */
    @Override
    public Capabilities capabilities(ProviderSettings settings) {
        return capabilities(settings.price(ReplicateSettings.PRICE));
    }

    private static Capabilities capabilities(PriceModel price) {
        Capabilities.Builder b = Capabilities.builder()
                .exactSizes(ReplicateModel.MIN_SIDE, ReplicateModel.MAX_SIDE)
                .tiers(EnumSet.allOf(SizeTier.class), AspectRatio.SEEDREAM_RATIOS)
                .seed(false).negativePrompt(false).safetyToggle(false).promptEnhancement(true)
                .maxImagesPerCall(1).resumable(true).pricing(price);
        for (ReplicateModel m : ReplicateModel.values()) {
            b.model(m.offer());
        }
        return b.build();
    }

    @Override
    public List<SettingKey> settings() {
        return ReplicateSettings.ALL;
    }

    @Override
    public ImageProvider create(ProviderSettings settings) {
        return new ReplicateProvider(ReplicateConfig.from(settings));
    }
}
