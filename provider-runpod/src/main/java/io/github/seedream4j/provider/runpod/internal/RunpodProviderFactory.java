package io.github.seedream4j.provider.runpod.internal;

import io.github.seedream4j.PriceModel;
import io.github.seedream4j.provider.runpod.RunpodSettings;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.List;

/** Provider {@code runpod}: Seedream 4.0 on Runpod's public endpoint. */
public final class RunpodProviderFactory implements ImageProviderFactory {

    /** The provider id. */
    public static final String ID = "runpod";

    /** Does nothing: ServiceLoader instantiates this without any work. */
    public RunpodProviderFactory() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Seedream 4.0 on Runpod's public endpoint (seedream-v4-t2i)";
    }

    /**
     * Exact sizes only (Runpod documents no per-side bounds, so only the model limits core checks apply), seed,
     * negative prompt, safety toggle, one image per call, resumable by job id, priced with the default price.
     */
    @Override
    public Capabilities capabilities() {
        return capabilities(PriceModel.parse(RunpodSettings.PRICE.defaultValue()));
    }

    /** As {@link #capabilities()}, priced with the configured {@code price}. */
    @Override
    public Capabilities capabilities(ProviderSettings settings) {
        return capabilities(settings.price(RunpodSettings.PRICE));
    }

    private static Capabilities capabilities(PriceModel price) {
        // Runpod documents no side limits; 16384 is the longest side the model's own limits allow
        // (at most 16,777,216 pixels, ratio at most 16:1), so no valid size is refused here.
        return Capabilities.builder().exactSizes(1, 16_384).seed(true).negativePrompt(true).safetyToggle(true).promptEnhancement(false)
                .maxImagesPerCall(1).pricing(price).resumable(true).build();
    }

    @Override
    public List<SettingKey> settings() {
        return RunpodSettings.ALL;
    }

    @Override
    public ImageProvider create(ProviderSettings settings) {
        return new RunpodProvider(RunpodConfig.from(settings));
    }
}
