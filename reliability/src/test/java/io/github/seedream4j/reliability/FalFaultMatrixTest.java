package io.github.seedream4j.reliability;

/** The fault matrix for provider {@code fal}. */
class FalFaultMatrixTest extends FaultMatrixContract {

    @Override
    HttpProviderHarness harness() {
        return new FalHarness();
    }
}
