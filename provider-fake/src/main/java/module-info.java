/** An offline seedream4j provider (id {@code fake}) producing real, deterministic PNG images. */
module io.github.seedream4j.provider.fake {
    requires io.github.seedream4j.core;

    exports io.github.seedream4j.provider.fake;

    provides io.github.seedream4j.spi.ImageProviderFactory
            with io.github.seedream4j.provider.fake.internal.FakeProviderFactory;
}
