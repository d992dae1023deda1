package io.github.seedream4j.provider.runpod.internal;

import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.PriceModel;
import io.github.seedream4j.provider.runpod.RunpodSettings;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.List;
import java.util.Map;

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
     * negative prompt, safety toggle, one image per call, resumable by job id. The price model comes from the
     * {@code price} system property or environment variable, else the default; a value given to the client
     * builder is used by {@link #create} but cannot reach capabilities, which core reads from the factory.
     */
    @Override
    public Capabilities capabilities() {
        PriceModel price;
        try {
            price = ProviderSettings.of(ID, Map.of()).price(RunpodSettings.PRICE);
        } catch (ConfigurationException e) {
            price = PriceModel.parse(RunpodSettings.PRICE.defaultValue());
        }
        return Capabilities.builder().seed(true).negativePrompt(true).safetyToggle(true).promptEnhancement(false)
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
