package io.github.seedream4j.spi;

import io.github.seedream4j.UnsupportedOptionException;
import java.util.concurrent.CompletableFuture;

/**
 * A configured provider: turns one {@link ProviderCall} into images, without blocking the caller. Created by
 * {@link ImageProviderFactory#create(ProviderSettings)}, used by one client, closed with it. Thread-safe: the client
 * issues concurrent calls.
 *
 * <p>This is the whole contract; a provider whose work is naturally blocking implements
 * {@link BlockingImageProvider} and is adapted with {@link #blocking(BlockingImageProvider)}, and a blocking step
 * inside an asynchronous flow runs through {@link Blocking#supply}. Rules for implementations:
 * <ul>
 *   <li>hand every image to {@link GenerationContext#images()}; the client takes the images of the result from
 *       there, checked, and from nowhere else;</li>
 *   <li>fail the returned future only with {@link io.github.seedream4j.SeedreamException} subtypes, translated at
 *       the edge;</li>
 *   <li>never re-send a request that may have been accepted (and charged);</li>
 *   <li>report a job id through {@link Progress#submitted(String)} as soon as one is known, even when the
 *       generation was cancelled meanwhile, and cancel the job in an {@link GenerationContext#onCancel} action:
 *       such an action registered after cancellation runs at once, so a job id that arrives late is cancelled on
 *       arrival;</li>
 *   <li>stop waiting when {@link GenerationContext#isCancelled()} turns true. The client decides the outcome of a
 *       generation whose deadline passed or that was cancelled; what the provider's future says afterwards is
 *       ignored, and images it stored are discarded.</li>
 * </ul>
 */
public interface ImageProvider extends AutoCloseable {

    /**
     * Starts one call and returns at once.
     *
     * @param call the call, already validated by the client; never {@code null}
     * @param context the deadline, cancellation, threads, where images go and how to report progress; never
     *        {@code null}
     * @return a future completed with what the call produced besides its images once every image is in
     *         {@link GenerationContext#images()}, or failed with a {@link io.github.seedream4j.SeedreamException}
     *         subtype
     */
    CompletableFuture<ProviderResult> generate(ProviderCall call, GenerationContext context);

    /**
     * Waits for a job this provider accepted earlier (for example by a process that crashed) instead of submitting,
     * and paying for, the same request again. Providers that keep results declare {@link Capabilities#resumable()}
     * and override this.
     *
     * @param jobId the job id the provider reported earlier, never {@code null}
     * @param call the call the job was made from, giving the expected size and seed; never {@code null}
     * @param context as for {@link #generate}; never {@code null}
     * @return a future of the result, as for {@link #generate}; by default one failed with
     *         {@link UnsupportedOptionException}
     */
    default CompletableFuture<ProviderResult> resume(String jobId, ProviderCall call, GenerationContext context) {
        return CompletableFuture.failedFuture(new UnsupportedOptionException("this provider cannot resume job "
                + jobId + ": it keeps no results to resume from; submit the request again"));
    }

    /** Releases connections and threads. The default does nothing. */
    @Override
    default void close() {
    }

    /**
     * Adapts a provider whose work blocks: each call runs on {@link GenerationContext#executor()}, and cancellation
     * or the deadline interrupts the thread running it.
     *
     * @param provider the blocking provider, never {@code null}
     * @return an asynchronous provider that closes {@code provider} when closed
     * @throws NullPointerException if {@code provider} is null
     */
    static ImageProvider blocking(BlockingImageProvider provider) {
        java.util.Objects.requireNonNull(provider, "provider");
        return new ImageProvider() {
            @Override
            public CompletableFuture<ProviderResult> generate(ProviderCall call, GenerationContext context) {
                return Blocking.supply(context, () -> provider.generate(call, context));
            }

            @Override
            public void close() {
                provider.close();
            }

            @Override
            public String toString() {
                return "ImageProvider.blocking(" + provider + ")";
            }
        };
    }
}
