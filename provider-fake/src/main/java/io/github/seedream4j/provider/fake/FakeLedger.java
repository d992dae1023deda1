package io.github.seedream4j.provider.fake;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.provider.fake.internal.CallLog;
import java.util.List;

/**
 * Records every call the fake provider receives, as the request the provider saw (after the client validated it,
 * chose a seed and split it into calls), so tests can assert what would have been sent to a real provider.
 * Ledgers are named and live for the JVM; give each test its own name (setting {@value FakeProvider#LEDGER}) when
 * tests run in parallel. Thread-safe.
 */
public final class FakeLedger {

    private final String name;
    private final List<GenerationRequest> requests;

    private FakeLedger(String name) {
        this.name = name;
        this.requests = CallLog.named(name);
    }

    /** The ledger called {@code name}, created empty on first use. */
    public static FakeLedger named(String name) {
        return new FakeLedger(java.util.Objects.requireNonNull(name, "name"));
    }

    /** The ledger's name. */
    public String name() {
        return name;
    }

    /** The requests received so far, one per provider call, in arrival order. */
    public List<GenerationRequest> requests() {
        return List.copyOf(requests);
    }

    /** How many calls were received. */
    public int calls() {
        return requests.size();
    }

    /** Forgets every recorded call. */
    public void clear() {
        requests.clear();
    }

    @Override
    public String toString() {
        return "FakeLedger[" + name + ", " + requests.size() + " call(s)]";
    }
}
