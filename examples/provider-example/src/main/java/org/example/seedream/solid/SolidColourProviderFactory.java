package org.example.seedream.solid;

import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.List;

/**
 * Provider {@code solid-colour}: one flat colour per image, chosen from the prompt and the seed. Found by
 * {@link java.util.ServiceLoader} through {@code META-INF/services} on the class path and {@code provides} in
 * {@code module-info.java} on the module path.
 */
public final class SolidColourProviderFactory implements ImageProviderFactory {

    /** The provider id users select. Never changes. */
    public static final String ID = "solid-colour";

    /** How long each image takes, {@code 0ms} by default; lets tests (and the kit) see a slow provider. */
    static final SettingKey DELAY = SettingKey.optional("delay", "how long each image takes", "0ms");

    /** Public and empty for ServiceLoader: no settings, no I/O here. */
    public SolidColourProviderFactory() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Example provider: solid-colour PNG images made in process, free, no network";
    }

    /** Honest capabilities: exact pixels from 64 to 4096 per side, seeds, nothing else, one image per call, free. */
    @Override
    public Capabilities capabilities() {
        return Capabilities.builder().exactSizes(64, 4096).seed(true).maxImagesPerCall(1).build();
    }

    @Override
    public List<SettingKey> settings() {
        return List.of(DELAY);
    }

    @Override
    public ImageProvider create(ProviderSettings settings) {
        return new SolidColourProvider(settings.duration(DELAY));
    }
}
