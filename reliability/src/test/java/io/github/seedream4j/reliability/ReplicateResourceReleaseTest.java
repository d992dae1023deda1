package io.github.seedream4j.reliability;

/** Resource release for provider {@code replicate}. */
class ReplicateResourceReleaseTest extends ResourceReleaseContract {

    @Override
    HttpProviderHarness harness() {
        return new ReplicateHarness();
    }
}
