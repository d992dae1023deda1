package io.github.seedream4j;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A generation in flight, as returned by {@link SeedreamClient#submit}: its id, the provider's job ids as soon as
 * they are known, its result, and a way to cancel it. Thread-safe.
 *
 * <p>The {@link #result() result future} belongs to the generation: however it ends before the generation does
 * ({@code cancel}, {@code complete}, {@code completeExceptionally}, {@code orTimeout}), the generation is cancelled,
 * its provider job is cancelled, nothing is written, and listeners receive one final event.
 */
public final class GenerationHandle {

    private final Generation generation;

    GenerationHandle(Generation generation) {
        this.generation = generation;
    }

    /** {@return the id the client gave this generation; every event of it carries the same id} */
    public String id() {
        return generation.id;
    }

    /**
     * {@return the provider's job ids known so far, one per provider call that has one} Empty until the provider
     * accepted the request, and always empty for providers without job ids. A snapshot.
     */
    public List<String> jobIds() {
        return generation.jobIds();
    }

    /** {@return the first provider job id, once known} */
    public Optional<String> jobId() {
        return generation.firstJob();
    }

    /**
     * {@return the future of the result} It fails with a {@link SeedreamException} subtype. It is completed on one
     * of the client's event threads, after every listener has seen the final event.
     */
    public CompletableFuture<GenerationResult> result() {
        return generation.future();
    }

    /**
     * Waits for the result. An interrupt cancels the generation.
     *
     * @return the result, never {@code null}
     * @throws SeedreamException a subtype saying what went wrong; {@link GenerationCancelledException} when it was
     *         cancelled or the waiting thread was interrupted
     */
    public GenerationResult await() {
        return SeedreamClient.join(generation.future());
    }

    /**
     * Cancels the generation and the provider's job, if it is still running.
     *
     * @return whether this call ended it; false when it had already ended
     */
    public boolean cancel() {
        return generation.cancelByCaller("cancelled by the caller");
    }

    /** {@return whether the generation has its outcome} */
    public boolean isDone() {
        return generation.isSettled();
    }

    @Override
    public String toString() {
        return "GenerationHandle[" + id() + (jobIds().isEmpty() ? "" : ", jobs=" + jobIds())
                + (isDone() ? ", done" : "") + "]";
    }
}
