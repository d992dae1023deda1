package io.github.seedream4j.reliability;

/** Load with faults for provider {@code replicate}. */
class ReplicateLoadWithFaultsTest extends LoadWithFaultsContract {

    @Override
    HttpProviderHarness harness() {
        return new ReplicateHarness();
    }
}
