/**
 * Seedream 4.0, 4.5 and 5.0 lite on Replicate's predictions API ({@code bytedance/seedream-4}, {@code -4.5},
 * {@code -5-lite}). Found by {@link java.util.ServiceLoader} as provider {@code replicate}; its settings are listed in
 * {@link io.github.seedream4j.provider.replicate.ReplicateSettings}.
 */
module io.github.seedream4j.provider.replicate {
    requires transitive io.github.seedream4j.core; // its public types name core's
    requires io.github.seedream4j.http;

    exports io.github.seedream4j.provider.replicate;

    // Jackson reads and writes the request and prediction records reflectively.
    opens io.github.seedream4j.provider.replicate.internal to tools.jackson.databind;

    provides io.github.seedream4j.spi.ImageProviderFactory
            with io.github.seedream4j.provider.replicate.internal.ReplicateProviderFactory;
}
