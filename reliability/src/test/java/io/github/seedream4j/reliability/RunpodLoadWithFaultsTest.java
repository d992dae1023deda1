package io.github.seedream4j.reliability;

/** Load with faults for provider {@code runpod}. */
class RunpodLoadWithFaultsTest extends LoadWithFaultsContract {

    @Override
    HttpProviderHarness harness() {
        return new RunpodHarness();
    }
}
