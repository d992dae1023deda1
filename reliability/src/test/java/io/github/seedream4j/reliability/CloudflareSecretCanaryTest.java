package io.github.seedream4j.reliability;

/** Secret canaries for provider {@code cloudflare}. */
class CloudflareSecretCanaryTest extends SecretCanaryContract {

    @Override
    HttpProviderHarness harness() {
        return new CloudflareHarness();
    }
}
