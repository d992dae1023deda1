/**
 * The seedream4j provider compatibility kit. A provider module adds {@code seedream4j-tck} as a test dependency
 * and extends {@link io.github.seedream4j.tck.ImageProviderCompatibilityKit}; the kit's tests prove discovery,
 * capabilities, results, errors, cancellation, deadlines, thread safety and secrecy.
 */
module io.github.seedream4j.tck {
    requires transitive io.github.seedream4j.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires java.desktop;

    exports io.github.seedream4j.tck;

    uses io.github.seedream4j.spi.ImageProviderFactory;
}
