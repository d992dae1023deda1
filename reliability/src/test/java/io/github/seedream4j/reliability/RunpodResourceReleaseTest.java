package io.github.seedream4j.reliability;

/** Resource release for provider {@code runpod}. */
class RunpodResourceReleaseTest extends ResourceReleaseContract {

    @Override
    HttpProviderHarness harness() {
        return new RunpodHarness();
    }
}
