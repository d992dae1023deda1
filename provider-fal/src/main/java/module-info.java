/**
 * Seedream 4.0, 4.5 and 5.0 lite on fal.ai's queue API. Found by {@link java.util.ServiceLoader} as provider
 * {@code fal}; its settings are listed in {@link io.github.seedream4j.provider.fal.FalSettings}.
 */
module io.github.seedream4j.provider.fal {
    requires transitive io.github.seedream4j.core;
    requires io.github.seedream4j.http;

    exports io.github.seedream4j.provider.fal;

    // Jackson reads and writes the request and response records by reflection
    opens io.github.seedream4j.provider.fal.internal to tools.jackson.databind;

    provides io.github.seedream4j.spi.ImageProviderFactory
            with io.github.seedream4j.provider.fal.internal.FalProviderFactory;
}
