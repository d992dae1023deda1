package io.github.seedream4j.reliability;

/** Load with faults for provider {@code fal}. */
class FalLoadWithFaultsTest extends LoadWithFaultsContract {

    @Override
    HttpProviderHarness harness() {
        return new FalHarness();
    }
}
