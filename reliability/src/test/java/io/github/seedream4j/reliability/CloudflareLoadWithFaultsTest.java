package io.github.seedream4j.reliability;

/** Load with faults for provider {@code cloudflare}. */
class CloudflareLoadWithFaultsTest extends LoadWithFaultsContract {

    @Override
    HttpProviderHarness harness() {
        return new CloudflareHarness();
    }
}
