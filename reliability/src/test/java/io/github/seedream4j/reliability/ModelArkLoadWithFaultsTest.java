package io.github.seedream4j.reliability;

/** Load with faults for provider {@code modelark}. */
class ModelArkLoadWithFaultsTest extends LoadWithFaultsContract {

    @Override
    HttpProviderHarness harness() {
        return new ModelArkHarness();
    }
}
