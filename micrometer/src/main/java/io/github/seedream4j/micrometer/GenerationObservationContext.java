package io.github.seedream4j.micrometer;

import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationResult;
import io.micrometer.observation.Observation;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What an {@link GenerationObservationConvention} can see of one generation: the {@link GenerationEvent.Validated}
 * event that started it, then its outcome. Filled by {@link ObservingGenerationListener}; read by conventions and
 * observation handlers. Thread-safe.
 */
public final class GenerationObservationContext extends Observation.Context {

    /** How a generation ended. */
    public enum Outcome {
        /** Still running. */
        RUNNING,
        /** Finished with a result. */
        COMPLETED,
        /** Failed with an error. */
        FAILED,
        /** Cancelled by the caller. */
        CANCELLED
    }

    private final GenerationEvent.Validated validated;
    private volatile Outcome outcome = Outcome.RUNNING;
    private volatile GenerationResult result;
    private final AtomicInteger retries = new AtomicInteger();

    /** @param validated the event that starts the generation */
    public GenerationObservationContext(GenerationEvent.Validated validated) {
        this.validated = Objects.requireNonNull(validated, "validated");
    }

    /** {@return the event that started the generation: its id, provider, request, exact pixels and warnings} */
    public GenerationEvent.Validated validated() {
        return validated;
    }

    /** {@return the generation's id} */
    public String generationId() {
        return validated.generationId();
    }

    /** {@return the provider's id, for example {@code runpod}} */
    public String providerId() {
        return validated.providerId();
    }

    /** {@return how the generation ended, or {@link Outcome#RUNNING}} */
    public Outcome outcome() {
        return outcome;
    }

    /** {@return the result, once the generation completed} */
    public Optional<GenerationResult> result() {
        return Optional.ofNullable(result);
    }

    /** {@return how many requests were retried so far} */
    public int retries() {
        return retries.get();
    }

    void retried() {
        retries.incrementAndGet();
    }

    void completed(GenerationResult result) {
        this.result = result;
        this.outcome = Outcome.COMPLETED;
    }

    void failed() {
        this.outcome = Outcome.FAILED;
    }

    void cancelled() {
        this.outcome = Outcome.CANCELLED;
    }
}
