package io.github.seedream4j.reliability;

/** Secret canaries for provider {@code replicate}. */
class ReplicateSecretCanaryTest extends SecretCanaryContract {

    @Override
    HttpProviderHarness harness() {
        return new ReplicateHarness();
    }
}
