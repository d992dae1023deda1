package io.github.seedream4j.reliability;

/** Secret canaries for provider {@code runpod}. */
class RunpodSecretCanaryTest extends SecretCanaryContract {

    @Override
    HttpProviderHarness harness() {
        return new RunpodHarness();
    }
}
