/**
 * Seedream 4.0, 4.5 and 5.0 lite from ByteDance's own platforms: BytePlus ModelArk and Volcengine Ark
 * ({@code POST /api/v3/images/generations}). Users need only this jar on the class or module path and
 * {@code SeedreamClient.builder().provider("modelark")}; the implementation lives in a package that is not exported.
 */
module io.github.seedream4j.provider.modelark {
    requires transitive io.github.seedream4j.core;
    requires io.github.seedream4j.http;
    requires tools.jackson.databind;
    requires com.fasterxml.jackson.annotation;

    exports io.github.seedream4j.provider.modelark;

    // Jackson reads and writes the request and response records reflectively.
    opens io.github.seedream4j.provider.modelark.internal to tools.jackson.databind;

    provides io.github.seedream4j.spi.ImageProviderFactory
            with io.github.seedream4j.provider.modelark.internal.ModelArkProviderFactory;
}
