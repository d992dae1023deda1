package io.github.seedream4j.provider.runpod.internal;

import io.github.seedream4j.PriceModel;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.provider.runpod.RunpodSettings;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ImageTransport;
import io.github.seedream4j.spi.ModelOffer;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.List;
import java.util.Set;

/** Provider {@code runpod}: Seedream 4.0 on Runpod's public endpoints, text to image and edit. */
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
        return "Seedream 4.0 on Runpod's public endpoints (seedream-v4-t2i; seedream-v4-edit with reference images)";
    }

    /**
     * Exact sizes only (Runpod documents no per-side bounds, so only the model limits core checks apply), seed,
     * negative prompt (text to image only), safety toggle, reference images as URLs, one image per call, resumable by job id, priced with the default price.
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
        // Reference images go to the edit endpoint as URLs, the only form Runpod documents ("array of image URLs");
        // whether it takes data: URIs is unconfirmed, so images held as bytes are refused before anything is sent.
        return Capabilities.builder()
                .model(new ModelOffer(SeedreamModel.V4_0, null, Set.of(ImageTransport.URL), false))
                .exactSizes(1, 16_384).seed(true).negativePrompt(true).safetyToggle(true).promptEnhancement(false)
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
