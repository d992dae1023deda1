package io.github.seedream4j.reliability;

/** Resource release for provider {@code fal}. */
class FalResourceReleaseTest extends ResourceReleaseContract {

    @Override
    HttpProviderHarness harness() {
        return new FalHarness();
    }
}
