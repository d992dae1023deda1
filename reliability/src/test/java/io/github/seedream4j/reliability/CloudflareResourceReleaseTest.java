package io.github.seedream4j.reliability;

/** Resource release for provider {@code cloudflare}. */
class CloudflareResourceReleaseTest extends ResourceReleaseContract {

    @Override
    HttpProviderHarness harness() {
        return new CloudflareHarness();
    }
}
