package io.github.seedream4j.provider.fake.internal;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.SizeTier;
import io.github.seedream4j.provider.fake.FakeProvider;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ImageTransport;
import io.github.seedream4j.spi.ModelOffer;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;

/** Registers the fake provider with {@link java.util.ServiceLoader}. */
public final class FakeProviderFactory implements ImageProviderFactory {

    static final SettingKey LATENCY = SettingKey.optional(FakeProvider.LATENCY, "how long each call takes", "0ms");
    static final SettingKey FAILURES = SettingKey.optional(FakeProvider.FAILURES,
            "scripted failures for the first calls, e.g. rate-limited,unavailable", null);
    static final SettingKey PRICE = SettingKey.optional(FakeProvider.PRICE, "price used for estimates", "0/image");
    static final SettingKey LEDGER = SettingKey.optional(FakeProvider.LEDGER, "name of the ledger recording calls",
            "default");

    private final List<GenerationRequest> ledger;

    /** Public for {@link java.util.ServiceLoader}: records into the ledger named by the {@code ledger} setting. */
    public FakeProviderFactory() {
        this(null);
    }

    /**
     * A factory whose providers record into {@code ledger}, whatever the {@code ledger} setting says.
     *
     * @param ledger the live list of a ledger, or {@code null} to use the named one
     */
    public FakeProviderFactory(List<GenerationRequest> ledger) {
        this.ledger = ledger;
    }

    @Override
    public String id() {
        return FakeProvider.ID;
    }

    @Override
    public String description() {
        return "Offline, deterministic PNG images for tests and demos; no network, no credentials";
    }

    @Override
    public Capabilities capabilities() {
        return capabilities(io.github.seedream4j.PriceModel.free());
    }

    @Override
    public Capabilities capabilities(ProviderSettings settings) {
        return capabilities(settings.price(PRICE));
    }

    static Capabilities capabilities(io.github.seedream4j.PriceModel price) {
        return Capabilities.builder()
                .exactSizes(1, 4096)
                .tiers(EnumSet.allOf(SizeTier.class), AspectRatio.SEEDREAM_RATIOS)
                .seed(true)
                .negativePrompt(true)
                .safetyToggle(true)
                .promptEnhancement(true)
                .maxImagesPerCall(FakeProvider.IMAGES_PER_CALL)
                .pricing(price)
                .resumable(true)
                .model(offer(SeedreamModel.V4_0))
                .model(offer(SeedreamModel.V4_5))
                .model(offer(SeedreamModel.V5_0_LITE))
                .build();
    }

    private static ModelOffer offer(SeedreamModel model) {
        return new ModelOffer(model, "fake-seedream-" + model.label(), Set.of(ImageTransport.DATA_URI, ImageTransport.URL),
                true);
    }

    @Override
    public List<SettingKey> settings() {
        return List.of(LATENCY, FAILURES, PRICE, LEDGER);
    }

    @Override
    public ImageProvider create(ProviderSettings settings) {
        List<GenerationRequest> target = ledger != null ? ledger : CallLog.named(settings.get(LEDGER));
        return new FakeImageProvider(settings.duration(LATENCY), FailureScript.parse(settings.find(FAILURES).orElse("")),
                target);
    }
}
