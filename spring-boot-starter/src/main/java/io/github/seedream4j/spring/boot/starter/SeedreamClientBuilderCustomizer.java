package io.github.seedream4j.spring.boot.starter;

import io.github.seedream4j.SeedreamClient;

/**
 * Adjusts the builder of the auto-configured {@link SeedreamClient} after the {@code seedream.*} properties are
 * applied: declare one as a bean to add a listener, a setting from a secrets store, or a class loader. Customizers
 * run in {@link org.springframework.core.Ordered} order.
 */
@FunctionalInterface
public interface SeedreamClientBuilderCustomizer {

    /**
     * Adjusts the builder.
     *
     * @param builder the builder, with the properties already applied; never {@code null}
     */
    void customize(SeedreamClient.Builder builder);
}
