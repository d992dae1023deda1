package io.github.seedream4j.reliability;

/** Secret canaries for provider {@code modelark}. */
class ModelArkSecretCanaryTest extends SecretCanaryContract {

    @Override
    HttpProviderHarness harness() {
        return new ModelArkHarness();
    }
}
