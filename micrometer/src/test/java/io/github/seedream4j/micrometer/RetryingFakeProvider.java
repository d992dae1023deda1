package io.github.seedream4j.micrometer;

import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ImageProviderFactory;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.SettingKey;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The fake provider, but every call reports one retry first, as a provider behind the shared HTTP retrier would
 * after an HTTP 429. The fake itself never retries. Public for {@link ServiceLoader}.
 */
public final class RetryingFakeProvider implements ImageProviderFactory {

    static final String ID = "retrying-fake";

    /** Looked up when needed: a provider's constructor must not run the ServiceLoader that is creating it. */
    private static ImageProviderFactory fake() {
        return ServiceLoader.load(ImageProviderFactory.class).stream().filter(p -> !p.type().equals(
                RetryingFakeProvider.class)).map(ServiceLoader.Provider::get).filter(f -> f.id().equals("fake"))
                .findFirst().orElseThrow();
    }

    /** For {@link ServiceLoader}. */
    public RetryingFakeProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "the fake provider, reporting a retry per call";
    }

    @Override
    public Capabilities capabilities() {
        return fake().capabilities();
    }

    @Override
    public List<SettingKey> settings() {
        return List.of();
    }

    @Override
    public ImageProvider create(ProviderSettings settings) {
        ImageProvider delegate = fake().create(ProviderSettings.of("fake", java.util.Map.of(), k -> null, k -> null));
        return (ProviderCall call, GenerationContext context) -> {
            context.progress().retried(2, Duration.ofMillis(1), "HTTP 429");
            return delegate.generate(call, context);
        };
    }
}
