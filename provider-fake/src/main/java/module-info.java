/** An offline seedream4j provider (id {@code fake}) producing real, deterministic PNG images. */
module io.github.seedream4j.provider.fake {
    requires transitive io.github.seedream4j.core; // its public types name core's

    exports io.github.seedream4j.provider.fake;

    provides io.github.seedream4j.spi.ImageProviderFactory
            with io.github.seedream4j.provider.fake.internal.FakeProviderFactory;
}
