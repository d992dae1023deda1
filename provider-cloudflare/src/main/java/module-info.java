/**
 * Seedream 4.0, 4.5 and 5.0 lite through Cloudflare Workers AI ({@code POST /accounts/{account_id}/ai/run}).
 * Users need only this jar on the class or module path and {@code SeedreamClient.builder().provider("cloudflare")};
 * the implementation lives in a package that is not exported.
 */
module io.github.seedream4j.provider.cloudflare {
    requires transitive io.github.seedream4j.core; // its public types name core's
    requires io.github.seedream4j.http;

    exports io.github.seedream4j.provider.cloudflare;

    // Jackson reads and writes the DTO records reflectively.
    opens io.github.seedream4j.provider.cloudflare.internal to tools.jackson.databind;

    provides io.github.seedream4j.spi.ImageProviderFactory
            with io.github.seedream4j.provider.cloudflare.internal.CloudflareProviderFactory;
}
