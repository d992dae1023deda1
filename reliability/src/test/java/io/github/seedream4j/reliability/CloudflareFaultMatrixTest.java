package io.github.seedream4j.reliability;

/** The fault matrix for provider {@code cloudflare}. */
class CloudflareFaultMatrixTest extends FaultMatrixContract {

    @Override
    HttpProviderHarness harness() {
        return new CloudflareHarness();
    }
}
