package io.github.seedream4j.provider.fake.internal;

import io.github.seedream4j.GenerationRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The storage behind {@link io.github.seedream4j.provider.fake.FakeLedger}: one list of calls per ledger name. */
public final class CallLog {

    private static final Map<String, List<GenerationRequest>> LOGS = new ConcurrentHashMap<>();

    private CallLog() {
    }

    /** The live, thread-safe list of calls recorded under {@code name}. */
    public static List<GenerationRequest> named(String name) {
        return LOGS.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
    }
}
