package io.github.seedream4j.cli;

import io.github.seedream4j.AspectRatio;
import io.github.seedream4j.Cost;
import io.github.seedream4j.PriceModel;
import io.github.seedream4j.SizeTier;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * A provider whose every call runs a script, injected into a real client with
 * {@code SeedreamClient.builder().provider(factory)}: seeds, 1K to 4K tiers, 0.03 USD per image.
 */
record ScriptedProvider(BiFunction<ProviderCall, GenerationContext, CompletableFuture<ProviderResult>> script)
        implements ImageProviderFactory {

    static final String ID = "scripted";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "a scripted provider for tests";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.builder().exactSizes(1, 4096).tiers(EnumSet.allOf(SizeTier.class),
                AspectRatio.SEEDREAM_RATIOS).seed(true).pricing(new PriceModel.PerImage(Cost.usd("0.03"))).build();
    }

    @Override
    public List<SettingKey> settings() {
        return List.of();
    }

    @Override
    public ImageProvider create(ProviderSettings settings) {
        return script::apply;
    }

    /** Stores a real PNG of the call's pixels, as a provider that fetched it would. */
    static void storeImage(ProviderCall call, GenerationContext context) {
        context.images().store(RunpodStub.png(call.resolution().width(), call.resolution().height()), "image/png",
                null);
    }
}
