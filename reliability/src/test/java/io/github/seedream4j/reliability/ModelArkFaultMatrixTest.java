package io.github.seedream4j.reliability;

/** The fault matrix for provider {@code modelark}. */
class ModelArkFaultMatrixTest extends FaultMatrixContract {

    @Override
    HttpProviderHarness harness() {
        return new ModelArkHarness();
    }
}
