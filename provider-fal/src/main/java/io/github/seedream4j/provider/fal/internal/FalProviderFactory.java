package io.github.seedream4j.provider.fal.internal;

import io.github.seedream4j.PriceModel;
import io.github.seedream4j.provider.fal.FalSettings;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ImageTransport;
import io.github.seedream4j.spi.ModelOffer;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.List;
import java.util.Set;

/** Provider {@code fal}: Seedream 4.0, 4.5 and 5.0 lite on fal.ai's queue API. */
public final class FalProviderFactory implements ImageProviderFactory {

    /** The provider id. */
    public static final String ID = "fal";

    /**
     * The longest side sent: the maximum of fal's {@code ImageSize} width and height (older per-model OpenAPI);
     * fal's current text bounds only the total pixels, which core checks per model.
     */
    static final int MAX_SIDE = 14_142;

    /** Does nothing: ServiceLoader instantiates this without any work. */
    public FalProviderFactory() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Seedream 4.0, 4.5 and 5.0 lite on fal.ai's queue API (text to image and editing)";
    }

    /**
     * Exact sizes (sent as {@code image_size: {width, height}}; tiers become pixels through core's table, since the
     * pixels of fal's named presets are not published), seeds, the safety toggle, one image per call, sequential
     * sets, reference images as URLs (whether fal's Seedream endpoints take {@code data:} URIs is not documented),
     * resumable by request id, priced with the default price.
     */
    @Override
    public Capabilities capabilities() {
        return capabilities(PriceModel.parse(FalSettings.PRICE.defaultValue()));
    }

    /** As {@link #capabilities()}, priced with the configured {@code price}. */
    @Override
    public Capabilities capabilities(ProviderSettings settings) {
        return capabilities(settings.price(FalSettings.PRICE));
    }

    private static Capabilities capabilities(PriceModel price) {
        // one image per call although num_images goes up to 6: fal reports one seed for all the images of a request,
        // so only one image per request can be given a seed that reproduces it
        Capabilities.Builder b = Capabilities.builder().exactSizes(1, MAX_SIDE).seed(true).negativePrompt(false)
                .safetyToggle(true).promptEnhancement(false).maxImagesPerCall(1).pricing(price).resumable(true);
        for (FalModel m : FalModel.ALL) {
            // fal's edit endpoints use the last 10 reference images of more, and max_images is 1 to 6
            b.model(new ModelOffer(m.model(), m.prefix(), Set.of(ImageTransport.URL), true,
                    Math.min(FalModel.MAX_INPUTS, m.model().maxReferenceImages()), FalModel.MAX_SET));
        }
        return b.build();
    }

    @Override
    public List<SettingKey> settings() {
        return FalSettings.ALL;
    }

    @Override
    public ImageProvider create(ProviderSettings settings) {
        return new FalProvider(FalConfig.from(settings));
    }
}
