/**
 * Seedream 4.0 on Runpod's public endpoint ({@code seedream-v4-t2i}). Found by {@link java.util.ServiceLoader} as
 * provider {@code runpod}; its settings are listed in {@link io.github.seedream4j.provider.runpod.RunpodSettings}.
 */
module io.github.seedream4j.provider.runpod {
    requires transitive io.github.seedream4j.core; // its public types name core's
    requires io.github.seedream4j.http;

    exports io.github.seedream4j.provider.runpod;

    // Jackson reads and writes the request and job records reflectively.
    opens io.github.seedream4j.provider.runpod.internal to tools.jackson.databind;

    provides io.github.seedream4j.spi.ImageProviderFactory
            with io.github.seedream4j.provider.runpod.internal.RunpodProviderFactory;
}
