package io.github.seedream4j.provider.fake;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ReferenceImage;
import io.github.seedream4j.spi.ModelOffer;
import io.github.seedream4j.tck.ImageProviderCompatibilityKit;
import io.github.seedream4j.tck.ReceivedRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The fake sends nothing anywhere: its ledger holds each call's request as the fake received it, the nearest
     * thing to a wire. Images are given as the client hands them over (a URL, or bytes as a data: URI), and the
     * version by the fake's id for the one the request names.
     */
    @Override
    protected Optional<List<ReceivedRequest>> receivedRequests() {
        return Optional.of(FakeLedger.named(ledger).requests().stream().map(this::received).toList());
    }

    private ReceivedRequest received(GenerationRequest r) {
        String model = r.model().flatMap(m -> factory().capabilities().offer(m)).map(ModelOffer::providerModelId)
                .orElse(null);
        List<String> images = r.images().stream().map(i -> i instanceof ReferenceImage.Remote remote
                ? remote.uri().toString() : ((ReferenceImage.Inline) i).dataUri()).toList();
        return new ReceivedRequest(model, images, r.maxImages().isPresent() ? r.maxImages().getAsInt() : null);
    }
}
