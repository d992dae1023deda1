package io.github.seedream4j.reliability;

/** The fault matrix for provider {@code replicate}. */
class ReplicateFaultMatrixTest extends FaultMatrixContract {

    @Override
    HttpProviderHarness harness() {
        return new ReplicateHarness();
    }
}
