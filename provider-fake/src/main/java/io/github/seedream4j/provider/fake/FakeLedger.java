package io.github.seedream4j.provider.fake;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.provider.fake.internal.CallLog;
import java.util.List;

/**
 * Records every call the fake provider receives, as the request the provider saw (after the client validated it,
 * chose a seed and split it into calls), so tests can assert what would have been sent to a real provider.
 * A test that builds its client with {@link FakeProvider#factory(FakeLedger)} gives it a ledger of its own
 * ({@link #create()}), shared with nothing else. A fake found on the class path records into a named ledger that
 * lives for the JVM ({@link #named(String)}, chosen by the setting {@value FakeProvider#LEDGER}). Thread-safe.
 */
public final class FakeLedger {

    private final String name;
    private final List<GenerationRequest> requests;

    private FakeLedger(String name, List<GenerationRequest> requests) {
        this.name = name;
        this.requests = requests;
    }

    /**
     * The ledger called {@code name}, created empty on first use and kept for the JVM's life.
     *
     * @param name the ledger's name, never {@code null}
     * @return a view of that ledger
     * @throws NullPointerException if {@code name} is null
     */
    public static FakeLedger named(String name) {
        return new FakeLedger(java.util.Objects.requireNonNull(name, "name"),
                CallLog.named(java.util.Objects.requireNonNull(name, "name")));
    }

    /** {@return a new, empty ledger of its own, registered nowhere} Pass it to {@link FakeProvider#factory}. */
    public static FakeLedger create() {
        return new FakeLedger("unnamed", new java.util.concurrent.CopyOnWriteArrayList<>());
    }

    /** {@return the live list behind this ledger, for the fake provider's own package} */
    List<GenerationRequest> live() {
        return requests;
    }

    /** {@return the ledger's name; {@code unnamed} for one made by {@link #create()}} */
    public String name() {
        return name;
    }

    /** {@return the requests received so far, one per provider call, in arrival order} */
    public List<GenerationRequest> requests() {
        return List.copyOf(requests);
    }

    /** {@return how many calls were received} */
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
