package io.github.seedream4j.reliability;

/** Resource release for provider {@code modelark}. */
class ModelArkResourceReleaseTest extends ResourceReleaseContract {

    @Override
    HttpProviderHarness harness() {
        return new ModelArkHarness();
    }
}
