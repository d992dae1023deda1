package io.github.seedream4j.spi;

import io.github.seedream4j.UnsupportedOptionException;
import java.util.concurrent.CompletableFuture;

/**
 * A configured provider that turns one {@link ProviderCall} into images. Created by
 * {@link ImageProviderFactory#create(ProviderSettings)}, used by one client, closed with it. Thread-safe: the
 * client issues concurrent calls.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>throw only subtypes of {@link io.github.seedream4j.SeedreamException}, translated at the edge;</li>
 *   <li>hand every image to {@link GenerationContext#images()} as soon as it is available;</li>
 *   <li>never re-send a request that may have been accepted (and charged); report a job id through
 *       {@link GenerationContext#submitted(String)} as soon as one is known;</li>
 *   <li>honour {@link GenerationContext#deadline()} and {@link GenerationContext#isCancelled()}.</li>
 * </ul>
 */
public interface ImageProvider extends AutoCloseable {

    /**
     * Runs one call and blocks until its images are stored.
     *
     * @param call the call, already validated by the client; never {@code null}
     * @param context where images go, the deadline and cancellation; never {@code null}
     * @return the result, holding at least one image
     * @throws io.github.seedream4j.SeedreamException a subtype saying what went wrong; no other exception
     */
    ProviderResult generate(ProviderCall call, GenerationContext context);

    /**
     * Runs one call without blocking the caller. The default runs {@link #generate} on
     * {@link GenerationContext#executor()}; providers that wait on remote jobs override it to wait without holding
     * a thread. Cancelling the returned future cancels the call, and the provider's job when it has one.
     *
     * @param call the call, already validated by the client; never {@code null}
     * @param context where images go, the deadline and cancellation; never {@code null}
     * @return a future of the result, failing with a {@link io.github.seedream4j.SeedreamException} subtype
     */
    default CompletableFuture<ProviderResult> generateAsync(ProviderCall call, GenerationContext context) {
        return CompletableFuture.supplyAsync(() -> generate(call, context), context.executor());
    }

    /**
     * Waits for a job this provider accepted earlier (for example by a process that crashed) instead of
     * submitting, and paying for, the same request again. Providers that keep results declare
     * {@link Capabilities#resumable()}.
     *
     * @param jobId the job id the provider reported earlier, never {@code null}
     * @param call the call the job was made from, giving the expected size and seed; never {@code null}
     * @param context where images go, the deadline and cancellation; never {@code null}
     * @return a future of the result, failing with a {@link io.github.seedream4j.SeedreamException} subtype
     * @throws UnsupportedOptionException by default
     */
    default CompletableFuture<ProviderResult> resumeAsync(String jobId, ProviderCall call, GenerationContext context) {
        throw new UnsupportedOptionException("provider " + context.providerId() + " cannot resume job " + jobId
                + ": it keeps no results to resume from; submit the request again");
    }

    /** Releases connections and threads. The default does nothing. */
    @Override
    default void close() {
    }
}
