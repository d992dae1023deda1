package io.github.seedream4j.provider.modelark.internal;

import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.provider.modelark.ModelArkSettings;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ImageTransport;
import io.github.seedream4j.spi.ModelOffer;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Registers the ModelArk provider with {@link java.util.ServiceLoader}. */
public final class ModelArkProviderFactory implements ImageProviderFactory {

    /**
     * The longest side the models' limits allow: 16,777,216 pixels at a 16:1 ratio. ModelArk documents no side limit
     * of its own; the client checks each version's pixel range and ratio.
     */
    static final int MAX_SIDE = 16_384;

    /** Public for {@link java.util.ServiceLoader}; does no work. */
    public ModelArkProviderFactory() {
    }

    @Override
    public String id() {
        return ModelArkSettings.PROVIDER_ID;
    }

    @Override
    public String description() {
        return "Seedream 4.0, 4.5 and 5.0 lite on BytePlus ModelArk or Volcengine Ark, ByteDance's own platforms";
    }

    @Override
    public Capabilities capabilities() {
        return capabilities(ProviderSettings.of(id(), Map.of(), k -> null, k -> null));
    }

    @Override
    public Capabilities capabilities(ProviderSettings settings) {
        return capabilities(ModelArkConfig.catalog(settings));
    }

    /**
     * Exact pixels only: ModelArk's tiers ({@code size: "2K"}) leave the aspect ratio to the prompt, so the pixels
     * would not be known before the answer; the client turns a tier into the version's own table size. No seed
     * (documented for Seedream 3.0 only), no negative prompt, no safety or prompt switch; one image per call, or
     * one sequential set.
     */
    static Capabilities capabilities(ModelArkConfig.Catalog catalog) {
        Capabilities.Builder b = Capabilities.builder()
                .exactSizes(1, MAX_SIDE)
                .maxImagesPerCall(1)
                .pricing(catalog.price())
                .extras(ModelArkSettings.WATERMARK);
        for (Map.Entry<SeedreamModel, String> m : catalog.models().entrySet()) {
            b.model(new ModelOffer(m.getKey(), m.getValue(), EnumSet.of(ImageTransport.URL, ImageTransport.DATA_URI),
                    true));
        }
        return b.build();
    }

    @Override
    public List<SettingKey> settings() {
        return ModelArkSettings.ALL;
    }

    @Override
    public ImageProvider create(ProviderSettings settings) {
        return new ModelArkProvider(ModelArkConfig.from(settings));
    }

    @Override
    public String toString() {
        return "ModelArkProviderFactory[" + id() + "]";
    }
}
