/** An example seedream4j provider (id {@code solid-colour}) written only against the public SPI. */
module org.example.seedream.solid {
    requires io.github.seedream4j.core;

    provides io.github.seedream4j.spi.ImageProviderFactory with org.example.seedream.solid.SolidColourProviderFactory;
}
