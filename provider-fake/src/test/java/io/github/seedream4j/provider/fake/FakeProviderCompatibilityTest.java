package io.github.seedream4j.provider.fake;

import io.github.seedream4j.tck.ImageProviderCompatibilityKit;
import java.util.Map;
import java.util.UUID;

/** The fake passes the compatibility kit in process, with no stubs: its own settings make it fail or slow. */
class FakeProviderCompatibilityTest extends ImageProviderCompatibilityKit {

    private final String ledger = "tck-" + UUID.randomUUID();

    @Override
    protected String providerId() {
        return FakeProvider.ID;
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of(FakeProvider.LEDGER, ledger);
    }

    @Override
    protected boolean deterministic() {
        return true;
    }

    @Override
    protected boolean provokeFailure(Map<String, String> settings) {
        settings.put(FakeProvider.FAILURES, "unavailable");
        return true;
    }

    @Override
    protected boolean makeSlow(Map<String, String> settings) {
        settings.put(FakeProvider.LATENCY, "60s");
        return true;
    }
}
