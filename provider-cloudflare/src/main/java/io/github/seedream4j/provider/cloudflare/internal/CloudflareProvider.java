package io.github.seedream4j.provider.cloudflare.internal;

import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;

/** Runs one call against {@code /ai/run} and fetches the image at once. Thread-safe. */
final class CloudflareProvider implements ImageProvider {

    private final CloudflareConfig config;

    CloudflareProvider(CloudflareConfig config) {
        this.config = config;
    }

    @Override
    public ProviderResult generate(ProviderCall call, GenerationContext context) {
        throw new GenerationFailedException("not yet");
    }

    @Override
    public String toString() {
        return "CloudflareProvider[account=" + config.accountId() + ", model=" + config.model() + "]";
    }
}
