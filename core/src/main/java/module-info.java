/**
 * seedream4j core: the provider-neutral domain ({@code io.github.seedream4j}), the provider SPI
 * ({@code io.github.seedream4j.spi}) and the client that discovers providers with {@link java.util.ServiceLoader}.
 */
module io.github.seedream4j.core {
    exports io.github.seedream4j;
    exports io.github.seedream4j.spi;

    uses io.github.seedream4j.spi.ImageProviderFactory;
}
