/**
 * The seedream4j provider compatibility kit. A provider module adds {@code seedream4j-tck} as a test dependency
 * and extends {@link io.github.seedream4j.tck.ImageProviderCompatibilityKit}; the kit's tests prove discovery,
 * capabilities, results, errors, cancellation, interrupts, deadlines, late job ids, thread safety and secrecy, and
 * the reference images, sequential sets and model versions a provider declares. It
 * also offers test helpers: {@link io.github.seedream4j.tck.StubServer} (a loopback HTTP stub on the JDK's server),
 * {@link io.github.seedream4j.tck.TestImages} (real images of exact pixels) and
 * {@link io.github.seedream4j.tck.RecordingContext} (a generation context for unit tests without a client).
 */
module io.github.seedream4j.tck {
    requires transitive io.github.seedream4j.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires java.desktop;
    requires java.logging;
    requires jdk.httpserver;

    exports io.github.seedream4j.tck;

    uses io.github.seedream4j.spi.ImageProviderFactory;
}
