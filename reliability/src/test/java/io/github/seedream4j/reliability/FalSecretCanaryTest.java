package io.github.seedream4j.reliability;

/** Secret canaries for provider {@code fal}. */
class FalSecretCanaryTest extends SecretCanaryContract {

    @Override
    HttpProviderHarness harness() {
        return new FalHarness();
    }
}
