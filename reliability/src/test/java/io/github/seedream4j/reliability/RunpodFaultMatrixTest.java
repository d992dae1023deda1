package io.github.seedream4j.reliability;

/** The fault matrix for provider {@code runpod}. */
class RunpodFaultMatrixTest extends FaultMatrixContract {

    @Override
    HttpProviderHarness harness() {
        return new RunpodHarness();
    }
}
