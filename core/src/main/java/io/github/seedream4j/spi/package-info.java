/**
 * The provider SPI: what a provider jar implements so that {@link java.util.ServiceLoader} finds it and the
 * {@link io.github.seedream4j.SeedreamClient} can use it.
 *
 * <p>A provider registers an {@link io.github.seedream4j.spi.ImageProviderFactory} twice: in
 * {@code META-INF/services/io.github.seedream4j.spi.ImageProviderFactory} for the class path and with
 * {@code provides ... with ...} in its {@code module-info.java} for the module path. The client validates every
 * request against the factory's {@link io.github.seedream4j.spi.Capabilities} before the provider sees it, so a
 * provider receives only what it declared it can honour.
 */
package io.github.seedream4j.spi;
