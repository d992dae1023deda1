package io.github.seedream4j.cli;

import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationListener;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageDestination;
import io.github.seedream4j.SeedreamClient;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Generator} over {@link SeedreamClient#generateAsync} and {@link SeedreamClient#resumeAsync}. The client
 * reports job ids and saved images as listener events keyed by its generation id; a generation is tied to its
 * request by identity in the {@code Validated} event, which the client publishes before {@code generateAsync}
 * returns. Register it as a listener of the client it wraps.
 */
final class ClientGenerator implements Generator, GenerationListener {

    private final Map<GenerationRequest, Progress> starting = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<String, Progress> running = new ConcurrentHashMap<>();
    private volatile SeedreamClient client;

    /** The client to start generations on; set once it is built, since it is built with this listener. */
    void bind(SeedreamClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<GenerationResult> start(GenerationRequest request, ImageDestination destination,
            String resumeJobId, Progress progress) {
        // an object of its own: the request's identity is what ties the client's events to this generation
        GenerationRequest own = request.toBuilder().build();
        starting.put(own, progress);
        try {
            return resumeJobId == null ? client.generateAsync(own, destination)
                    : client.resumeAsync(own, resumeJobId, destination);
        } finally {
            starting.remove(own);
        }
    }

    @Override
    public void onEvent(GenerationEvent event) {
        if (event instanceof GenerationEvent.Validated) {
            Progress p = starting.get(((GenerationEvent.Validated) event).request());
            if (p != null) {
                running.put(event.generationId(), p);
            }
            return;
        }
        Progress p = running.get(event.generationId());
        if (p == null) {
            return;
        }
        if (event instanceof GenerationEvent.Submitted) {
            p.accepted(((GenerationEvent.Submitted) event).jobId());
        } else if (event instanceof GenerationEvent.ImageFetched) {
            p.saved(((GenerationEvent.ImageFetched) event).image());
        } else if (event instanceof GenerationEvent.Completed || event instanceof GenerationEvent.Failed
                || event instanceof GenerationEvent.Cancelled) {
            running.remove(event.generationId());
        }
    }
}
